package org.frontline.testing.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.frontline.people.ResolvedCode;
import org.frontline.people.SampledPerson;
import org.frontline.shared.Viewer;
import org.frontline.testing.ScanEvent;
import org.frontline.testing.ScanResult;
import org.frontline.testing.ScanResult.Status;
import org.frontline.testing.internal.BulkStatements.Item;
import org.frontline.testing.internal.BulkStatements.NewSample;
import org.frontline.testing.internal.BulkStatements.Reads;
import org.frontline.testing.internal.BulkStatements.Tube;
import org.frontline.testing.internal.ScanCommitter.Pending;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * The hot path of a committer: a group made only of TUBE_OPENED and SAMPLED events is applied with a handful of
 * set-based statements, whatever its size. The same rules as {@link ScanRules} run in memory, in order, over rows
 * read (tubes locked) in one go; writes go out as arrays. When a write finds that another writer got there first (a
 * tube code, a first sample), it throws, the committer rolls the group back and applies it event by event.
 */
@Component
class BulkSampling {

	private final DataSource dataSource;

	BulkSampling(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Another writer changed what this group read; the group is applied again event by event. */
	static final class ConcurrentChange extends RuntimeException {

		ConcurrentChange(String message) {
			super(message, null, false, false);
		}
	}

	/** The answers of every request of the group, or null when the group is not for this path. */
	List<List<ScanResult>> apply(List<Pending> group, Map<String, ResolvedCode> people, Instant now)
			throws SQLException {
		List<Item> items = new ArrayList<>();
		for (int r = 0; r < group.size(); r++) {
			Pending pending = group.get(r);
			for (int e = 0; e < pending.events().size(); e++) {
				Item item = item(r, pending, e, now, people);
				if (item == null) {
					return null;
				}
				items.add(item);
			}
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			return apply(connection, group, items, now);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private List<List<ScanResult>> apply(Connection connection, List<Pending> group, List<Item> items, Instant now)
			throws SQLException {
		Set<Long> roundIds = new HashSet<>();
		Set<Long> siteIds = new HashSet<>();
		Set<String> codes = new LinkedHashSet<>();
		Set<Long> personIds = new HashSet<>();
		for (Item item : items) {
			codes.add(item.event().tubeCode().strip());
			if (item.event().type().equals("TUBE_OPENED")) {
				roundIds.add(item.event().roundId());
				siteIds.add(item.event().siteId());
			}
			else {
				ResolvedCode person = item.people().get(ScanRules.personKey(item.event()));
				if (person != null && person.person() != null) {
					personIds.add(person.person().id());
				}
			}
		}
		Reads reads = BulkStatements.read(connection, items, now, roundIds, siteIds, codes, personIds);
		Map<UUID, String> earlier = BulkStatements.answers(connection, items, reads.claimed);

		List<List<ScanResult>> answers = new ArrayList<>();
		group.forEach(p -> answers.add(new ArrayList<>()));
		Map<UUID, ScanResult> first = new HashMap<>();
		Map<UUID, String> rejected = new LinkedHashMap<>();
		List<Tube> opened = new ArrayList<>();
		List<NewSample> samples = new ArrayList<>();
		for (Item item : items) {
			ScanResult result;
			if (!reads.claimed.contains(item.id()) || first.containsKey(item.id())) {
				ScanResult previous = first.get(item.id());
				String answer = previous != null ? previous.status().name()
						+ (previous.reason() != null && previous.status() == Status.REJECTED ? ": " + previous.reason() : "")
						: earlier.getOrDefault(item.id(), "ACCEPTED");
				result = new ScanResult(item.event().eventId(), Status.DUPLICATE, answer, "This event was stored before.",
						null, null, null, null);
			}
			else {
				try {
					result = item.event().type().equals("TUBE_OPENED")
							? open(item, reads, opened)
							: sample(item, reads, samples);
				}
				catch (ScanRules.Rejected ex) {
					rejected.put(item.id(), ex.reason);
					result = ScanResult.rejected(item.event().eventId(), ex.reason, ex.getMessage());
				}
				first.put(item.id(), result);
			}
			answers.get(item.request()).add(result);
		}
		BulkStatements.insertTubes(connection, opened);
		BulkStatements.write(connection, samples,
				reads.tubes.values().stream().filter(t -> t.changed && !opened.contains(t)).toList(), rejected);
		return answers;
	}

	private static Item item(int request, Pending pending, int index, Instant now, Map<String, ResolvedCode> people) {
		ScanEvent event = pending.events().get(index);
		String type = event.type();
		if (!"TUBE_OPENED".equals(type) && !"SAMPLED".equals(type)) {
			return null;
		}
		if (event.tubeCode() == null || !ScanRules.CODE.matcher(event.tubeCode().strip()).matches()) {
			return null;
		}
		if ("TUBE_OPENED".equals(type) && (event.roundId() == null || event.siteId() == null)) {
			return null;
		}
		if ("SAMPLED".equals(type) && ScanRules.personKey(event) == null) {
			return null;
		}
		try {
			UUID id = UUID.fromString(event.eventId() == null ? "" : event.eventId());
			boolean absent = event.at() == null || event.at().isBlank();
			Instant at = absent ? now : pending.at(index);
			if (at == null || at.isAfter(now.plus(ScanRules.FUTURE_TOLERANCE))) {
				return null;
			}
			return new Item(request, pending, event, id, at, people);
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			return null;
		}
	}

	private ScanResult open(Item item, Reads reads, List<Tube> opened) {
		ScanEvent event = item.event();
		Viewer viewer = item.pending().viewer();
		String code = event.tubeCode().strip();
		String siteArea = reads.sites.get(event.siteId());
		if (siteArea == null) {
			throw new ScanRules.Rejected("SITE_UNKNOWN", "No such site.");
		}
		if (!ScanRules.mayWrite(viewer, event.siteId(), siteArea, false)) {
			throw new ScanRules.Rejected("FORBIDDEN", "You cannot scan at this site.");
		}
		String[] round = reads.rounds.get(event.roundId());
		if (round == null) {
			throw new ScanRules.Rejected("ROUND_UNKNOWN", "No such round.");
		}
		if (!"OPEN".equals(round[0])) {
			throw new ScanRules.Rejected("ROUND_NOT_OPEN", "The round is " + round[0] + ", not open for sampling.");
		}
		int poolSize = event.poolSize() != null ? event.poolSize() : Integer.parseInt(round[1]);
		if (poolSize != 1 && poolSize != 10 && poolSize != 20) {
			throw new ScanRules.Rejected("INVALID_EVENT", "A tube pools 1, 10 or 20 people.");
		}
		Tube tube = reads.tubes.get(code);
		if (tube != null) {
			if (tube.siteId != event.siteId() || tube.roundId != event.roundId()) {
				throw new ScanRules.Rejected("TUBE_CODE_TAKEN", "This tube code is already used at another site or round.");
			}
			refuseClosed(tube);
			return new ScanResult(event.eventId(), Status.ACCEPTED, "TUBE_RESUMED", "The tube is open: continue.", null,
					tube.samples, tube.poolSize, tube.status);
		}
		tube = new Tube(null, code, event.roundId(), event.siteId(), siteArea, poolSize, 0, "OPEN", round[0]);
		tube.openedBy = viewer.username();
		tube.openedAt = item.at();
		reads.tubes.put(code, tube);
		opened.add(tube);
		return new ScanResult(event.eventId(), Status.ACCEPTED, null, null, null, 0, poolSize, "OPEN");
	}

	private ScanResult sample(Item item, Reads reads, List<NewSample> samples) {
		ScanEvent event = item.event();
		Viewer viewer = item.pending().viewer();
		ResolvedCode resolved = item.people().get(ScanRules.personKey(event));
		if (resolved == null) {
			throw new ScanRules.Rejected("PERSON_UNKNOWN", "Nobody is registered with this code.");
		}
		if (resolved.person() == null) {
			throw new ScanRules.Rejected(resolved.reason().name(), resolved.message());
		}
		SampledPerson person = resolved.person();
		Tube tube = reads.tubes.get(event.tubeCode().strip());
		if (tube == null) {
			throw new ScanRules.Rejected("TUBE_UNKNOWN", "No tube " + event.tubeCode() + " was opened.");
		}
		if (!ScanRules.mayWrite(viewer, tube.siteId, tube.siteArea, false)) {
			throw new ScanRules.Rejected("FORBIDDEN", "You cannot scan at this site.");
		}
		String inThisTube = (tube.id != null ? "t" + tube.id : "c" + tube.code) + "/" + person.id();
		if (reads.inTube.contains(inThisTube)) {
			throw new ScanRules.Rejected("ALREADY_IN_TUBE", person.maskedName() + " is already in this tube.");
		}
		refuseClosed(tube);
		boolean resample = Boolean.TRUE.equals(event.resample());
		if (reads.fever.contains(tube.roundId + "/" + person.id()) && tube.poolSize != 1) {
			throw new ScanRules.Rejected("FEVER_FLAGGED",
					person.maskedName() + " had a fever at check-in: sample alone (1 per tube), not in the general queue.");
		}
		boolean before = reads.sampled.contains(tube.roundId + "/" + person.id());
		if (before && !resample) {
			throw new ScanRules.Rejected("ALREADY_SAMPLED",
					person.maskedName() + " was already sampled in this round; confirm to sample again.");
		}
		samples.add(new NewSample(tube, person.id(), item.at(), viewer.username(), before));
		reads.inTube.add(inThisTube);
		reads.sampled.add(tube.roundId + "/" + person.id());
		tube.samples++;
		tube.changed = true;
		if (tube.samples >= tube.poolSize) {
			tube.status = "SEALED";
			tube.sealedAt = item.at();
			tube.sealedBy = viewer.username();
		}
		return new ScanResult(event.eventId(), Status.ACCEPTED, before ? "RESAMPLED" : null, null, person.maskedName(),
				tube.samples, tube.poolSize, tube.status);
	}

	private static void refuseClosed(Tube tube) {
		if (!"OPEN".equals(tube.roundStatus)) {
			throw new ScanRules.Rejected("ROUND_NOT_OPEN", "The round is " + tube.roundStatus + ", not open for sampling.");
		}
		if ("SEALED".equals(tube.status)) {
			if (tube.samples >= tube.poolSize) {
				throw new ScanRules.Rejected("TUBE_FULL",
						"The tube is full (" + tube.samples + "/" + tube.poolSize + "): open a new tube.");
			}
			throw new ScanRules.Rejected("TUBE_SEALED", "The tube is sealed: open a new tube.");
		}
	}

}
