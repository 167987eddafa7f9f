package org.frontline.supplies.web;

import java.net.URI;
import java.util.List;

import org.frontline.supplies.BatchResult;
import org.frontline.supplies.DaysOfCover;
import org.frontline.supplies.DistrictCover;
import org.frontline.supplies.Item;
import org.frontline.supplies.Items;
import org.frontline.supplies.Ledger;
import org.frontline.supplies.Movement;
import org.frontline.supplies.MovementBatch;
import org.frontline.supplies.NewItem;
import org.frontline.supplies.NewWarehouse;
import org.frontline.supplies.PlaceStock;
import org.frontline.supplies.Stock;
import org.frontline.supplies.Warehouse;
import org.frontline.supplies.Warehouses;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class SuppliesApiController {

	private final Items items;

	private final Stock stock;

	private final Ledger ledger;

	private final Warehouses warehouses;

	private final DaysOfCover cover;

	SuppliesApiController(Items items, Stock stock, Ledger ledger, Warehouses warehouses, DaysOfCover cover) {
		this.items = items;
		this.stock = stock;
		this.ledger = ledger;
		this.warehouses = warehouses;
		this.cover = cover;
	}

	@GetMapping("/items")
	List<Item> items() {
		return items.list();
	}

	@PostMapping("/items")
	ResponseEntity<Item> addItem(@RequestBody NewItem item) {
		Item added = items.add(item);
		return ResponseEntity.created(URI.create("/api/v1/items/" + added.code())).body(added);
	}

	@GetMapping("/stock")
	PlaceStock stock(@RequestParam String place, @RequestParam(required = false) String item) {
		return stock.of(place, item);
	}

	@PostMapping("/movements")
	BatchResult record(@RequestBody MovementBatch batch) {
		return ledger.record(batch);
	}

	@GetMapping("/movements")
	List<Movement> movements(@RequestParam String item, @RequestParam(required = false) String place,
			@RequestParam(required = false) Long before, @RequestParam(defaultValue = "50") int limit) {
		return ledger.movements(item, place, before, limit);
	}

	@GetMapping("/warehouses")
	List<Warehouse> warehouses() {
		return warehouses.list();
	}

	@PostMapping("/warehouses")
	ResponseEntity<Warehouse> openWarehouse(@RequestBody NewWarehouse warehouse) {
		Warehouse opened = warehouses.open(warehouse);
		return ResponseEntity.created(URI.create("/api/v1/warehouses/" + opened.id())).body(opened);
	}

	@GetMapping("/supplies/cover")
	DistrictCover cover(@RequestParam(required = false) String area) {
		return cover.of(area);
	}
}
