package org.frontline.testing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.frontline.audit.AuditLog;
import org.frontline.people.CodeRejectedException;
import org.frontline.people.ResolvedCode;
import org.frontline.people.SampledPerson;
import org.frontline.people.SamplingCodes;
import org.frontline.shared.AlertRaised;
import org.frontline.shared.AlertSeverity;
import org.frontline.shared.Viewer;
import org.frontline.testing.ScanEvent;
import org.frontline.testing.ScanResult;
import org.frontline.testing.internal.BoxDecisions.BoxState;
import org.frontline.testing.internal.BoxDecisions.Misdelivered;
import org.frontline.testing.internal.ScanDecisions.Rejected;
import org.frontline.testing.internal.ScanDecisions.Round;
import org.frontline.testing.internal.ScanDecisions.Standing;
import org.frontline.testing.internal.ScanDecisions.TubeState;
import org.frontline.testing.internal.ScanRepository.TubeForPerson;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Applies one scan event inside the caller's transaction: loads what {@link ScanDecisions} needs (locking the tube
 * or box it changes), asks it, and writes what it answers. A rejected event changes nothing but its own row in the
 * scan log; what two writers could both pass (a tube code, a first sample of a person in a round) is decided by a
 * unique constraint, and a tube's count by its row lock.
 */
@Component
class ScanRules {

	private static final Standing NOBODY = new Standing(false, false, false);

	private final ScanRepository scans;

	private final SamplingCodes codes;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	ScanRules(ScanRepository scans, SamplingCodes codes, AuditLog auditLog, ApplicationEventPublisher events) {
		this.scans = scans;
		this.codes = codes;
		this.auditLog = auditLog;
		this.events = events;
	}

