package org.frontline.testing.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.frontline.people.ResolvedCode;
import org.frontline.testing.RoundStatus;
import org.frontline.testing.ScanEvent;
import org.frontline.testing.internal.ScanCommitter.Pending;
import org.frontline.testing.internal.ScanDecisions.Round;
import org.frontline.testing.internal.ScanDecisions.Standing;
import org.frontline.testing.internal.ScanDecisions.TubeState;

/**
 * The statements of {@link BulkSampling}: each reads or writes what a whole group needs at once, with arrays as
 * parameters, on the group's connection and inside its transaction.
 */
final class BulkStatements {

	private BulkStatements() {
	}

	/** An event of the group, with its request, id and time. */
	record Item(int request, Pending pending, ScanEvent event, UUID id, Instant at, Map<String, ResolvedCode> people) {
	}

	/** A tube the group opened, as the group left it, with who opened it when. */
	record NewTube(TubeState tube, Instant openedAt, String openedBy) {
	}

	/** A sample to insert into the tube of this code. */
	record NewSample(String tubeCode, long roundId, long siteId, long personId, Instant at, String by,
			boolean resample) {
	}

	/**
	 * What {@link #read} found: the group's events it claimed, its rounds, sites, tubes (locked; the group's changes
	 * replace them as it goes) and what its people already have in those rounds.
	 */
	static final class Reads {

		final Set<UUID> claimed = new HashSet<>();

		final Map<Long, Round> rounds = new HashMap<>();

		final Map<Long, String> sites = new HashMap<>();

		final Map<String, TubeState> tubes = new HashMap<>();

		/** "{tube code}/{person id}": a person's live sample in a tube. */
		private final Set<String> inTube = new HashSet<>();

		/** "{round id}/{person id}": a person with a live sample in a round. */
		private final Set<String> sampled = new HashSet<>();

		/** "{round id}/{person id}": a person whose last check-in in a round had a fever. */
		private final Set<String> fever = new HashSet<>();

		/** The pool size of the control zone each of the group's people lives in (absent outside zones). */
		private final Map<Long, Integer> zonePool = new HashMap<>();

		Standing standing(TubeState tube, long personId) {
			if (tube == null) {
				return new Standing(false, false, false);
			}
			return new Standing(inTube.contains(tube.code() + "/" + personId),
					sampled.contains(tube.roundId() + "/" + personId), fever.contains(tube.roundId() + "/" + personId),
					zonePool.get(personId));
		}

		/** A sample the group adds, so that the group's later events see it. */
		void sampled(TubeState tube, long personId) {
			inTube.add(tube.code() + "/" + personId);
			sampled.add(tube.roundId() + "/" + personId);
		}
	}

