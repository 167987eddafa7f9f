package org.frontline.testing.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.frontline.audit.AuditLog;
import org.frontline.people.CodeRejectedException;
import org.frontline.people.ResolvedCode;
import org.frontline.people.SampledPerson;
import org.frontline.people.SamplingCodes;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.testing.ScanEvent;
import org.frontline.testing.ScanResult;
import org.frontline.testing.ScanResult.Status;
import org.frontline.testing.internal.ScanRepository.BoxRow;
import org.frontline.testing.internal.ScanRepository.StoredAnswer;
import org.frontline.testing.internal.ScanRepository.TubeRow;
import org.springframework.stereotype.Component;

/**
 * The rules of one scan event, applied inside the caller's transaction. Every check runs before the event's first
 * write, so a rejected event changes nothing but its own row in the scan log; what two writers could both pass
 * (a tube code, a first sample of a person in a round) is decided by a unique constraint, and a tube's count by its
 * row lock.
 */
@Component
public class ScanRules {

	public static final BigDecimal FEVER = new BigDecimal("37.3");

	static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);

	/** A tube or box code: 1 to 40 letters, digits or '-'. */
	static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Za-z0-9-]{1,40}");

	private final ScanRepository scans;

	private final SamplingCodes codes;

	private final AuditLog auditLog;

	ScanRules(ScanRepository scans, SamplingCodes codes, AuditLog auditLog) {
		this.scans = scans;
		this.codes = codes;
		this.auditLog = auditLog;
	}

	/** A reason to refuse an event, raised before anything of it was written. */
	static final class Rejected extends RuntimeException {

		final String reason;

		Rejected(String reason, String message) {
			super(message, null, false, false);
			this.reason = reason;
		}
	}

	/** The key under which {@link #resolve} files the person of an event: its code, or its ID number. */
	public static String personKey(ScanEvent event) {
		if (event.personCode() != null && !event.personCode().isBlank()) {
			return event.personCode().strip();
		}
		if (event.idNumber() != null && !event.idNumber().isBlank()) {
			return "id:" + event.idNumber().strip().toUpperCase();
		}
		return null;
	}

	/** Resolves the people of a group of events in one query: signatures, revocation and the person behind each code. */
	public Map<String, ResolvedCode> resolve(List<ScanEvent> events) {
		Set<String> payloads = new LinkedHashSet<>();
		Set<String> idNumbers = new LinkedHashSet<>();
		Map<String, ResolvedCode> resolved = new HashMap<>();
		for (ScanEvent event : events) {
			String key = personKey(event);
			if (key == null) {
				continue;
			}
			if (key.startsWith("id:")) {
				idNumbers.add(key.substring(3));
			}
			else {
				payloads.add(key);
			}
		}
		if (!idNumbers.isEmpty()) {
			Map<String, SampledPerson> found = codes.byIdNumbers(idNumbers);
			for (String number : idNumbers) {
				SampledPerson person = found.get(number);
				resolved.put("id:" + number, person != null ? ResolvedCode.of(person)
						: ResolvedCode.rejected(new CodeRejectedException(CodeRejectedException.Reason.PERSON_UNKNOWN,
								"Nobody is registered with this ID number.")));
			}
		}
		if (!payloads.isEmpty()) {
			resolved.putAll(codes.resolveAll(payloads));
		}
		return resolved;
	}

	/** Applies one event; {@code people} are the batch's people as {@link #resolve} found them. */
	public ScanResult apply(Viewer viewer, String deviceId, ScanEvent event, Instant now,
			Map<String, ResolvedCode> people) {
		UUID id;
		try {
			id = UUID.fromString(event.eventId() == null ? "" : event.eventId());
		}
		catch (IllegalArgumentException ex) {
			return ScanResult.rejected(event.eventId(), "INVALID_EVENT", "Every event needs an eventId that is a UUID.");
		}
		Instant at;
		try {
			at = event.at() == null || event.at().isBlank() ? now : Instant.parse(event.at());
		}
		catch (DateTimeParseException ex) {
			at = null;
		}
		String type = event.type() == null ? "" : event.type();
		String tubeCode = event.tubeCode() == null || event.tubeCode().length() > 40 ? null : event.tubeCode().strip();
		if (!scans.claim(id, deviceId, type, viewer.username(), at == null ? now : at, now, tubeCode)) {
			StoredAnswer first = scans.answer(id);
			return new ScanResult(event.eventId(), Status.DUPLICATE, first.reason() == null ? first.status()
					: first.status() + ": " + first.reason(), "This event was stored before.", null, null, null, null);
		}
		try {
			if (at == null || at.isAfter(now.plus(FUTURE_TOLERANCE))) {
				throw new Rejected("INVALID_EVENT", "'at' must be an ISO-8601 instant, not in the future.");
			}
			return switch (type) {
				case "TUBE_OPENED" -> tubeOpened(viewer, id, event, at);
				case "SAMPLED" -> sampled(viewer, event, at, people);
				case "SAMPLE_REMOVED" -> sampleRemoved(viewer, id, event, at, people);
				case "TUBE_SEALED" -> tubeSealed(viewer, id, event, at);
				case "CHECKED_IN" -> checkedIn(viewer, id, event, at, people);
				case "BOXED" -> boxed(viewer, event, at);
				case "BOX_DISPATCHED" -> boxDispatched(viewer, event, at);
				case "BOX_RECEIVED" -> boxReceived(viewer, event, at);
				default -> throw new Rejected("INVALID_EVENT", "Unknown event type '" + type + "'.");
			};
		}
		catch (Rejected rejected) {
			scans.reject(id, rejected.reason);
			return ScanResult.rejected(event.eventId(), rejected.reason, rejected.getMessage());
		}
	}

	private ScanResult tubeOpened(Viewer viewer, UUID id, ScanEvent event, Instant at) {
		String code = required(event.tubeCode(), "tubeCode");
		if (event.roundId() == null || event.siteId() == null) {
			throw new Rejected("INVALID_EVENT", "TUBE_OPENED needs roundId and siteId.");
		}
		String siteArea = scans.siteArea(event.siteId()).orElseThrow(() -> new Rejected("SITE_UNKNOWN", "No such site."));
		requireWriter(viewer, event.siteId(), siteArea);
		String roundStatus = scans.roundStatus(event.roundId())
			.orElseThrow(() -> new Rejected("ROUND_UNKNOWN", "No such round."));
		if (!"OPEN".equals(roundStatus)) {
			throw new Rejected("ROUND_NOT_OPEN", "The round is " + roundStatus + ", not open for sampling.");
		}
		int poolSize = event.poolSize() != null ? event.poolSize() : scans.roundPoolSize(event.roundId()).orElseThrow();
		if (poolSize != 1 && poolSize != 10 && poolSize != 20) {
			throw new Rejected("INVALID_EVENT", "A tube pools 1, 10 or 20 people.");
		}
		if (!CODE.matcher(code).matches()) {
			throw new Rejected("INVALID_EVENT", "A tube code has 1 to 40 letters, digits or '-'.");
		}
		if (!scans.openTube(code, event.roundId(), event.siteId(), poolSize, at, viewer.username())) {
			TubeRow tube = scans.lockTube(code).orElseThrow();
			if (tube.siteId() != event.siteId() || tube.roundId() != event.roundId()) {
				throw new Rejected("TUBE_CODE_TAKEN", "This tube code is already used at another site or round.");
			}
			refuseClosed(tube);
						return new ScanResult(event.eventId(), Status.ACCEPTED, "TUBE_RESUMED", "The tube is open: continue.", null,
					tube.samples(), tube.poolSize(), tube.status());
		}
				return new ScanResult(event.eventId(), Status.ACCEPTED, null, null, null, 0, poolSize, "OPEN");
	}

	private ScanResult sampled(Viewer viewer, ScanEvent event, Instant at, Map<String, ResolvedCode> people) {
		String code = required(event.tubeCode(), "tubeCode");
		SampledPerson person = person(event, people);
		ScanRepository.TubeForPerson found = scans.lockTubeFor(code, person.id())
			.orElseThrow(() -> new Rejected("TUBE_UNKNOWN", "No tube " + code + " was opened."));
		TubeRow tube = found.tube();
		requireWriter(viewer, tube.siteId(), tube.siteArea());
		if (found.inTube()) {
			throw new Rejected("ALREADY_IN_TUBE", person.maskedName() + " is already in this tube.");
		}
		refuseClosed(tube);
		boolean resample = Boolean.TRUE.equals(event.resample());
		if (found.fever() && tube.poolSize() != 1) {
			throw new Rejected("FEVER_FLAGGED",
					person.maskedName() + " had a fever at check-in: sample alone (1 per tube), not in the general queue.");
		}
		boolean before = found.sampledInRound();
		if (before && !resample) {
			throw new Rejected("ALREADY_SAMPLED",
					person.maskedName() + " was already sampled in this round; confirm to sample again.");
		}
		if (!scans.sample(tube, person.id(), at, viewer.username(), before)) {
			throw new Rejected("ALREADY_SAMPLED", person.maskedName() + " was just sampled elsewhere in this round.");
		}
		int count = tube.samples() + 1;
		return new ScanResult(event.eventId(), Status.ACCEPTED, before ? "RESAMPLED" : null, null, person.maskedName(),
				count, tube.poolSize(), count >= tube.poolSize() ? "SEALED" : "OPEN");
	}

	private ScanResult sampleRemoved(Viewer viewer, UUID id, ScanEvent event, Instant at,
			Map<String, ResolvedCode> people) {
		TubeRow tube = writableTube(viewer, event.tubeCode());
		SampledPerson person = person(event, people);
		if ("SEALED".equals(tube.status())) {
			throw new Rejected("TUBE_SEALED", "The tube is sealed: a sample can no longer be removed.");
		}
		if (!scans.removeSample(tube.id(), person.id(), at, viewer.username())) {
			throw new Rejected("NOT_IN_TUBE", person.maskedName() + " is not in this tube.");
		}
		scans.count(tube.id(), -1, at, viewer.username());
		scans.describe(id, null, person.id());
		auditLog.recordAs(viewer.username(), "SAMPLE_REMOVE", "tube", tube.code(), "person " + person.id());
		return new ScanResult(event.eventId(), Status.ACCEPTED, null, null, person.maskedName(), tube.samples() - 1,
				tube.poolSize(), "OPEN");
	}

	private ScanResult tubeSealed(Viewer viewer, UUID id, ScanEvent event, Instant at) {
		TubeRow tube = writableTube(viewer, event.tubeCode());
		if ("SEALED".equals(tube.status())) {
			throw new Rejected("TUBE_SEALED", "The tube is already sealed.");
		}
		if (tube.samples() == 0) {
			throw new Rejected("TUBE_EMPTY", "An empty tube is not sealed.");
		}
		scans.seal(tube.id(), at, viewer.username());
		return new ScanResult(event.eventId(), Status.ACCEPTED, null, null, null, tube.samples(), tube.poolSize(),
				"SEALED");
	}

	private ScanResult checkedIn(Viewer viewer, UUID id, ScanEvent event, Instant at,
			Map<String, ResolvedCode> people) {
		if (event.roundId() == null || event.siteId() == null) {
			throw new Rejected("INVALID_EVENT", "CHECKED_IN needs roundId and siteId.");
		}
		BigDecimal temperature = event.temperature();
		if (temperature == null || temperature.compareTo(new BigDecimal("30")) < 0
				|| temperature.compareTo(new BigDecimal("45")) > 0) {
			throw new Rejected("INVALID_EVENT", "The temperature is between 30 and 45 °C.");
		}
		String siteArea = scans.siteArea(event.siteId()).orElseThrow(() -> new Rejected("SITE_UNKNOWN", "No such site."));
		if (!mayWrite(viewer, event.siteId(), siteArea, true)) {
			throw new Rejected("FORBIDDEN", "You cannot scan at this site.");
		}
		String roundStatus = scans.roundStatus(event.roundId())
			.orElseThrow(() -> new Rejected("ROUND_UNKNOWN", "No such round."));
		if (!"OPEN".equals(roundStatus)) {
			throw new Rejected("ROUND_NOT_OPEN", "The round is " + roundStatus + ", not open for sampling.");
		}
		SampledPerson person = person(event, people);
		boolean fever = temperature.compareTo(FEVER) >= 0;
		scans.checkIn(event.roundId(), event.siteId(), person.id(), at, temperature, fever, viewer.username());
		scans.describe(id, null, person.id());
		if (fever) {
			scans.alert(event.siteId(), "FEVER", person.id(),
					person.maskedName() + " " + temperature.toPlainString() + " °C at check-in", at);
			return new ScanResult(event.eventId(), Status.ACCEPTED, "FEVER",
					person.maskedName() + " " + temperature.toPlainString()
							+ " °C: take them to the fever channel, not the general queue.",
					person.maskedName(), null, null, null);
		}
		return new ScanResult(event.eventId(), Status.ACCEPTED, null, null, person.maskedName(), null, null, null);
	}

	private ScanResult boxed(Viewer viewer, ScanEvent event, Instant at) {
		String boxCode = required(event.boxCode(), "boxCode");
		TubeRow tube = writableTube(viewer, event.tubeCode());
		if (!"SEALED".equals(tube.status())) {
			throw new Rejected("TUBE_NOT_SEALED", "Only a sealed tube goes into a box.");
		}
		BoxRow box = scans.lockBox(boxCode).orElse(null);
		if (box == null) {
			if (!CODE.matcher(boxCode).matches()) {
				throw new Rejected("INVALID_EVENT", "A box code has 1 to 40 letters, digits or '-'.");
			}
			box = scans.lockBox(boxCode).orElse(null);
			if (box == null) {
				scans.createBox(boxCode, tube.siteId(), at, viewer.username());
				box = scans.lockBox(boxCode).orElseThrow();
			}
		}
		if (box.siteId() != tube.siteId()) {
			throw new Rejected("BOX_OF_ANOTHER_SITE", "This box belongs to another site.");
		}
		if (!"PACKING".equals(box.status())) {
			throw new Rejected("BOX_CLOSED", "The box was already handed over.");
		}
		if (tube.boxId() != null) {
			throw new Rejected(tube.boxId() == box.id() ? "ALREADY_IN_BOX" : "TUBE_IN_ANOTHER_BOX",
					"The tube is already in a box.");
		}
		scans.putInBox(tube.id(), box.id());
		return new ScanResult(event.eventId(), Status.ACCEPTED, null, null, null, scans.tubesInBox(box.id()), null,
				"BOXED");
	}

	private ScanResult boxDispatched(Viewer viewer, ScanEvent event, Instant at) {
		BoxRow box = scans.lockBox(required(event.boxCode(), "boxCode"))
			.orElseThrow(() -> new Rejected("BOX_UNKNOWN", "No such box."));
		requireWriter(viewer, box.siteId(), box.siteArea());
		String courier = required(event.courier(), "courier");
		if (!"PACKING".equals(box.status())) {
			throw new Rejected("BOX_CLOSED", "The box was already handed over.");
		}
		if (scans.tubesInBox(box.id()) == 0) {
			throw new Rejected("BOX_EMPTY", "An empty box is not handed over.");
		}
		scans.dispatch(box.id(), courier, at, viewer.username());
		return new ScanResult(event.eventId(), Status.ACCEPTED, null, null, null, scans.tubesInBox(box.id()), null,
				"DISPATCHED");
	}

	private ScanResult boxReceived(Viewer viewer, ScanEvent event, Instant at) {
		if (event.labId() == null) {
			throw new Rejected("INVALID_EVENT", "BOX_RECEIVED needs labId.");
		}
		Long ownLab = viewer.place("lab");
		if (!viewer.hasAny(Role.LAB, Role.ADMIN) || (ownLab != null && ownLab.longValue() != event.labId())) {
			throw new Rejected("FORBIDDEN", "You cannot receive boxes for this lab.");
		}
		if (!scans.labExists(event.labId())) {
			throw new Rejected("LAB_UNKNOWN", "No such lab.");
		}
		BoxRow box = scans.lockBox(required(event.boxCode(), "boxCode"))
			.orElseThrow(() -> new Rejected("BOX_UNKNOWN", "No such box."));
		if (!"DISPATCHED".equals(box.status())) {
			throw new Rejected("BOX_NOT_DISPATCHED", "The box is " + box.status() + ", not on its way.");
		}
		Set<String> found = new LinkedHashSet<>(event.tubeCodes() == null ? List.of() : event.tubeCodes());
		Set<String> expected = new LinkedHashSet<>(scans.tubeCodesInBox(box.id()));
		List<String> missing = new ArrayList<>(expected);
		missing.removeAll(found);
		List<String> extra = new ArrayList<>(found);
		extra.removeAll(expected);
		scans.receive(box.id(), event.labId(), at, viewer.username());
		missing.forEach(code -> scans.discrepancy(box.id(), code, "MISSING"));
		extra.forEach(code -> scans.discrepancy(box.id(), code, "EXTRA"));
		String message = missing.isEmpty() && extra.isEmpty() ? null
				: "Missing: " + String.join(",", missing) + "; extra: " + String.join(",", extra);
		return new ScanResult(event.eventId(), Status.ACCEPTED,
				missing.isEmpty() && extra.isEmpty() ? null : "DISCREPANCY", message, null, found.size(), null,
				"RECEIVED");
	}

	private TubeRow writableTube(Viewer viewer, String code) {
		TubeRow tube = scans.lockTube(required(code, "tubeCode"))
			.orElseThrow(() -> new Rejected("TUBE_UNKNOWN", "No tube " + code + " was opened."));
		requireWriter(viewer, tube.siteId(), tube.siteArea());
		return tube;
	}

	private static void refuseClosed(TubeRow tube) {
		if (!"OPEN".equals(tube.roundStatus())) {
			throw new Rejected("ROUND_NOT_OPEN", "The round is " + tube.roundStatus() + ", not open for sampling.");
		}
		if ("SEALED".equals(tube.status())) {
			if (tube.samples() >= tube.poolSize()) {
				throw new Rejected("TUBE_FULL",
						"The tube is full (" + tube.samples() + "/" + tube.poolSize() + "): open a new tube.");
			}
			throw new Rejected("TUBE_SEALED", "The tube is sealed: open a new tube.");
		}
	}

	private SampledPerson person(ScanEvent event, Map<String, ResolvedCode> people) {
		String key = personKey(event);
		ResolvedCode resolved = key == null ? null : people.get(key);
		if (resolved != null) {
			if (resolved.person() == null) {
				throw new Rejected(resolved.reason().name(), resolved.message());
			}
			return resolved.person();
		}
		if (event.personCode() != null && !event.personCode().isBlank()) {
			try {
				return codes.resolve(event.personCode());
			}
			catch (CodeRejectedException ex) {
				throw new Rejected(ex.reason().name(), ex.getMessage());
			}
		}
		if (event.idNumber() != null && !event.idNumber().isBlank()) {
			return codes.byIdNumber(event.idNumber())
				.orElseThrow(() -> new Rejected("PERSON_UNKNOWN", "Nobody is registered with this ID number."));
		}
		throw new Rejected("INVALID_EVENT", "A personCode or an idNumber is needed.");
	}

	private static void requireWriter(Viewer viewer, long siteId, String siteArea) {
		if (!mayWrite(viewer, siteId, siteArea, false)) {
			throw new Rejected("FORBIDDEN", "You cannot scan at this site.");
		}
	}

	/** Staff of one site write only there; area-scoped staff write at sites inside their area. */
	static boolean mayWrite(Viewer viewer, long siteId, String siteArea, boolean checkIn) {
		boolean role = checkIn ? viewer.hasAny(Role.REGISTRAR, Role.SITE_LEADER, Role.VOLUNTEER, Role.ADMIN)
				: viewer.hasAny(Role.REGISTRAR, Role.SITE_LEADER, Role.ADMIN);
		if (!role || viewer.place("lab") != null) {
			return false;
		}
		Long site = viewer.place("site");
		return site != null ? site == siteId : viewer.covers(siteArea);
	}

	private static String required(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new Rejected("INVALID_EVENT", field + " is missing.");
		}
		return value.strip();
	}
}
