package org.frontline.supplies.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import java.util.stream.Collectors;

import org.frontline.shared.Problem;
import org.frontline.shared.Viewers;
import org.frontline.supplies.Item;
import org.frontline.shared.web.Texts;
import org.frontline.supplies.Approval;
import org.frontline.supplies.Arrival;
import org.frontline.supplies.Items;
import org.frontline.supplies.Ledger;
import org.frontline.supplies.MovementType;
import org.frontline.supplies.NewMovement;
import org.frontline.supplies.NewRequest;
import org.frontline.supplies.NewRequest.RequestedItem;
import org.frontline.supplies.PlaceInfo;
import org.frontline.supplies.PlaceKind;
import org.frontline.supplies.PlaceStock;
import org.frontline.supplies.Shipment;
import org.frontline.supplies.Shipments;
import org.frontline.supplies.Stock;
import org.frontline.supplies.SupplyRequests;
import org.frontline.supplies.Warehouses;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

@Controller
class SuppliesPageController {

	private final Stock stock;

	private final Items items;

	private final Ledger ledger;

	private final SupplyRequests requests;

	private final Shipments shipments;

	private final Warehouses warehouses;

	private final Texts texts;

	private final DeliveryNotes notes;

	SuppliesPageController(Stock stock, Items items, Ledger ledger, SupplyRequests requests, Shipments shipments,
			Warehouses warehouses, Texts texts, DeliveryNotes notes) {
		this.notes = notes;
		this.stock = stock;
		this.items = items;
		this.ledger = ledger;
		this.requests = requests;
		this.shipments = shipments;
		this.warehouses = warehouses;
		this.texts = texts;
	}

	/** The stock of one place the viewer sees, by item and lot, with days of cover; their own place first. */
	@GetMapping("/supplies")
	String stock(@RequestParam(required = false) String place, Model model) {
		List<PlaceInfo> places = stock.places();
		model.addAttribute("places", places);
		String chosen = place != null && !place.isBlank() ? place : places.isEmpty() ? null : places.get(0).code();
		if (chosen != null) {
			PlaceStock shown = stock.of(chosen, null);
			model.addAttribute("stock", shown);
			model.addAttribute("lowCount", shown.items().stream().filter(i -> i.low(shown.lowCoverDays())).count());
			model.addAttribute("clientId", UUID.randomUUID().toString());
			model.addAttribute("items", items.list());
		}
		return "supplies/stock";
	}

	/** Issue (use at the place) or write off, from the stock page. */
	@PostMapping("/supplies/movements")
	String move(@RequestParam String place, @RequestParam String type, @RequestParam String item,
			@RequestParam(required = false) Long quantity, @RequestParam(required = false) String lot,
			@RequestParam(required = false) String reason, @RequestParam String clientId, RedirectAttributes redirect) {
		MovementType movementType = MovementType.WRITE_OFF.name().equals(type) ? MovementType.WRITE_OFF
				: MovementType.ISSUE;
		attempt(redirect, "supplies.stock.recorded", () -> ledger.recordOne(new NewMovement(clientId,
				movementType.name(), item, quantity, place, null, lot, null, reason, null, null)));
		return "redirect:" + UriComponentsBuilder.fromPath("/supplies").queryParam("place", place).build().toUriString();
	}

	/** An item's latest movements at a place (or every place the viewer sees). */
	@GetMapping("/supplies/movements")
	String movements(@RequestParam String item, @RequestParam(required = false) String place,
			@RequestParam(required = false) Long before, Model model) {
		model.addAttribute("item", items.get(item));
		model.addAttribute("place", place);
		model.addAttribute("movements", ledger.movements(item, place, before, 50));
		return "supplies/movements";
	}

	/** Requests from and to the viewer's places: the warehouse's queue, a post's own requests and a new one. */
	@GetMapping("/supplies/requests")
	String requests(Model model) {
		model.addAttribute("requests", requests.list(null));
		List<PlaceInfo> own = stock.places().stream().filter(p -> p.kind() != PlaceKind.WAREHOUSE).toList();
		model.addAttribute("ownPlaces", own);
		model.addAttribute("warehouses", warehouses.all());
		model.addAttribute("items", items.list());
		model.addAttribute("clientId", UUID.randomUUID().toString());
		model.addAttribute("warehouseSide", Viewers.current().map(v -> v.hasAny(SupplyRequests.WAREHOUSE)).orElse(false));
		return "supplies/requests";
	}