	/**
	 * Everything a group reads, in one round trip to the database (seven statements sent together): claims its events
	 * in the scan log (an event stored before is not claimed again), reads the rounds and sites of its TUBE_OPENED
	 * events, locks its existing tubes (in id order, so that two committers never wait on each other in a cycle), and
	 * reads what its people already have in its rounds (the rounds of its tubes and of its TUBE_OPENED events):
	 * samples and check-ins with fever, and the pool size of the control zone each lives in now. The standing is read
	 * with array conditions on the (round, person) index, so the plan stays a probe per person whatever the statistics
	 * say.
	 */
	static Reads read(Connection connection, List<Item> items, Instant now, Set<Long> roundIds, Set<Long> siteIds,
			Set<String> codes, Set<Long> personIds) throws SQLException {
		int n = items.size();
		UUID[] ids = new UUID[n];
		String[] devices = new String[n];
		String[] types = new String[n];
		String[] users = new String[n];
		Timestamp[] ats = new Timestamp[n];
		String[] tubes = new String[n];
		for (int i = 0; i < n; i++) {
			Item item = items.get(i);
			ids[i] = item.id();
			devices[i] = item.pending().deviceId();
			types[i] = item.event().type().name();
			users[i] = item.pending().viewer().username();
			ats[i] = Timestamp.from(item.at());
			tubes[i] = item.event().tubeCode().strip();
		}
		var rounds = connection.createArrayOf("bigint", roundIds.toArray());
		var codeArray = connection.createArrayOf("text", codes.toArray());
		var people = connection.createArrayOf("bigint", personIds.toArray());
		Reads reads = new Reads();
		try (PreparedStatement statement = connection.prepareStatement("""
				INSERT INTO testing_scan_event (event_id, device_id, type, username, at, received_at, status, tube_code)
				SELECT e.id, e.device, e.type, e.username, e.at, ?, 'ACCEPTED', e.tube
				FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[])
				     AS e(id, device, type, username, at, tube)
				ON CONFLICT (event_id) DO NOTHING
				RETURNING event_id;
				SELECT r.id, r.status, r.pool_size, %s FROM testing_round r WHERE r.id = ANY(?::bigint[]);
				SELECT id, area_code FROM testing_site WHERE id = ANY(?::bigint[]);
				SELECT %s
				FROM testing_tube t JOIN testing_site s ON s.id = t.site_id JOIN testing_round r ON r.id = t.round_id
				WHERE t.code = ANY(?::text[])
				ORDER BY t.id
				FOR UPDATE OF t;
				SELECT s.person_id, s.round_id, s.tube_id
				FROM testing_sample s
				WHERE s.person_id = ANY(?::bigint[]) AND s.removed_at IS NULL
				  AND s.round_id = ANY(ARRAY(SELECT round_id FROM testing_tube WHERE code = ANY(?::text[])
				                             UNION SELECT unnest(?::bigint[])));
				SELECT DISTINCT ON (c.round_id, c.person_id) c.round_id, c.person_id, c.fever
				FROM testing_checkin c
				WHERE c.person_id = ANY(?::bigint[])
				  AND c.round_id = ANY(ARRAY(SELECT round_id FROM testing_tube WHERE code = ANY(?::text[])
				                             UNION SELECT unnest(?::bigint[])))
				ORDER BY c.round_id, c.person_id, c.checked_in_at DESC, c.id DESC;
				SELECT DISTINCT ON (p.id) p.id, z.pool_size
				FROM people_resident p
				JOIN zones_zone_period z
				  ON z.area_code IN (left(p.area_code, 6), left(p.area_code, 9), left(p.area_code, 12), p.area_code)
				 AND (z.buildings IS NULL OR p.building = ANY (z.buildings))
				 AND z.since <= ? AND (z.until IS NULL OR z.until > ?)
				WHERE p.id = ANY(?::bigint[])
				ORDER BY p.id, z.strictness DESC, length(z.area_code) DESC
				""".formatted(ScanRepository.ROUND_BEGAN, ScanRepository.TUBE_COLUMNS))) {
			statement.setTimestamp(1, Timestamp.from(now));
			statement.setArray(2, connection.createArrayOf("uuid", ids));
			statement.setArray(3, connection.createArrayOf("text", devices));
			statement.setArray(4, connection.createArrayOf("text", types));
			statement.setArray(5, connection.createArrayOf("text", users));
			statement.setArray(6, connection.createArrayOf("timestamptz", ats));
			statement.setArray(7, connection.createArrayOf("text", tubes));
			statement.setArray(8, rounds);
			statement.setArray(9, connection.createArrayOf("bigint", siteIds.toArray()));
			statement.setArray(10, codeArray);
			statement.setArray(11, people);
			statement.setArray(12, codeArray);
			statement.setArray(13, rounds);
			statement.setArray(14, people);
			statement.setArray(15, codeArray);
			statement.setArray(16, rounds);
			statement.setTimestamp(17, Timestamp.from(now));
			statement.setTimestamp(18, Timestamp.from(now));
			statement.setArray(19, people);
			statement.execute();
			try (ResultSet rs = next(statement, 1)) {
				while (rs.next()) {
					reads.claimed.add((UUID) rs.getObject(1));
				}
			}
			try (ResultSet rs = next(statement, 2)) {
				while (rs.next()) {
					reads.rounds.put(rs.getLong(1), new Round(rs.getLong(1), RoundStatus.valueOf(rs.getString(2)),
							rs.getInt(3), rs.getTimestamp(4).toInstant()));
				}
			}
			try (ResultSet rs = next(statement, 3)) {
				while (rs.next()) {
					reads.sites.put(rs.getLong(1), rs.getString(2));
				}
			}
			Map<Long, String> codeOf = new HashMap<>();
			try (ResultSet rs = next(statement, 4)) {
				int row = 0;
				while (rs.next()) {
					TubeState tube = ScanRepository.tube(rs, row++);
					reads.tubes.put(tube.code(), tube);
					codeOf.put(tube.id(), tube.code());
				}
			}
			try (ResultSet rs = next(statement, 5)) {
				while (rs.next()) {
					String code = codeOf.get(rs.getLong(3));
					if (code != null) {
						reads.inTube.add(code + "/" + rs.getLong(1));
					}
					reads.sampled.add(rs.getLong(2) + "/" + rs.getLong(1));
				}
			}
			try (ResultSet rs = next(statement, 6)) {
				while (rs.next()) {
					if (rs.getBoolean(3)) {
						reads.fever.add(rs.getLong(1) + "/" + rs.getLong(2));
					}
				}
			}
			try (ResultSet rs = next(statement, 7)) {
				while (rs.next()) {
					reads.zonePool.put(rs.getLong(1), rs.getInt(2));
				}
			}
		}
		return reads;
	}

