package org.frontline.supplies.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.function.Function;

import org.frontline.supplies.Approval;
import org.frontline.supplies.Arrival;
import org.frontline.supplies.BatchResult;
import org.frontline.supplies.DaysOfCover;
import org.frontline.supplies.DistrictCover;
import org.frontline.supplies.Donation;
import org.frontline.supplies.Donations;
import org.frontline.supplies.Item;
import org.frontline.supplies.Items;
import org.frontline.supplies.Ledger;
import org.frontline.supplies.Movement;
import org.frontline.supplies.MovementBatch;
import org.frontline.supplies.NewDonation;
import org.frontline.supplies.NewItem;
import org.frontline.supplies.NewRequest;
import org.frontline.supplies.NewWarehouse;
import org.frontline.supplies.Norm;
import org.frontline.supplies.NormBasis;
import org.frontline.supplies.Norms;
import org.frontline.supplies.PlaceStock;
import org.frontline.supplies.Shipment;
import org.frontline.supplies.Shipments;
import org.frontline.supplies.Stock;
import org.frontline.supplies.SupplyRequest;
import org.frontline.supplies.SupplyRequests;
import org.frontline.supplies.Warehouse;
import org.frontline.supplies.Warehouses;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
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

	private final SupplyRequests requests;

	private final Shipments shipments;

	private final DeliveryNotes notes;

	private final Donations donations;

	private final DonationLetters letters;

	private final Norms norms;

	SuppliesApiController(Items items, Stock stock, Ledger ledger, Warehouses warehouses, DaysOfCover cover,
			SupplyRequests requests, Shipments shipments, DeliveryNotes notes, Donations donations,
			DonationLetters letters, Norms norms) {
		this.items = items;
		this.stock = stock;
		this.ledger = ledger;
		this.warehouses = warehouses;
		this.cover = cover;
		this.requests = requests;
		this.shipments = shipments;
		this.notes = notes;
		this.donations = donations;
		this.letters = letters;
		this.norms = norms;
	}

	/** 201 Created with the new resource and where it is: /api/v1/{collection}/{id}. */
	private static <T> ResponseEntity<T> created(String collection, T body, Function<T, Object> id) {
		return ResponseEntity.created(URI.create("/api/v1/" + collection + "/" + id.apply(body))).body(body);
	}

	@GetMapping("/items")
	List<Item> items() {
		return items.list();
	}

	@PostMapping("/items")
	ResponseEntity<Item> addItem(@RequestBody NewItem item) {
		return created("items", items.add(item), Item::code);
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
		return created("warehouses", warehouses.open(warehouse), Warehouse::id);
	}

	@GetMapping("/supplies/cover")
	DistrictCover cover(@RequestParam(required = false) String area) {
		return cover.of(area);
	}

	@GetMapping("/requests")
	List<SupplyRequest> requests(@RequestParam(required = false) String place) {
		return requests.list(place);
	}

	@PostMapping("/requests")
	ResponseEntity<SupplyRequest> request(@RequestBody NewRequest request) {
		return created("requests", requests.create(request), SupplyRequest::id);
	}

	@GetMapping("/requests/{id}")
	SupplyRequest request(@PathVariable long id) {
		return requests.get(id);
	}

	@PostMapping("/requests/{id}/approve")
	SupplyRequest approve(@PathVariable long id, @RequestBody(required = false) Approval approval) {
		return requests.approve(id, approval);
	}

	@PostMapping("/requests/{id}/dispatch")
	SupplyRequest dispatch(@PathVariable long id) {
		return requests.dispatch(id);
	}

	@PostMapping("/requests/{id}/receive")
	SupplyRequest receive(@PathVariable long id, @RequestBody(required = false) Arrival arrival) {
		return requests.receive(id, arrival);
	}

	@GetMapping("/shipments/{code}")
	Shipment shipment(@PathVariable String code) {
		return shipments.get(code);
	}

	@GetMapping("/shipments/{code}/note.pdf")
	ResponseEntity<byte[]> note(@PathVariable String code) {
		return SuppliesPageController.pdf(notes.pdf(code), "delivery-note-" + code + ".pdf");
	}

	@PostMapping("/shipments/{code}/receive")
	Shipment receiveShipment(@PathVariable String code, @RequestBody(required = false) Arrival arrival) {
		return shipments.receive(code, arrival);
	}

	@GetMapping("/donations")
	List<Donation> donations() {
		return donations.list();
	}

	@PostMapping("/donations")
	ResponseEntity<Donation> donate(@RequestBody NewDonation donation) {
		return created("donations", donations.record(donation), Donation::id);
	}

	@GetMapping("/donations/{id}")
	Donation donation(@PathVariable long id) {
		return donations.get(id);
	}

	@GetMapping("/donations/{id}/letter.pdf")
	ResponseEntity<byte[]> letter(@PathVariable long id) {
		return SuppliesPageController.pdf(letters.pdf(id), "donation-" + id + ".pdf");
	}

	@GetMapping("/supplies/norms")
	List<Norm> norms() {
		return norms.list();
	}

	@PutMapping("/supplies/norms/{basis}")
	List<Norm> replaceNorms(@PathVariable NormBasis basis, @RequestBody List<Norm> replacement) {
		return norms.replace(basis, replacement);
	}

	record LowCover(BigDecimal days) {
	}

	@GetMapping("/supplies/settings/low-cover-days")
	LowCover lowCoverDays() {
		return new LowCover(BigDecimal.valueOf(norms.lowCoverDays()));
	}

	@PutMapping("/supplies/settings/low-cover-days")
	LowCover setLowCoverDays(@RequestBody LowCover setting) {
		return new LowCover(BigDecimal.valueOf(norms.setLowCoverDays(setting == null ? null : setting.days())));
	}
}