	@PostMapping("/supplies/requests")
	String request(@RequestParam String clientId, @RequestParam String place, @RequestParam String warehouse,
			@RequestParam String neededBy, @RequestParam(required = false) String note,
			@RequestParam(name = "item", required = false) List<String> lineItems,
			@RequestParam(name = "quantity", required = false) List<Long> quantities, RedirectAttributes redirect) {
		List<RequestedItem> lines = new ArrayList<>();
		for (int i = 0; lineItems != null && i < lineItems.size(); i++) {
			Long quantity = quantities != null && i < quantities.size() ? quantities.get(i) : null;
			if (lineItems.get(i) != null && !lineItems.get(i).isBlank() && quantity != null && quantity > 0) {
				lines.add(new RequestedItem(lineItems.get(i), quantity));
			}
		}
		attempt(redirect, "supplies.requests.sent",
				() -> requests.create(new NewRequest(clientId, place, warehouse, neededBy, note, lines)));
		return "redirect:/supplies/requests";
	}

	@PostMapping("/supplies/requests/{id}/approve")
	String approve(@PathVariable long id, @RequestParam(name = "item", required = false) List<String> lineItems,
			@RequestParam(name = "approved", required = false) List<Long> approved, RedirectAttributes redirect) {
		List<RequestedItem> lines = new ArrayList<>();
		for (int i = 0; lineItems != null && i < lineItems.size(); i++) {
			lines.add(new RequestedItem(lineItems.get(i), approved != null && i < approved.size() ? approved.get(i) : 0L));
		}
		if (!lines.isEmpty() && lines.stream().allMatch(l -> l.quantity() == null || l.quantity() == 0)) {
			lines = List.of(new RequestedItem(lines.get(0).item(), 0L));
		}
		List<RequestedItem> decided = lines;
		attempt(redirect, "supplies.requests.approved", () -> requests.approve(id, new Approval(decided)));
		return "redirect:/supplies/requests#request-" + id;
	}

	@PostMapping("/supplies/requests/{id}/dispatch")
	String dispatch(@PathVariable long id, RedirectAttributes redirect) {
		attempt(redirect, "supplies.requests.dispatched", () -> requests.dispatch(id));
		return "redirect:/supplies/requests#request-" + id;
	}

	/** The phone page for receiving: a scanner or the camera reads the delivery note's code. */
	@GetMapping("/supplies/receive")
	String receive(@RequestParam(required = false) String code) {
		if (code != null && !code.isBlank()) {
			return "redirect:" + UriComponentsBuilder.fromPath("/supplies/receive/{code}")
				.buildAndExpand(code.strip())
				.toUriString();
		}
		return "supplies/receive";
	}

	/** A shipment to count and confirm (the delivery note's QR code opens this page). */
	@GetMapping("/supplies/receive/{code}")
	String shipment(@PathVariable String code, Model model) {
		try {
			model.addAttribute("shipment", shipments.get(code));
			model.addAttribute("catalogue", items.list().stream().collect(Collectors.toMap(Item::code, i -> i)));
		}
		catch (Problem problem) {
			if (problem.status().value() != 404) {
				throw problem;
			}
			model.addAttribute("error", texts.text(problem));
			model.addAttribute("code", code);
			return "supplies/receive";
		}
		return "supplies/shipment";
	}

	@PostMapping("/supplies/receive/{code}")
	String received(@PathVariable String code, @RequestParam(name = "movement", required = false) List<Long> movements,
			@RequestParam(name = "received", required = false) List<Long> counts,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		List<Arrival.Counted> lines = new ArrayList<>();
		for (int i = 0; movements != null && i < movements.size(); i++) {
			lines.add(new Arrival.Counted(movements.get(i), counts != null && i < counts.size() ? counts.get(i) : null));
		}
		attempt(redirect, "supplies.receive.done", () -> shipments.receive(code, new Arrival(lines, note)));
		return "redirect:" + UriComponentsBuilder.fromPath("/supplies/receive/{code}").buildAndExpand(code).toUriString();
	}

	@GetMapping("/supplies/shipments/{code}/note.pdf")
	ResponseEntity<byte[]> note(@PathVariable String code) {
		return pdf(notes.pdf(code), "delivery-note-" + code + ".pdf");
	}

	static ResponseEntity<byte[]> pdf(byte[] bytes, String filename) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(filename.replaceAll("[^A-Za-z0-9._-]", "_")).build().toString())
			.body(bytes);
	}

	private void attempt(RedirectAttributes redirect, String doneKey, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("done", doneKey);
		}
		catch (Problem problem) {
			redirect.addFlashAttribute("error", texts.text(problem));
		}
	}

}