	/** Resolves the people of a group of events in one query: signatures, revocation and the person behind each code. */
	Map<String, ResolvedCode> resolve(List<ScanEvent> events) {
		Set<String> payloads = new LinkedHashSet<>();
		Set<String> idNumbers = new LinkedHashSet<>();
		Map<String, ResolvedCode> resolved = new HashMap<>();
		for (ScanEvent event : events) {
			String key = ScanDecisions.personKey(event);
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
	ScanResult apply(Viewer viewer, String deviceId, ScanEvent event, Instant now, Map<String, ResolvedCode> people) {
		UUID id;
		try {
			id = UUID.fromString(event.eventId() == null ? "" : event.eventId());
		}
		catch (IllegalArgumentException ex) {
			return ScanResult.rejected(event.eventId(), "INVALID_EVENT", "Every event needs an eventId that is a UUID.");
		}
		Instant at;
		Rejected badTime = null;
		try {
			at = ScanDecisions.time(event.at(), now);
		}
		catch (Rejected rejected) {
			// The scan log keeps when the event arrived instead: a time outside what the database holds must not make
			// the event fail for good, only be refused.
			at = now;
			badTime = rejected;
		}
		String tubeCode = event.tubeCode() == null || event.tubeCode().length() > 40 ? null : event.tubeCode().strip();
		String type = event.type() == null ? "UNKNOWN" : event.type().name();
		if (!scans.claim(id, deviceId, type, viewer.username(), at, now, tubeCode)) {
			return ScanResult.storedBefore(event.eventId(), scans.answer(id).text());
		}
		try {
			if (badTime != null) {
				throw badTime;
			}
			if (event.type() == null) {
				throw new Rejected("INVALID_EVENT", "Unknown event type.");
			}
			return switch (event.type()) {
				case TUBE_OPENED -> tubeOpened(viewer, event, at);
				case SAMPLED -> sampled(viewer, event, at, now, people);
				case SAMPLE_REMOVED -> sampleRemoved(viewer, id, event, at, people);
				case TUBE_SEALED -> tubeSealed(viewer, id, event, at);
				case CHECKED_IN -> checkedIn(viewer, id, event, at, people);
				case BOXED -> boxed(viewer, event, at);
				case BOX_DISPATCHED -> boxDispatched(viewer, event, at);
				case BOX_RECEIVED -> boxReceived(viewer, event, at);
			};
		}
		catch (Misdelivered misdelivered) {
			alertSite(misdelivered, at);
			scans.answered(id, "REJECTED", misdelivered.reason);
			return misdelivered.answer(event.eventId());
		}
		catch (Rejected rejected) {
			scans.answered(id, "REJECTED", rejected.reason);
			return rejected.answer(event.eventId());
		}
	}

	private ScanResult tubeOpened(Viewer viewer, ScanEvent event, Instant at) {
		String code = tubeCode(event);
		String siteArea = event.siteId() == null ? null : scans.siteArea(event.siteId()).orElse(null);
		Round round = event.roundId() == null ? null : scans.round(event.roundId()).orElse(null);
		TubeState existing = code == null ? null : scans.lockTube(code).orElse(null);
		ScanDecisions.Opening opening = ScanDecisions.open(viewer, event, at, siteArea, round, existing);
		if (!opening.resumed() && scans.openTube(opening.tube(), at, viewer.username()).isEmpty()) {
			// Another writer opened the same code meanwhile: decide again on the tube it made.
			opening = ScanDecisions.open(viewer, event, at, siteArea, round, scans.lockTube(code).orElseThrow());
		}
		return opening.answer(event.eventId());
	}

	private ScanResult sampled(Viewer viewer, ScanEvent event, Instant at, Instant now,
			Map<String, ResolvedCode> people) {
		String code = ScanDecisions.required(event.tubeCode(), "tubeCode");
		SampledPerson person = ScanDecisions.person(viewer, event, people.get(ScanDecisions.personKey(event)));
		Optional<TubeForPerson> found = scans.lockTubeFor(code, person.id(), now);
		ScanDecisions.Sampling sampling = ScanDecisions.sample(viewer, event, at, person,
				found.map(TubeForPerson::tube).orElse(null), found.map(TubeForPerson::standing).orElse(NOBODY));
		if (!scans.sample(sampling.tube(), person.id(), at, viewer.username(), sampling.resample())) {
			throw new Rejected("ALREADY_SAMPLED", person.maskedName() + " was just sampled elsewhere in this round.");
		}
		return sampling.answer(event.eventId());
	}

	private ScanResult sampleRemoved(Viewer viewer, UUID id, ScanEvent event, Instant at,
			Map<String, ResolvedCode> people) {
		TubeState tube = lockTube(event);
		SampledPerson person = ScanDecisions.removing(viewer, event, at, tube,
				people.get(ScanDecisions.personKey(event)));
		ScanDecisions.Removal removal = ScanDecisions.removed(person, tube,
				scans.removeSample(tube.id(), person.id(), at, viewer.username()));
		scans.writeTube(removal.tube());
		scans.describe(id, person.id());
		auditLog.recordAs(viewer.username(), "SAMPLE_REMOVE", "tube", tube.code(), "person " + person.id());
		return removal.answer(event.eventId());
	}

	private ScanResult tubeSealed(Viewer viewer, UUID id, ScanEvent event, Instant at) {
		ScanDecisions.Sealing sealing = ScanDecisions.seal(viewer, event, at, lockTube(event));
		if (sealing.already()) {
			scans.answered(id, "ACCEPTED", "ALREADY_SEALED");
		}
		else {
			scans.writeTube(sealing.tube());
		}
		return sealing.answer(event.eventId());
	}

	private ScanResult checkedIn(Viewer viewer, UUID id, ScanEvent event, Instant at,
			Map<String, ResolvedCode> people) {
		String siteArea = event.siteId() == null ? null : scans.siteArea(event.siteId()).orElse(null);
		Round round = event.roundId() == null ? null : scans.round(event.roundId()).orElse(null);
		BigDecimal temperature = ScanDecisions.checkingIn(viewer, event, at, siteArea, round);
		ScanDecisions.CheckIn checkIn = new ScanDecisions.CheckIn(
				ScanDecisions.person(viewer, event, people.get(ScanDecisions.personKey(event))), temperature);
		SampledPerson person = checkIn.person();
		scans.checkIn(event.roundId(), event.siteId(), person.id(), at, temperature, checkIn.fever(), viewer.username());
		scans.describe(id, person.id());
		if (checkIn.fever()) {
			scans.alert(event.siteId(), "FEVER", person.id(),
					person.maskedName() + " " + temperature.toPlainString() + " °C", at);
		}
		return checkIn.answer(event.eventId());
	}

	private ScanResult boxed(Viewer viewer, ScanEvent event, Instant at) {
		TubeState tube = BoxDecisions.boxingTube(viewer, event, at, lockTube(event));
		String boxCode = event.boxCode().strip();
		BoxState box = scans.lockBox(boxCode).orElse(null);
		if (box == null) {
			BoxDecisions.requireBoxCode(boxCode);
			scans.createBox(boxCode, tube.siteId(), at, viewer.username());
			box = scans.lockBox(boxCode).orElseThrow();
		}
		BoxDecisions.Boxing boxing = BoxDecisions.boxing(tube, box);
		scans.putInBox(tube.id(), box.id());
		return boxing.answer(event.eventId(), box.tubes() + 1);
	}

	private ScanResult boxDispatched(Viewer viewer, ScanEvent event, Instant at) {
		BoxState box = scans.lockBox(ScanDecisions.required(event.boxCode(), "boxCode")).orElse(null);
		BoxDecisions.Dispatch dispatch = BoxDecisions.dispatch(viewer, event, at, box,
				event.labId() != null && scans.labExists(event.labId()));
		scans.dispatch(dispatch.box().id(), dispatch.courier(), dispatch.labId(), at, viewer.username());
		return dispatch.answer(event.eventId());
	}

	private ScanResult boxReceived(Viewer viewer, ScanEvent event, Instant at) {
		long labId = BoxDecisions.receiving(viewer, event, event.labId() != null && scans.labExists(event.labId()));
		BoxState box = scans.lockBox(event.boxCode().strip()).orElse(null);
		BoxDecisions.Receipt receipt = BoxDecisions.receive(event, at, labId, box,
				box == null ? List.of() : scans.tubeCodesInBox(box.id()));
		scans.receive(box.id(), at, viewer.username());
		receipt.missing().forEach(code -> scans.discrepancy(box.id(), code, "MISSING"));
		receipt.extra().forEach(code -> scans.discrepancy(box.id(), code, "EXTRA"));
		return receipt.answer(event.eventId());
	}

	/** The sending site sees the box on its live page, and the command centre gets an alert to act on. */
	private void alertSite(Misdelivered misdelivered, Instant at) {
		BoxState box = misdelivered.box;
		scans.alert(box.siteId(), "BOX_WRONG_LAB", null, "Box " + box.code() + " was scanned in by lab "
				+ misdelivered.labId + "; it was dispatched to lab " + box.labId() + ".", at);
		events.publishEvent(new AlertRaised("testing", "box-wrong-lab:" + box.code(), AlertSeverity.URGENT,
				box.siteArea(), "alert.testing.boxWrongLab",
				List.of(box.code(), String.valueOf(misdelivered.labId), String.valueOf(box.labId())),
				"/testing/live?site=" + box.siteId(), null, at));
	}

	/** The event's tube, locked; null when the event names no tube or no well-formed code. */
	private TubeState lockTube(ScanEvent event) {
		String code = tubeCode(event);
		return code == null ? null : scans.lockTube(code).orElse(null);
	}

	private static String tubeCode(ScanEvent event) {
		String code = event.tubeCode() == null ? null : event.tubeCode().strip();
		return code == null || !ScanDecisions.CODE.matcher(code).matches() ? null : code;
	}
}
