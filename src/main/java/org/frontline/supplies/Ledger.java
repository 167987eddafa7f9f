package org.frontline.supplies;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.frontline.shared.Message;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.supplies.internal.DonationRepository;
import org.frontline.supplies.internal.ItemRepository;
import org.frontline.supplies.internal.LedgerRepository;
import org.frontline.supplies.internal.LedgerRepository.Written;
import org.frontline.supplies.internal.LedgerWriter;
import org.frontline.supplies.internal.LedgerWriter.DonorRef;
import org.frontline.supplies.internal.LedgerWriter.Plan;
import org.frontline.supplies.internal.PlaceDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The movement ledger: records movements (one or a batch, each exactly once by its client id) and reads an item's
 * movements. A user moves stock only at places their scope covers; a transfer may go to any place.
 */
@Service
public class Ledger {

	/** Who may record movements (each at the places their scope covers). */
	public static final Role[] WRITERS = { Role.ADMIN, Role.COMMANDER, Role.WAREHOUSE_KEEPER, Role.SITE_LEADER,
			Role.FACILITY_STAFF, Role.COMMUNITY_WORKER, Role.ENTERPRISE_LIAISON };

	public static final int MAX_BATCH = 1000;

	public static final long MAX_QUANTITY = 1_000_000;

	private static final Pattern LOT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,39}");

	private final ItemRepository items;

	private final LedgerRepository ledger;

	private final LedgerWriter writer;

	private final PlaceDirectory places;

	private final DonationRepository donations;

	private final java.time.Clock clock;

	Ledger(ItemRepository items, LedgerRepository ledger, LedgerWriter writer, PlaceDirectory places,
			DonationRepository donations, java.time.Clock clock) {
		this.donations = donations;
		this.items = items;
		this.ledger = ledger;
		this.writer = writer;
		this.places = places;
		this.clock = clock;
	}

	/** Records a batch: every movement is answered ACCEPTED, DUPLICATE or REJECTED (with why), in order. */
	@Transactional
	public BatchResult record(MovementBatch batch) {
		return record(Collections.singletonList(batch)).get(0);
	}

	/**
	 * Records batches in one transaction, each answered as {@link #record(MovementBatch)} answers it: a loader's
	 * movements that take more than one batch. The stock of every place and item of all of them is locked first, in
	 * one call, so the transaction never holds one batch's stock while it waits for another's.
	 */
	@Transactional
	public List<BatchResult> record(List<MovementBatch> batches) {
		Viewer viewer = Viewers.requireAny(WRITERS);
		Map<String, Item> catalogue = items.all().stream().collect(Collectors.toMap(Item::code, i -> i));
		List<List<MovementResult>> results = new ArrayList<>();
		List<List<Plan>> plans = new ArrayList<>();
		List<List<Integer>> planned = new ArrayList<>();
		for (MovementBatch batch : batches) {
			if (batch == null || batch.movements() == null || batch.movements().isEmpty()) {
				throw Problem.invalid("movements", "supplies.batch.empty");
			}
			if (batch.movements().size() > MAX_BATCH) {
				throw Problem.invalid("movements", "supplies.batch.too-large", MAX_BATCH);
			}
			List<MovementResult> answers = new ArrayList<>();
			List<Plan> checked = new ArrayList<>();
			List<Integer> at = new ArrayList<>();
			for (NewMovement movement : batch.movements()) {
				try {
					checked.add(check(viewer, movement, catalogue));
					at.add(answers.size());
					answers.add(null);
				}
				catch (Problem problem) {
					answers.add(rejected(movement, problem));
				}
			}
			results.add(answers);
			plans.add(checked);
			planned.add(at);
		}
		if (plans.size() > 1) {
			writer.lock(LedgerWriter.keys(plans.stream().flatMap(List::stream).toList()));
		}
		for (int b = 0; b < plans.size(); b++) {
			List<MovementResult> applied = writer.apply(plans.get(b), viewer.username());
			for (int i = 0; i < applied.size(); i++) {
				results.get(b).set(planned.get(b).get(i), applied.get(i));
			}
		}
		return results.stream().map(BatchResult::new).toList();
	}

	/**
	 * Records one movement (a page's form): its answer when accepted or a duplicate, else the problem (409 with how
	 * many are available when there is too little stock).
	 */
	@Transactional
	public MovementResult recordOne(NewMovement movement) {
		MovementResult result = record(new MovementBatch(List.of(movement))).results().get(0);
		if (result.status() != MovementStatus.REJECTED) {
			return result;
		}
		HttpStatus status = "invalid-input".equals(result.type()) ? HttpStatus.BAD_REQUEST
				: "not-found".equals(result.type()) ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
		if (status == HttpStatus.BAD_REQUEST) {
			throw Problem.invalid(result.field(), result.reason().key(), result.reason().args().toArray());
		}
		throw new Problem(status, result.type(), result.reason().key(), result.reason().args().toArray());
	}

	/**
	 * Books a donation's items as DONATION movements into {@code to} (checked as any movement); refused as a whole
	 * when one of them is wrong.
	 */
	void recordDonation(Viewer viewer, long donationId, List<NewMovement> lines) {
		Map<String, Item> catalogue = items.all().stream().collect(Collectors.toMap(Item::code, i -> i));
		List<Plan> plans = new ArrayList<>();
		for (NewMovement line : lines) {
			Plan plan = check(viewer, line, catalogue);
			plans.add(new Plan(plan.clientId(), plan.type(), plan.item(), plan.quantity(), plan.from(), plan.to(),
					plan.lot(), plan.expiresOn(), plan.reason(), null, null, donationId, null));
		}
		for (MovementResult result : writer.apply(plans, viewer.username())) {
			if (result.status() == MovementStatus.REJECTED) {
				throw Problem.invalid(result.field() == null ? "items" : result.field(), result.reason().key(),
						result.reason().args().toArray());
			}
		}
	}

	/**
	 * The latest movements of an item, newest first, {@code limit} at a time (older than {@code before} when given):
	 * at one place, or at every place the viewer sees.
	 */
	@Transactional(readOnly = true)
	public List<Movement> movements(String item, String place, Long before, int limit) {
		Viewer viewer = Viewers.requireAny(Stock.READERS);
		items.find(item).orElseThrow(() -> Problem.notFound("supplies.item.not-found", item));
		int size = Math.max(1, Math.min(limit, 200));
		List<LedgerRepository.Row> rows;
		if (place != null && !place.isBlank()) {
			rows = ledger.movements(item, places.visible(viewer, place, "place").code(), null, null, before, size);
		}
		else if (!viewer.places().isEmpty()) {
			String own = places.ownPlace(viewer).map(Place::toString).orElse("NONE:0");
			rows = places.ownPlace(viewer).isEmpty() ? List.of() : ledger.movements(item, own, null, null, before, size);
		}
		else {
			rows = ledger.movements(item, null, viewer.scopeLow(), viewer.scopeHigh(), before, size);
		}
		return movements(rows);
	}

	/** Ledger rows as the API and pages show them, with their places named. */
	public List<Movement> movements(List<LedgerRepository.Row> rows) {
		Map<String, PlaceInfo> named = places.findAll(rows.stream()
			.flatMap(r -> java.util.stream.Stream.of(r.from(), r.to()))
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet()));
		return rows.stream()
			.map(r -> new Movement(r.id(), r.clientId().toString(), r.part(), MovementType.valueOf(r.type()), r.item(),
					r.quantity(), r.counted(), r.from() == null ? null : named.get(r.from()),
					r.to() == null ? null : named.get(r.to()), r.lot(), r.expiresOn(), r.reason(), r.reverses(),
					r.shipmentId(), r.donationId(), r.at(), r.by(), r.received(), r.discrepancy(), r.reversed()))
			.toList();
	}

	private Plan check(Viewer viewer, NewMovement m, Map<String, Item> catalogue) {
		if (m == null) {
			throw Problem.invalid("movement", "problem.body.missing");
		}
		UUID clientId = clientId(m.clientId());
		MovementType type = type(m.type());
		String reason = text(m.reason(), "reason", 200);
		if (type == MovementType.REVERSAL) {
			return reversal(viewer, m, clientId, reason, catalogue);
		}
		if (m.item() == null || m.item().isBlank()) {
			throw Problem.invalid("item", "supplies.item.missing");
		}
		Item item = catalogue.get(m.item().strip());
		if (item == null) {
			throw Problem.invalid("item", "supplies.item.unknown", m.item());
		}
		long min = type == MovementType.ADJUSTMENT ? 0 : 1;
		if (m.quantity() == null || m.quantity() < min || m.quantity() > MAX_QUANTITY) {
			throw Problem.invalid("quantity", "supplies.movement.quantity", min, MAX_QUANTITY);
		}
		PlaceInfo from = null;
		PlaceInfo to = null;
		switch (type) {
			case RECEIPT, DONATION -> {
				to = places.visible(viewer, m.to(), "to");
				none(m.from(), "from");
			}
			case ISSUE, WRITE_OFF -> {
				from = places.visible(viewer, m.from(), "from");
				none(m.to(), "to");
			}
			case TRANSFER -> {
				from = places.visible(viewer, m.from(), "from");
				to = places.existing(m.to(), "to");
				if (to.code().equals(from.code())) {
					throw Problem.invalid("to", "supplies.transfer.same-place");
				}
			}
			case ADJUSTMENT -> {
				boolean hasTo = m.to() != null && !m.to().isBlank();
				boolean hasFrom = m.from() != null && !m.from().isBlank();
				if (hasTo == hasFrom) {
					throw Problem.invalid("to", "supplies.adjustment.one-place");
				}
				to = places.visible(viewer, hasTo ? m.to() : m.from(), hasTo ? "to" : "from");
			}
			default -> throw new IllegalStateException();
		}
		if ((type == MovementType.ADJUSTMENT || type == MovementType.WRITE_OFF) && reason == null) {
			throw Problem.invalid("reason", "supplies.movement.reason-missing");
		}
		String lot = lot(m.lot());
		LocalDate expiresOn = date(m.expiresOn());
		if (item.lotTracked()) {
			boolean incoming = type == MovementType.RECEIPT || type == MovementType.DONATION;
			if (lot == null && (incoming || type == MovementType.WRITE_OFF || type == MovementType.ADJUSTMENT)) {
				throw Problem.invalid("lot", "supplies.lot.missing", item.name());
			}
			if (incoming && expiresOn == null) {
				throw Problem.invalid("expiresOn", "supplies.lot.expiry-missing");
			}
			if (incoming && expiresOn.isBefore(LocalDate.now(clock))) {
				throw Problem.invalid("expiresOn", "supplies.lot.expired-on-arrival", expiresOn.toString());
			}
		}
		else {
			if (lot != null) {
				throw Problem.invalid("lot", "supplies.lot.not-tracked", item.name());
			}
			lot = "";
			expiresOn = null;
		}
		DonorRef donor = null;
		if (type == MovementType.DONATION) {
			donor = donor(m.donor());
		}
		boolean forUse = type == MovementType.ISSUE || type == MovementType.TRANSFER;
		if (forUse && !item.lotTracked()) {
			lot = null;
		}
		return new Plan(clientId, type, item, m.quantity(), from, to, lot, expiresOn, reason, null, null, null, donor);
	}

	private Plan reversal(Viewer viewer, NewMovement m, UUID clientId, String reason, Map<String, Item> catalogue) {
		if (m.reverses() == null) {
			throw Problem.invalid("reverses", "supplies.reversal.missing");
		}
		Written original = ledger.written(List.of(m.reverses())).get(m.reverses());
		if (original == null) {
			throw Problem.invalid("reverses", "supplies.reversal.unknown", m.reverses());
		}
		MovementType was = MovementType.valueOf(original.type());
		PlaceInfo from = original.from() == null ? null : places.existing(original.from(), "reverses");
		PlaceInfo to = original.to() == null ? null : places.existing(original.to(), "reverses");
		boolean sees = (from == null || places.sees(viewer, from))
				&& (to == null || was == MovementType.TRANSFER || places.sees(viewer, to));
		if (!sees) {
			throw Problem.invalid("reverses", "supplies.reversal.unknown", m.reverses());
		}
		if (was == MovementType.REVERSAL) {
			throw Problem.conflict("not-reversible", "supplies.reversal.of-reversal", m.reverses());
		}
		if (reason == null) {
			throw Problem.invalid("reason", "supplies.movement.reason-missing");
		}
		return new Plan(clientId, MovementType.REVERSAL, catalogue.get(original.item()), original.quantity(),
				was == MovementType.TRANSFER ? null : to, from, original.lot(), original.expiresOn(), reason, original,
				null, null, null);
	}

	private static MovementResult rejected(NewMovement m, Problem problem) {
		Problem.FieldError error = problem.errors().isEmpty() ? null : problem.errors().get(0);
		Message reason = error != null ? error.message() : problem.detail();
		return new MovementResult(m == null ? null : m.clientId(), MovementStatus.REJECTED, List.of(), problem.slug(),
				error == null ? null : error.field(), reason, null);
	}

	private static UUID clientId(String text) {
		if (text == null || text.isBlank()) {
			throw Problem.invalid("clientId", "supplies.movement.client-id-missing");
		}
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw Problem.invalid("clientId", "supplies.movement.client-id", text);
		}
	}

	private static MovementType type(String text) {
		if (text == null || text.isBlank()) {
			throw Problem.invalid("type", "supplies.movement.type-missing");
		}
		try {
			return MovementType.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw Problem.invalid("type", "supplies.movement.type", text);
		}
	}

	private static void none(String place, String field) {
		if (place != null && !place.isBlank()) {
			throw Problem.invalid(field, "supplies.movement.no-" + field);
		}
	}

	private static String lot(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String lot = text.strip();
		if (!LOT.matcher(lot).matches()) {
			throw Problem.invalid("lot", "supplies.lot.malformed");
		}
		return lot;
	}

	private static LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text.strip());
			if (date.getYear() < 2000 || date.getYear() > 2100) {
				throw Problem.invalid("expiresOn", "supplies.lot.expiry-malformed", text);
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			throw Problem.invalid("expiresOn", "supplies.lot.expiry-malformed", text);
		}
	}

	static String text(String text, String field, int max) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip();
		if (value.length() > max || value.chars().anyMatch(c -> Character.isISOControl(c))) {
			throw Problem.invalid(field, "supplies.text.too-long", max);
		}
		return value;
	}

	private DonorRef donor(String text) {
		String value = text(text, "donor", 100);
		if (value == null) {
			throw Problem.invalid("donor", "supplies.donor.missing");
		}
		if (value.chars().allMatch(Character::isDigit) && value.length() <= 15) {
			long id = Long.parseLong(value);
			donations.donor(id).orElseThrow(() -> Problem.invalid("donor", "supplies.donor.unknown", value));
			return new DonorRef(id, null);
		}
		return new DonorRef(null, value);
	}
}
