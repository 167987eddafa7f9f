package org.frontline.testing.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
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
import org.frontline.testing.ScanEventType;
import org.frontline.testing.ScanResult;
import org.frontline.testing.internal.BulkStatements.Item;
import org.frontline.testing.internal.BulkStatements.NewSample;
import org.frontline.testing.internal.BulkStatements.NewTube;
import org.frontline.testing.internal.BulkStatements.Reads;
import org.frontline.testing.internal.ScanCommitter.Pending;
import org.frontline.testing.internal.ScanDecisions.Rejected;
import org.frontline.testing.internal.ScanDecisions.TubeState;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * The hot path of a committer: a group made only of TUBE_OPENED and SAMPLED events is applied with a handful of
 * set-based statements, whatever its size. It reads (and locks) what the whole group needs in one go, asks
 * {@link ScanDecisions} event by event in order, keeping each answered tube for the next event, and writes the
 * outcome as arrays. When a write finds that another writer got there first (a tube code, a first sample), it
 * throws, and the committer rolls the group back and applies it event by event.
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
			if (item.event().type() == ScanEventType.TUBE_OPENED) {
				roundIds.add(item.event().roundId());
				siteIds.add(item.event().siteId());
			}
			else {
				ResolvedCode person = item.people().get(ScanDecisions.personKey(item.event()));
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
		Map<String, NewTube> opened = new LinkedHashMap<>();
		Set<String> changed = new LinkedHashSet<>();
		List<NewSample> samples = new ArrayList<>();
		for (Item item : items) {
			ScanResult result;
			if (!reads.claimed.contains(item.id()) || first.containsKey(item.id())) {
				ScanResult previous = first.get(item.id());
				result = ScanResult.storedBefore(item.event().eventId(), previous == null
						? earlier.getOrDefault(item.id(), "ACCEPTED")
						: previous.status().name()
								+ (previous.status() == ScanResult.Status.REJECTED ? ": " + previous.reason() : ""));
			}
			else {
				try {
					result = item.event().type() == ScanEventType.TUBE_OPENED ? open(item, reads, opened)
							: sample(item, reads, changed, samples);
				}
				catch (Rejected ex) {
					rejected.put(item.id(), ex.reason);
					result = ex.answer(item.event().eventId());
				}
				first.put(item.id(), result);
			}
			answers.get(item.request()).add(result);
		}
		List<NewTube> newTubes = opened.values()
			.stream()
			.map(t -> new NewTube(reads.tubes.get(t.tube().code()), t.openedAt(), t.openedBy()))
			.toList();
		Map<String, Long> tubeIds = BulkStatements.insertTubes(connection, newTubes);
		List<TubeState> updated = new ArrayList<>();
		for (String code : changed) {
			TubeState tube = reads.tubes.get(code);
			if (tube.id() != null) {
				tubeIds.put(code, tube.id());
				updated.add(tube);
			}
		}
		BulkStatements.write(connection, samples, tubeIds, updated, rejected);
		return answers;
	}

	private static Item item(int request, Pending pending, int index, Instant now, Map<String, ResolvedCode> people) {
		ScanEvent event = pending.events().get(index);
		ScanEventType type = event.type();
		if (type != ScanEventType.TUBE_OPENED && type != ScanEventType.SAMPLED) {
			return null;
		}
		if (event.tubeCode() == null || !ScanDecisions.CODE.matcher(event.tubeCode().strip()).matches()) {
			return null;
		}
		if (type == ScanEventType.TUBE_OPENED && (event.roundId() == null || event.siteId() == null)) {
			return null;
		}
		if (type == ScanEventType.SAMPLED && ScanDecisions.personKey(event) == null) {
			return null;
		}
		UUID id;
		try {
			id = UUID.fromString(event.eventId() == null ? "" : event.eventId());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		Instant at = event.at() == null || event.at().isBlank() ? now : pending.at(index);
		// An event whose time is refused is answered by the per-event path, which stores it with the time it arrived.
		return ScanDecisions.plausible(at, now) ? new Item(request, pending, event, id, at, people) : null;
	}

	private static ScanResult open(Item item, Reads reads, Map<String, NewTube> opened) {
		ScanEvent event = item.event();
		Viewer viewer = item.pending().viewer();
		String code = event.tubeCode().strip();
		ScanDecisions.Opening opening = ScanDecisions.open(viewer, event, item.at(), reads.sites.get(event.siteId()),
				reads.rounds.get(event.roundId()), reads.tubes.get(code));
		if (!opening.resumed()) {
			reads.tubes.put(code, opening.tube());
			opened.put(code, new NewTube(opening.tube(), item.at(), viewer.username()));
		}
		return opening.answer(event.eventId());
	}

	private static ScanResult sample(Item item, Reads reads, Set<String> changed, List<NewSample> samples) {
		ScanEvent event = item.event();
		Viewer viewer = item.pending().viewer();
		SampledPerson person = ScanDecisions.person(viewer, event,
				item.people().get(ScanDecisions.personKey(event)));
		String code = event.tubeCode().strip();
		TubeState tube = reads.tubes.get(code);
		ScanDecisions.Sampling sampling = ScanDecisions.sample(viewer, event, item.at(), person, tube,
				reads.standing(tube, person.id()));
		TubeState after = sampling.tube();
		reads.tubes.put(code, after);
		reads.sampled(after, person.id());
		changed.add(code);
		samples.add(new NewSample(code, after.roundId(), after.siteId(), person.id(), item.at(), viewer.username(),
				sampling.resample()));
		return sampling.answer(event.eventId());
	}
}
