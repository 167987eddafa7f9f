package org.frontline.supplies;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.frontline.audit.AuditLog;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.supplies.NewRequest.RequestedItem;
import org.frontline.supplies.internal.ItemRepository;
import org.frontline.supplies.internal.LedgerWriter;
import org.frontline.supplies.internal.LedgerWriter.Plan;
import org.frontline.supplies.internal.PlaceDirectory;
import org.frontline.supplies.internal.RequestRepository;
import org.frontline.supplies.internal.RequestRepository.LineRow;
import org.frontline.supplies.internal.RequestRepository.RequestRow;
import org.frontline.supplies.internal.ShipmentRepository;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests of posts to warehouses: a post asks for items by a time; the warehouse approves all or part of it and
 * dispatches what it approved as one shipment of transfers; the post confirms what arrived.
 */
@Service
public class SupplyRequests {

	/** Who works a warehouse's queue (approve, dispatch), at the warehouses their scope covers. */
	public static final Role[] WAREHOUSE = { Role.ADMIN, Role.COMMANDER, Role.WAREHOUSE_KEEPER };

	private static final int MAX_LINES = 50;

	private final RequestRepository requests;

	private final ItemRepository items;

	private final PlaceDirectory places;

	private final LedgerWriter writer;

	private final ShipmentRepository shipments;

	private final Shipments shipmentService;

	private final AuditLog auditLog;

	private final Clock clock;

