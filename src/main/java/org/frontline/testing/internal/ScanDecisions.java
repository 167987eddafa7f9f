package org.frontline.testing.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.frontline.people.ResolvedCode;
import org.frontline.people.SampledPerson;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Workplace;
import org.frontline.testing.RoundStatus;
import org.frontline.testing.ScanEvent;
import org.frontline.testing.ScanResult;
import org.frontline.testing.ScanResult.Status;
import org.frontline.testing.TubeStatus;

/**
 * The scan rules as pure decisions: what a round or tube is and where the person stands go in; the answer and the
 * state to write come out, or a {@link Rejected} before anything is written (a box's rules are {@link BoxDecisions}). The per-event path
 * ({@link ScanRules}) and the group path ({@link BulkSampling}) load what a decision needs, ask it and write what it
 * answers, so both apply one rule set.
 */
final class ScanDecisions {

	static final BigDecimal FEVER = new BigDecimal("37.3");

	/** How far a device's clock may run ahead of the server's, or behind it when a round begins or a box is packed. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

	/** No event is older: a time before it is a device's clock gone wrong, never a scan. */
	static final Instant EARLIEST = Instant.parse("2020-01-01T00:00:00Z");

	/** A tube or box code: 1 to 40 letters, digits or '-'. */
	static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]{1,40}");

	private static final BigDecimal LOWEST_TEMPERATURE = new BigDecimal("30");

	private static final BigDecimal HIGHEST_TEMPERATURE = new BigDecimal("45");

	private ScanDecisions() {
	}

	/** A reason to refuse an event, raised before anything of it was written. */
	static class Rejected extends RuntimeException {

		final String reason;

		Rejected(String reason, String message) {
			super(message, null, false, false);
			this.reason = reason;
		}

		ScanResult answer(String eventId) {
			return ScanResult.rejected(eventId, reason, getMessage());
		}
	}

	/** A round as the rules see it; it began at its planned start or when it was opened, whichever came first. */
	record Round(long id, RoundStatus status, int poolSize, Instant began) {
	}

	/** A tube as the rules see it: {@code id} is null until it is stored. Changes answer the tube after them. */
	record TubeState(Long id, String code, long roundId, long siteId, String siteArea, int poolSize, int samples,
			TubeStatus status, RoundStatus roundStatus, Instant roundBegan, Long boxId, Instant sealedAt,
			String sealedBy) {

		static TubeState opened(String code, Round round, long siteId, String siteArea, int poolSize) {
			return new TubeState(null, code, round.id(), siteId, siteArea, poolSize, 0, TubeStatus.OPEN, round.status(),
					round.began(), null, null, null);
		}

		boolean sealed() {
			return status == TubeStatus.SEALED;
		}

		/** One sample more; the sample that fills the tube seals it. */
		TubeState withSample(Instant at, String by) {
			int count = samples + 1;
			return count >= poolSize ? with(count, TubeStatus.SEALED, at, by) : with(count, status, sealedAt, sealedBy);
		}

		TubeState withoutSample() {
			return with(samples - 1, status, sealedAt, sealedBy);
		}

		TubeState sealedAt(Instant at, String by) {
			return with(samples, TubeStatus.SEALED, at, by);
		}

		TubeState stored(long newId) {
			return new TubeState(newId, code, roundId, siteId, siteArea, poolSize, samples, status, roundStatus,
					roundBegan, boxId, sealedAt, sealedBy);
		}

		private TubeState with(int count, TubeStatus newStatus, Instant newSealedAt, String newSealedBy) {
			return new TubeState(id, code, roundId, siteId, siteArea, poolSize, count, newStatus, roundStatus, roundBegan,
					boxId, newSealedAt, newSealedBy);
		}
	}

	/**
	 * Where a person stands with a tube: in it already, sampled in its round, flagged with a fever at check-in, and the
	 * most people a tube of theirs may pool under the rules of their control zone ({@code zonePool}, null outside
	 * zones).
	 */
	record Standing(boolean inTube, boolean sampledInRound, boolean fever, Integer zonePool) {

		Standing(boolean inTube, boolean sampledInRound, boolean fever) {
			this(inTube, sampledInRound, fever, null);
		}
	}

	/** The time of an event: now when absent; refused when unreadable, in the future or before {@link #EARLIEST}. */
	static Instant time(String at, Instant now) {
		if (at == null || at.isBlank()) {
			return now;
		}
		Instant parsed;
		try {
			parsed = Instant.parse(at.strip());
		}
		catch (DateTimeParseException ex) {
			throw new Rejected("INVALID_TIME", "'at' is not an ISO-8601 instant such as 2022-04-07T08:30:00Z.");
		}
		return checked(parsed, now);
	}

	/** An event time already parsed; null stands for an unreadable one. */
	static Instant checked(Instant at, Instant now) {
		if (at == null) {
			throw new Rejected("INVALID_TIME", "'at' is not an ISO-8601 instant such as 2022-04-07T08:30:00Z.");
		}
		if (at.isAfter(now.plus(CLOCK_SKEW))) {
			throw new Rejected("INVALID_TIME", "'at' lies more than " + CLOCK_SKEW.toMinutes()
					+ " minutes in the future: check the device's clock.");
		}
		if (at.isBefore(EARLIEST)) {
			throw new Rejected("INVALID_TIME", "'at' lies before " + EARLIEST + ": check the device's clock.");
		}
		return at;
	}

	/** Whether an event's time can be taken as it is: a readable instant, not in the future, not before EARLIEST. */
	static boolean plausible(Instant at, Instant now) {
		return at != null && !at.isAfter(now.plus(CLOCK_SKEW)) && !at.isBefore(EARLIEST);
	}

	/** The person of an event; a search by ID number finds only people inside the caller's area. */
	static SampledPerson person(Viewer viewer, ScanEvent event, ResolvedCode resolved) {
		String key = personKey(event);
		if (key == null) {
			throw new Rejected("INVALID_EVENT", "A personCode or an idNumber is needed.");
		}
		if (resolved == null) {
			throw new Rejected("PERSON_UNKNOWN", "Nobody is registered with this code.");
		}
		if (resolved.person() == null) {
			throw new Rejected(resolved.reason().name(), resolved.message());
		}
		if (key.startsWith("id:") && !viewer.covers(resolved.person().area())) {
			// The same answer as for a number nobody has: whom an ID number belongs to outside the caller's area
			// is not the caller's to learn.
			throw new Rejected("PERSON_UNKNOWN", "Nobody is registered with this ID number.");
		}
		return resolved.person();
	}

	/** The key under which a group's people are looked up: the code, or the ID number. */
	static String personKey(ScanEvent event) {
		if (event.personCode() != null && !event.personCode().isBlank()) {
			return event.personCode().strip();
		}
		if (event.idNumber() != null && !event.idNumber().isBlank()) {
			return "id:" + event.idNumber().strip().toUpperCase();
		}
		return null;
	}

	/** TUBE_OPENED: a new tube, or the same tube resumed when this site opened it in this round before. */
	record Opening(TubeState tube, boolean resumed) {

		ScanResult answer(String eventId) {
			return resumed
					? new ScanResult(eventId, Status.ACCEPTED, "TUBE_RESUMED", "The tube is open: continue.", null,
							tube.samples(), tube.poolSize(), tube.status(), null)
					: new ScanResult(eventId, Status.ACCEPTED, null, null, null, 0, tube.poolSize(), TubeStatus.OPEN,
							null);
		}
	}

	static Opening open(Viewer viewer, ScanEvent event, Instant at, String siteArea, Round round, TubeState existing) {
		String code = required(event.tubeCode(), "tubeCode");
		if (event.roundId() == null || event.siteId() == null) {
			throw new Rejected("INVALID_EVENT", "TUBE_OPENED needs roundId and siteId.");
		}
		if (siteArea == null) {
			throw new Rejected("SITE_UNKNOWN", "No such site.");
		}
		requireWriter(viewer, event.siteId(), siteArea, false);
		if (round == null) {
			throw new Rejected("ROUND_UNKNOWN", "No such round.");
		}
		requireOpen(round.status());
		requireNotBefore(at, round.began(), "the round began");
		int poolSize = event.poolSize() != null ? event.poolSize() : round.poolSize();
		if (poolSize != 1 && poolSize != 5 && poolSize != 10 && poolSize != 20) {
			throw new Rejected("INVALID_EVENT", "A tube pools 1, 5, 10 or 20 people.");
		}
		if (!CODE.matcher(code).matches()) {
			throw new Rejected("INVALID_EVENT", "A tube code has 1 to 40 letters, digits or '-'.");
		}
		if (existing == null) {
			return new Opening(TubeState.opened(code, round, event.siteId(), siteArea, poolSize), false);
		}
		if (existing.siteId() != event.siteId() || existing.roundId() != event.roundId()) {
			throw new Rejected("TUBE_CODE_TAKEN", "This tube code is already used at another site or round.");
		}
		refuseClosed(existing);
		return new Opening(existing, true);
	}

	/** SAMPLED: the person goes into the tube (a re-sample when confirmed); the tube after it. */
	record Sampling(SampledPerson person, TubeState tube, boolean resample) {

		ScanResult answer(String eventId) {
			return new ScanResult(eventId, Status.ACCEPTED, resample ? "RESAMPLED" : null, null, person.maskedName(),
					tube.samples(), tube.poolSize(), tube.status(), null);
		}
	}

	static Sampling sample(Viewer viewer, ScanEvent event, Instant at, SampledPerson person, TubeState tube,
			Standing standing) {
		if (tube == null) {
			throw new Rejected("TUBE_UNKNOWN", "No tube " + event.tubeCode() + " was opened.");
		}
		requireWriter(viewer, tube.siteId(), tube.siteArea(), false);
		if (standing.inTube()) {
			throw new Rejected("ALREADY_IN_TUBE", person.maskedName() + " is already in this tube.");
		}
		refuseClosed(tube);
		requireNotBefore(at, tube.roundBegan(), "the round began");
		if (standing.fever() && tube.poolSize() != 1) {
			throw new Rejected("FEVER_FLAGGED",
					person.maskedName() + " had a fever at check-in: sample alone (1 per tube), not in the general queue.");
		}
		if (standing.zonePool() != null && tube.poolSize() > standing.zonePool()) {
			// A tube never pools more people than the control zone of anyone in it allows.
			throw standing.zonePool() == 1
					? new Rejected("ZONE_SINGLE_TUBE", person.maskedName()
							+ " lives in a lockdown zone: sample alone, in a single tube.")
					: new Rejected("ZONE_POOL_SIZE", person.maskedName() + " lives in a zone that pools at most "
							+ standing.zonePool() + " per tube; this tube pools " + tube.poolSize() + ".");
		}
		boolean before = standing.sampledInRound();
		if (before && !Boolean.TRUE.equals(event.resample())) {
			throw new Rejected("ALREADY_SAMPLED",
					person.maskedName() + " was already sampled in this round; confirm to sample again.");
		}
		return new Sampling(person, tube.withSample(at, viewer.username()), before);
	}

	/** SAMPLE_REMOVED: whose sample comes out of a tube that still takes changes. */
	static SampledPerson removing(Viewer viewer, ScanEvent event, Instant at, TubeState tube, ResolvedCode resolved) {
		TubeState found = writable(viewer, event, tube);
		SampledPerson person = person(viewer, event, resolved);
		if (found.sealed()) {
			throw new Rejected("TUBE_SEALED", "The tube is sealed: a sample can no longer be removed.");
		}
		requireNotBefore(at, found.roundBegan(), "the round began");
		return person;
	}

	/** SAMPLE_REMOVED once the person's sample was taken out: the tube after it. */
	record Removal(SampledPerson person, TubeState tube) {

		ScanResult answer(String eventId) {
			return new ScanResult(eventId, Status.ACCEPTED, null, null, person.maskedName(), tube.samples(),
					tube.poolSize(), TubeStatus.OPEN, null);
		}
	}

	static Removal removed(SampledPerson person, TubeState tube, boolean wasInTube) {
		if (!wasInTube) {
			throw new Rejected("NOT_IN_TUBE", person.maskedName() + " is not in this tube.");
		}
		return new Removal(person, tube.withoutSample());
	}

	/** TUBE_SEALED: sealed now, or already sealed (by the registrar or by its last sample), which changes nothing. */
	record Sealing(TubeState tube, boolean already) {

		ScanResult answer(String eventId) {
			return already
					? new ScanResult(eventId, Status.DUPLICATE, "ALREADY_SEALED", "The tube was already sealed.", null,
							tube.samples(), tube.poolSize(), tube.status(), null)
					: new ScanResult(eventId, Status.ACCEPTED, null, null, null, tube.samples(), tube.poolSize(),
							TubeStatus.SEALED, null);
		}
	}

	static Sealing seal(Viewer viewer, ScanEvent event, Instant at, TubeState tube) {
		TubeState found = writable(viewer, event, tube);
		if (found.sealed()) {
			return new Sealing(found, true);
		}
		if (found.samples() == 0) {
			throw new Rejected("TUBE_EMPTY", "An empty tube is not sealed.");
		}
		requireNotBefore(at, found.roundBegan(), "the round began");
		return new Sealing(found.sealedAt(at, viewer.username()), false);
	}

	/** CHECKED_IN: the person and their temperature; a fever sends them to the fever channel. */
	record CheckIn(SampledPerson person, BigDecimal temperature) {

		boolean fever() {
			return temperature.compareTo(FEVER) >= 0;
		}

		ScanResult answer(String eventId) {
			if (fever()) {
				return new ScanResult(eventId, Status.ACCEPTED, "FEVER", person.maskedName() + " "
						+ temperature.toPlainString() + " °C: take them to the fever channel, not the general queue.",
						person.maskedName(), null, null, null, null);
			}
			return new ScanResult(eventId, Status.ACCEPTED, null, null, person.maskedName(), null, null, null, null);
		}
	}

	/** CHECKED_IN before the person is looked at: the site, the round and the temperature. */
	static BigDecimal checkingIn(Viewer viewer, ScanEvent event, Instant at, String siteArea, Round round) {
		if (event.roundId() == null || event.siteId() == null) {
			throw new Rejected("INVALID_EVENT", "CHECKED_IN needs roundId and siteId.");
		}
		BigDecimal temperature = event.temperature();
		if (temperature == null || temperature.compareTo(LOWEST_TEMPERATURE) < 0
				|| temperature.compareTo(HIGHEST_TEMPERATURE) > 0) {
			throw new Rejected("INVALID_EVENT", "The temperature is between 30 and 45 °C.");
		}
		if (siteArea == null) {
			throw new Rejected("SITE_UNKNOWN", "No such site.");
		}
		requireWriter(viewer, event.siteId(), siteArea, true);
		if (round == null) {
			throw new Rejected("ROUND_UNKNOWN", "No such round.");
		}
		requireOpen(round.status());
		requireNotBefore(at, round.began(), "the round began");
		return temperature;
	}

	/** Staff of one site write only there; area-scoped staff write at sites inside their area. */
	static boolean mayWrite(Viewer viewer, long siteId, String siteArea, boolean checkIn) {
		boolean role = checkIn ? viewer.hasAny(Role.REGISTRAR, Role.SITE_LEADER, Role.VOLUNTEER, Role.ADMIN)
				: viewer.hasAny(Role.REGISTRAR, Role.SITE_LEADER, Role.ADMIN);
		if (!role || viewer.place(Workplace.LAB) != null) {
			return false;
		}
		Long site = viewer.place(Workplace.SITE);
		return site != null ? site == siteId : viewer.covers(siteArea);
	}

	static void requireWriter(Viewer viewer, long siteId, String siteArea, boolean checkIn) {
		if (!mayWrite(viewer, siteId, siteArea, checkIn)) {
			throw new Rejected("FORBIDDEN", "You cannot scan at this site.");
		}
	}

	static TubeState writable(Viewer viewer, ScanEvent event, TubeState tube) {
		required(event.tubeCode(), "tubeCode");
		if (tube == null) {
			throw new Rejected("TUBE_UNKNOWN", "No tube " + event.tubeCode() + " was opened.");
		}
		requireWriter(viewer, tube.siteId(), tube.siteArea(), false);
		return tube;
	}

	private static void requireOpen(RoundStatus round) {
		if (round != RoundStatus.OPEN) {
			throw new Rejected("ROUND_NOT_OPEN", "The round is " + round + ", not open for sampling.");
		}
	}

	private static void refuseClosed(TubeState tube) {
		requireOpen(tube.roundStatus());
		if (tube.sealed()) {
			if (tube.samples() >= tube.poolSize()) {
				throw new Rejected("TUBE_FULL",
						"The tube is full (" + tube.samples() + "/" + tube.poolSize() + "): open a new tube.");
			}
			throw new Rejected("TUBE_SEALED", "The tube is sealed: open a new tube.");
		}
	}

	static void requireNotBefore(Instant at, Instant start, String what) {
		if (start != null && at.isBefore(start.minus(CLOCK_SKEW))) {
			throw new Rejected("INVALID_TIME", "'at' (" + at + ") lies before " + what + " (" + start
					+ "): check the device's clock.");
		}
	}

	static String required(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new Rejected("INVALID_EVENT", field + " is missing.");
		}
		return value.strip();
	}
}