	/** The result of the n-th statement (from 1) of a statement sent with others; the first is current after execute. */
	private static ResultSet next(PreparedStatement statement, int n) throws SQLException {
		if (n > 1 && !statement.getMoreResults()) {
			throw new SQLException("Statement " + n + " of the group's reads gave no result set");
		}
		return statement.getResultSet();
	}

	/** The first answers of events of the group that were stored before, as "STATUS" or "STATUS: REASON". */
	static Map<UUID, String> answers(Connection connection, List<Item> items, Set<UUID> claimed) throws SQLException {
		List<UUID> stored = items.stream().map(Item::id).filter(id -> !claimed.contains(id)).distinct().toList();
		Map<UUID, String> answers = new HashMap<>();
		if (stored.isEmpty()) {
			return answers;
		}
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT event_id, status, reason FROM testing_scan_event WHERE event_id = ANY(?)")) {
			statement.setArray(1, connection.createArrayOf("uuid", stored.toArray()));
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					String reason = rs.getString(3);
					answers.put((UUID) rs.getObject(1), rs.getString(2) + (reason == null ? "" : ": " + reason));
				}
			}
		}
		return answers;
	}

	/**
	 * Inserts the tubes the group opened, as the group left them (counted and sealed by its samples); answers their
	 * ids by code, or throws {@link BulkSampling.ConcurrentChange} when another writer took one of the codes first.
	 */
	static Map<String, Long> insertTubes(Connection connection, List<NewTube> opened) throws SQLException {
		Map<String, Long> ids = new HashMap<>();
		if (opened.isEmpty()) {
			return ids;
		}
		int n = opened.size();
		String[] codes = new String[n];
		Long[] rounds = new Long[n];
		Long[] sites = new Long[n];
		Integer[] pools = new Integer[n];
		Integer[] samples = new Integer[n];
		String[] statuses = new String[n];
		Timestamp[] openedAts = new Timestamp[n];
		String[] openedBys = new String[n];
		Timestamp[] sealedAt = new Timestamp[n];
		String[] sealedBy = new String[n];
		for (int i = 0; i < n; i++) {
			TubeState tube = opened.get(i).tube();
			codes[i] = tube.code();
			rounds[i] = tube.roundId();
			sites[i] = tube.siteId();
			pools[i] = tube.poolSize();
			samples[i] = tube.samples();
			statuses[i] = tube.status().name();
			openedAts[i] = Timestamp.from(opened.get(i).openedAt());
			openedBys[i] = opened.get(i).openedBy();
			sealedAt[i] = tube.sealedAt() == null ? null : Timestamp.from(tube.sealedAt());
			sealedBy[i] = tube.sealedBy();
		}
		try (PreparedStatement statement = connection.prepareStatement("""
				INSERT INTO testing_tube (code, round_id, site_id, pool_size, samples, status, opened_at, opened_by,
				                          sealed_at, sealed_by)
				SELECT * FROM unnest(?::text[], ?::bigint[], ?::bigint[], ?::int[], ?::int[], ?::text[],
				                     ?::timestamptz[], ?::text[], ?::timestamptz[], ?::text[])
				ON CONFLICT (code) DO NOTHING
				RETURNING id, code
				""")) {
			statement.setArray(1, connection.createArrayOf("text", codes));
			statement.setArray(2, connection.createArrayOf("bigint", rounds));
			statement.setArray(3, connection.createArrayOf("bigint", sites));
			statement.setArray(4, connection.createArrayOf("int4", pools));
			statement.setArray(5, connection.createArrayOf("int4", samples));
			statement.setArray(6, connection.createArrayOf("text", statuses));
			statement.setArray(7, connection.createArrayOf("timestamptz", openedAts));
			statement.setArray(8, connection.createArrayOf("text", openedBys));
			statement.setArray(9, connection.createArrayOf("timestamptz", sealedAt));
			statement.setArray(10, connection.createArrayOf("text", sealedBy));
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					ids.put(rs.getString(2), rs.getLong(1));
				}
			}
		}
		if (ids.size() != n) {
			throw new BulkSampling.ConcurrentChange("A tube code of this group was opened by another writer.");
		}
		return ids;
	}

	/**
	 * The group's writes after its new tubes, sent together in one round trip: its samples (refused as a whole, by
	 * {@link BulkSampling.ConcurrentChange}, when another writer sampled one of its people first), its changed tubes
	 * as the group left them, and its rejected events' answers in the scan log.
	 */
	static void write(Connection connection, List<NewSample> samples, Map<String, Long> tubeIds,
			List<TubeState> changed, Map<UUID, String> rejected) throws SQLException {
		StringBuilder sql = new StringBuilder();
		if (!samples.isEmpty()) {
			sql.append("""
					INSERT INTO testing_sample (tube_id, round_id, site_id, person_id, sampled_at, sampled_by, resample)
					SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::timestamptz[], ?::text[],
					                     ?::boolean[]);
					""");
		}
		if (!changed.isEmpty()) {
			sql.append("""
					UPDATE testing_tube t SET samples = u.samples, status = u.status, sealed_at = u.sealed_at,
					       sealed_by = u.sealed_by
					FROM unnest(?::bigint[], ?::int[], ?::text[], ?::timestamptz[], ?::text[])
					     AS u(id, samples, status, sealed_at, sealed_by)
					WHERE t.id = u.id;
					""");
		}
		if (!rejected.isEmpty()) {
			sql.append("""
					UPDATE testing_scan_event e SET status = 'REJECTED', reason = u.reason
					FROM unnest(?::uuid[], ?::text[]) AS u(id, reason)
					WHERE e.event_id = u.id;
					""");
		}
		if (sql.isEmpty()) {
			return;
		}
		try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
			int parameter = 1;
			if (!samples.isEmpty()) {
				parameter = bindSamples(connection, statement, parameter, samples, tubeIds);
			}
			if (!changed.isEmpty()) {
				parameter = bindTubes(connection, statement, parameter, changed);
			}
			if (!rejected.isEmpty()) {
				statement.setArray(parameter++, connection.createArrayOf("uuid", rejected.keySet().toArray()));
				statement.setArray(parameter, connection.createArrayOf("text", rejected.values().toArray()));
			}
			try {
				statement.execute();
			}
			catch (SQLException ex) {
				// A plain insert, not ON CONFLICT DO NOTHING (which checks both unique indexes before each row and
				// confirms each row with a WAL record of its own), for a conflict only a concurrent writer causes.
				if ("23505".equals(ex.getSQLState())) {
					throw new BulkSampling.ConcurrentChange("A person of this group was sampled by another writer.");
				}
				throw ex;
			}
		}
	}

	private static int bindSamples(Connection connection, PreparedStatement statement, int first,
			List<NewSample> samples, Map<String, Long> tubeIds) throws SQLException {
		int n = samples.size();
		Long[] tubes = new Long[n];
		Long[] rounds = new Long[n];
		Long[] sites = new Long[n];
		Long[] people = new Long[n];
		Timestamp[] ats = new Timestamp[n];
		String[] by = new String[n];
		Boolean[] resample = new Boolean[n];
		for (int i = 0; i < n; i++) {
			NewSample sample = samples.get(i);
			tubes[i] = tubeIds.get(sample.tubeCode());
			rounds[i] = sample.roundId();
			sites[i] = sample.siteId();
			people[i] = sample.personId();
			ats[i] = Timestamp.from(sample.at());
			by[i] = sample.by();
			resample[i] = sample.resample();
		}
		statement.setArray(first, connection.createArrayOf("bigint", tubes));
		statement.setArray(first + 1, connection.createArrayOf("bigint", rounds));
		statement.setArray(first + 2, connection.createArrayOf("bigint", sites));
		statement.setArray(first + 3, connection.createArrayOf("bigint", people));
		statement.setArray(first + 4, connection.createArrayOf("timestamptz", ats));
		statement.setArray(first + 5, connection.createArrayOf("text", by));
		statement.setArray(first + 6, connection.createArrayOf("boolean", resample));
		return first + 7;
	}

	private static int bindTubes(Connection connection, PreparedStatement statement, int first, List<TubeState> changed)
			throws SQLException {
		int n = changed.size();
		Long[] ids = new Long[n];
		Integer[] samples = new Integer[n];
		String[] statuses = new String[n];
		Timestamp[] sealedAt = new Timestamp[n];
		String[] sealedBy = new String[n];
		for (int i = 0; i < n; i++) {
			TubeState tube = changed.get(i);
			ids[i] = tube.id();
			samples[i] = tube.samples();
			statuses[i] = tube.status().name();
			sealedAt[i] = tube.sealedAt() == null ? null : Timestamp.from(tube.sealedAt());
			sealedBy[i] = tube.sealedBy();
		}
		statement.setArray(first, connection.createArrayOf("bigint", ids));
		statement.setArray(first + 1, connection.createArrayOf("int4", samples));
		statement.setArray(first + 2, connection.createArrayOf("text", statuses));
		statement.setArray(first + 3, connection.createArrayOf("timestamptz", sealedAt));
		statement.setArray(first + 4, connection.createArrayOf("text", sealedBy));
		return first + 5;
	}
}