	SupplyRequests(RequestRepository requests, ItemRepository items, PlaceDirectory places, LedgerWriter writer,
			ShipmentRepository shipments, Shipments shipmentService, AuditLog auditLog, Clock clock) {
		this.requests = requests;
		this.items = items;
		this.places = places;
		this.writer = writer;
		this.shipments = shipments;
		this.shipmentService = shipmentService;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** A post's request (a resent one, by its client id, answers the request made the first time). */
	@Transactional
	public SupplyRequest create(NewRequest request) {
		Viewer viewer = Viewers.requireAny(Ledger.WRITERS);
		if (request == null) {
			throw Problem.invalid("request", "problem.body.missing");
		}
		UUID clientId = request.clientId() == null || request.clientId().isBlank() ? UUID.randomUUID()
				: uuid(request.clientId());
		var existing = requests.byClientId(clientId);
		if (existing.isPresent()) {
			return get(existing.get());
		}
		PlaceInfo place = places.visible(viewer, request.place(), "place");
		PlaceInfo warehouse = places.existing(request.warehouse(), "warehouse");
		if (warehouse.kind() != PlaceKind.WAREHOUSE) {
			throw Problem.invalid("warehouse", "supplies.request.not-a-warehouse", request.warehouse());
		}
		if (place.code().equals(warehouse.code())) {
			throw Problem.invalid("warehouse", "supplies.transfer.same-place");
		}
		Instant neededBy = neededBy(request.neededBy());
		Map<String, Long> lines = lines(request.lines(), "lines");
		if (lines.values().stream().anyMatch(q -> q == 0)) {
			throw Problem.invalid("quantity", "supplies.movement.quantity", 1, Ledger.MAX_QUANTITY);
		}
		String note = Ledger.text(request.note(), "note", 500);
		places.register(List.of(place, warehouse));
		long id = requests
			.insert(clientId, place.code(), warehouse.code(), neededBy, note, clock.instant(), viewer.username(), lines)
			.orElseGet(() -> requests.byClientId(clientId).orElseThrow());
		auditLog.record("SUPPLIES_REQUEST", "supplies_request", id, place.code() + " -> " + warehouse.code());
		return get(id);
	}

	/** A request the viewer sees (from or to a place of theirs). */
	@Transactional(readOnly = true)
	public SupplyRequest get(long id) {
		Viewer viewer = Viewers.requireAny(Stock.READERS);
		RequestRow row = requests.find(id, false).orElseThrow(() -> Problem.notFound("supplies.request.not-found", id));
		SupplyRequest request = view(List.of(row)).get(0);
		if (!places.sees(viewer, request.place()) && !places.sees(viewer, request.warehouse())) {
			throw Problem.notFound("supplies.request.not-found", id);
		}
		return request;
	}

	/** The latest requests from or to the places the viewer sees (or one of them), open ones first by needed-by time. */
	@Transactional(readOnly = true)
	public List<SupplyRequest> list(String place) {
		Viewer viewer = Viewers.requireAny(Stock.READERS);
		List<RequestRow> rows;
		if (place != null && !place.isBlank()) {
			rows = requests.list(places.visible(viewer, place, "place").code(), null, null, 200);
		}
		else if (!viewer.places().isEmpty()) {
			rows = places.ownPlace(viewer).map(own -> requests.list(own.toString(), null, null, 200)).orElse(List.of());
		}
		else {
			rows = requests.list(null, viewer.scopeLow(), viewer.scopeHigh(), 200);
		}
		return view(rows).stream()
			.filter(r -> places.sees(viewer, r.place()) || places.sees(viewer, r.warehouse()))
			.toList();
	}

	/** The warehouse approves all or part of a request (nothing at all declines it). */
	@Transactional
	public SupplyRequest approve(long id, Approval approval) {
		Viewer viewer = Viewers.requireAny(WAREHOUSE);
		RequestRow row = atWarehouse(viewer, id);
		if (row.status() != RequestStatus.REQUESTED) {
			throw Problem.conflict("request-status", "supplies.request.not-requested", id);
		}
		List<LineRow> lines = requests.lines(List.of(id)).getOrDefault(id, List.of());
		Map<String, Long> approved = new HashMap<>();
		if (approval == null || approval.lines() == null || approval.lines().isEmpty()) {
			lines.forEach(line -> approved.put(line.item(), line.requested()));
		}
		else {
			approved.putAll(lines(approval.lines(), "lines"));
			for (Map.Entry<String, Long> entry : approved.entrySet()) {
				LineRow line = lines.stream().filter(l -> l.item().equals(entry.getKey())).findFirst().orElse(null);
				if (line == null) {
					throw Problem.invalid("lines", "supplies.request.item-not-requested", entry.getKey());
				}
				if (entry.getValue() > line.requested()) {
					throw Problem.invalid("quantity", "supplies.request.more-than-requested", entry.getKey(),
							line.requested());
				}
			}
		}
		boolean any = approved.values().stream().anyMatch(q -> q > 0);
		requests.approve(id, approved, any ? RequestStatus.APPROVED : RequestStatus.DECLINED, clock.instant(),
				viewer.username());
		auditLog.record("SUPPLIES_REQUEST_APPROVE", "supplies_request", id, approved.toString());
		return get(id);
	}

	/**
	 * The warehouse sends what it approved: one transfer per item (earliest-expiring lots first) on one shipment.
	 * Refused with 409 and how many are available when the warehouse holds too little of an item.
	 */
	@Transactional
	public SupplyRequest dispatch(long id) {
		Viewer viewer = Viewers.requireAny(WAREHOUSE);
		RequestRow row = atWarehouse(viewer, id);
		if (row.status() != RequestStatus.APPROVED) {
			throw Problem.conflict("request-status", "supplies.request.not-approved", id);
		}
		PlaceInfo from = places.existing(row.warehouse(), "warehouse");
		PlaceInfo to = places.existing(row.place(), "place");
		Instant now = clock.instant();
		long shipment = shipments.insert(from.code(), to.code(), id, now, viewer.username()).id();
		List<Plan> plans = new ArrayList<>();
		for (LineRow line : requests.lines(List.of(id)).getOrDefault(id, List.of())) {
			if (line.approved() == null || line.approved() == 0) {
				continue;
			}
			Item item = items.find(line.item()).orElseThrow();
			UUID clientId = UUID.nameUUIDFromBytes(("supplies-request:" + id + ":" + line.item())
				.getBytes(StandardCharsets.UTF_8));
			plans.add(new Plan(clientId, MovementType.TRANSFER, item, line.approved(), from, to, null, null, null, null,
					shipment, null, null));
		}
		for (MovementResult result : writer.apply(plans, viewer.username())) {
			if (result.status() == MovementStatus.REJECTED) {
				throw new Problem(HttpStatus.CONFLICT, result.type(), result.reason().key(),
						result.reason().args().toArray());
			}
		}
		requests.dispatched(id, shipment, now);
		auditLog.record("SUPPLIES_REQUEST_DISPATCH", "supplies_request", id, from.code() + " -> " + to.code());
		return get(id);
	}

	/** The post confirms what arrived of the request's shipment. */
	@Transactional
	public SupplyRequest receive(long id, Arrival arrival) {
		Viewers.requireAny(Ledger.WRITERS);
		SupplyRequest request = get(id);
		if (request.status() != RequestStatus.DISPATCHED || request.shipment() == null) {
			throw Problem.conflict("request-status", "supplies.request.not-dispatched", id);
		}
		shipmentService.receive(request.shipment(), arrival);
		return get(id);
	}

	/**
	 * Per area of the requesting places inside {@code [low, high)}: requests made and received in {@code [from, to)}
	 * and those overdue at its end (for the command centre's daily report, no viewer).
	 */
	@Transactional(readOnly = true)
	public List<RequestsOfDay> day(String low, String high, Instant from, Instant to) {
		return requests.day(low, high, from, to);
	}

	/** Open requests past their needed-by time (for the overdue check, no viewer). */
	public List<SupplyRequest> overdue() {
		return view(requests.overdue(clock.instant()));
	}

	private RequestRow atWarehouse(Viewer viewer, long id) {
		RequestRow row = requests.find(id, true).orElseThrow(() -> Problem.notFound("supplies.request.not-found", id));
		PlaceInfo warehouse = places.existing(row.warehouse(), "warehouse");
		if (!places.sees(viewer, warehouse)) {
			PlaceInfo place = places.existing(row.place(), "place");
			throw places.sees(viewer, place) ? Problem.forbidden("supplies.request.warehouse-only")
					: Problem.notFound("supplies.request.not-found", id);
		}
		return row;
	}

	private List<SupplyRequest> view(List<RequestRow> rows) {
		Map<Long, List<LineRow>> lines = requests.lines(rows.stream().map(RequestRow::id).toList());
		Map<String, Item> catalogue = new HashMap<>();
		items.all().forEach(item -> catalogue.put(item.code(), item));
		Map<String, PlaceInfo> named = places.findAll(rows.stream()
			.flatMap(r -> java.util.stream.Stream.of(r.place(), r.warehouse()))
			.collect(java.util.stream.Collectors.toSet()));
		Map<Long, Map<String, long[]>> moved = new HashMap<>();
		for (RequestRow row : rows) {
			if (row.shipmentId() != null) {
				Map<String, long[]> byItem = new HashMap<>();
				shipmentService.view(shipments.find(row.shipmentId()).orElseThrow()).lines().forEach(m -> {
					long[] sums = byItem.computeIfAbsent(m.item(), k -> new long[] { 0, 0, 0 });
					sums[0] += m.quantity();
					if (m.received() != null) {
						sums[1] += m.received();
						sums[2] = 1;
					}
				});
				moved.put(row.id(), byItem);
			}
		}
		Instant now = clock.instant();
		List<SupplyRequest> result = new ArrayList<>();
		for (RequestRow row : rows) {
			List<RequestLine> requestLines = new ArrayList<>();
			for (LineRow line : lines.getOrDefault(row.id(), List.of())) {
				long[] sums = moved.getOrDefault(row.id(), Map.of()).get(line.item());
				requestLines.add(new RequestLine(catalogue.get(line.item()), line.requested(), line.approved(),
						sums == null ? null : sums[0], sums == null || sums[2] == 0 ? null : sums[1]));
			}
			result.add(new SupplyRequest(row.id(), named.get(row.place()), named.get(row.warehouse()), row.neededBy(),
					row.status(), row.note(), row.createdAt(), row.createdBy(), row.approvedAt(), row.approvedBy(),
					row.dispatchedAt(), row.shipmentCode(), row.receivedAt(), requestLines,
					row.status().open() && row.neededBy().isBefore(now)));
		}
		return result;
	}

	private Map<String, Long> lines(List<RequestedItem> lines, String field) {
		if (lines == null || lines.isEmpty()) {
			throw Problem.invalid(field, "supplies.request.no-lines");
		}
		if (lines.size() > MAX_LINES) {
			throw Problem.invalid(field, "supplies.request.too-many-lines", MAX_LINES);
		}
		Map<String, Long> byItem = new LinkedHashMap<>();
		for (RequestedItem line : lines) {
			if (line == null || line.item() == null || line.item().isBlank()) {
				throw Problem.invalid("item", "supplies.item.missing");
			}
			String code = line.item().strip();
			if (items.find(code).isEmpty()) {
				throw Problem.invalid("item", "supplies.item.unknown", code);
			}
			if (line.quantity() == null || line.quantity() < 0 || line.quantity() > Ledger.MAX_QUANTITY) {
				throw Problem.invalid("quantity", "supplies.movement.quantity", 0, Ledger.MAX_QUANTITY);
			}
			byItem.merge(code, line.quantity(), Long::sum);
		}
		return byItem;
	}

	private static UUID uuid(String text) {
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw Problem.invalid("clientId", "supplies.movement.client-id", text);
		}
	}

	private Instant neededBy(String text) {
		if (text == null || text.isBlank()) {
			throw Problem.invalid("neededBy", "supplies.request.needed-by-missing");
		}
		try {
			return OffsetDateTime.parse(text.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				return java.time.LocalDateTime.parse(text.strip()).atZone(clock.getZone()).toInstant();
			}
			catch (DateTimeParseException again) {
				throw Problem.invalid("neededBy", "supplies.request.needed-by", text);
			}
		}
	}
}
