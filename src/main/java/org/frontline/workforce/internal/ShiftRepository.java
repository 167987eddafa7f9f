package org.frontline.workforce.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.frontline.workforce.Assignment;
import org.frontline.workforce.Post;
import org.frontline.workforce.PostKind;
import org.frontline.workforce.Shift;
import org.frontline.workforce.ShiftRole;
import org.frontline.workforce.SiteStaffPlan;
import org.frontline.workforce.WorkerKind;
import org.frontline.shared.Masking;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Shifts and the assignments of workers to them, with their check-ins and check-outs. */
@Repository
public class ShiftRepository {

	private static final String SELECT = """
			SELECT s.id, s.role, s.starts_at, s.ends_at, s.needed, s.suit, s.station, s.round_id, s.limits_id,
			       l.version AS limits_version, p.id AS post_id, p.kind, p.ref, p.name AS post_name, p.area_code, p.code
			FROM workforce_shift s
			JOIN workforce_post p ON p.id = s.post_id
			JOIN workforce_limits l ON l.id = s.limits_id
			""";

	private static final String ASSIGNMENTS = """
			SELECT a.id, a.shift_id, a.worker_id, w.name, w.kind, w.phone, a.starts_at, a.ends_at, a.checked_in_at,
			       a.checked_out_at
			FROM workforce_assignment a JOIN workforce_worker w ON w.id = a.worker_id
			""";

	static final RowMapper<Assignment> ASSIGNMENT = (rs, n) -> new Assignment(rs.getLong("id"), rs.getLong("shift_id"),
			rs.getLong("worker_id"), rs.getString("name"), WorkerKind.valueOf(rs.getString("kind")),
			Masking.phone(rs.getString("phone")), instant(rs, "starts_at"), instant(rs, "ends_at"),
			instant(rs, "checked_in_at"), instant(rs, "checked_out_at"));

	private final JdbcClient jdbc;

	ShiftRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A shift as stored, with its post and the id of its limits version. */
	public record ShiftRow(long id, Post post, ShiftRole role, Instant startsAt, Instant endsAt, int needed,
			boolean suit, Integer station, Long roundId, long limitsId, int limitsVersion) {

		Shift with(List<Assignment> assignments) {
			return new Shift(id, post, role, startsAt, endsAt, needed, suit, station, roundId, limitsVersion,
					assignments);
		}
	}

	/** A shift to store. */
	public record NewShiftRow(long postId, ShiftRole role, Instant startsAt, Instant endsAt, int needed, boolean suit,
			Integer station, Long roundId, long limitsId) {
	}

	public Optional<ShiftRow> find(long id) {
		return jdbc.sql(SELECT + " WHERE s.id = :id").param("id", id).query(ShiftRepository::row).optional();
	}

	/** The shift, locked: its assignments are counted and changed one request at a time. */
	public Optional<ShiftRow> lock(long id) {
		return jdbc.sql(SELECT + " WHERE s.id = :id FOR UPDATE OF s").param("id", id).query(ShiftRepository::row).optional();
	}

	public long insert(NewShiftRow shift, String by) {
		return jdbc.sql("""
				INSERT INTO workforce_shift (post_id, role, starts_at, ends_at, needed, suit, station, round_id,
				                             limits_id, created_by)
				VALUES (:post, :role, :start, :end, :needed, :suit, :station, :round, :limits, :by) RETURNING id
				""").params(params(shift)).param("by", by).query(Long.class).single();
	}

	/** Stores generated shifts; one generated again (same post, role, start and station) is kept as it is. */
	public int insertGenerated(List<NewShiftRow> shifts, String by) {
		int inserted = 0;
		for (NewShiftRow shift : shifts) {
			inserted += jdbc.sql("""
					INSERT INTO workforce_shift (post_id, role, starts_at, ends_at, needed, suit, station, round_id,
					                             limits_id, created_by)
					VALUES (:post, :role, :start, :end, :needed, :suit, :station, :round, :limits, :by)
					ON CONFLICT (post_id, role, starts_at, (coalesce(station, 0))) WHERE round_id IS NOT NULL DO NOTHING
					""").params(params(shift)).param("by", by).update();
		}
		return inserted;
	}

	/** The shifts of a post starting in {@code [from, to)}, with their assignments, in time order. */
	public List<Shift> ofPost(long postId, Instant from, Instant to) {
		List<ShiftRow> rows = jdbc.sql(SELECT + """
				 WHERE s.post_id = :post AND s.starts_at >= :from AND s.starts_at < :to
				ORDER BY s.starts_at, s.role, s.station NULLS FIRST, s.id
				""").param("post", postId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
			.query(ShiftRepository::row)
			.list();
		return withAssignments(rows);
	}

	/** The shifts of a round at a post (its generated ones). */
	public List<Shift> ofRound(long postId, long roundId) {
		return withAssignments(jdbc.sql(SELECT + """
				 WHERE s.post_id = :post AND s.round_id = :round ORDER BY s.starts_at, s.role, s.station NULLS FIRST
				""").param("post", postId).param("round", roundId).query(ShiftRepository::row).list());
	}

	/** Per sampling site, the staff the shifts of a round plan (sites with none are left out). */
	public List<SiteStaffPlan> staffPlans(long roundId) {
		return jdbc.sql("""
				SELECT p.ref::bigint AS site_id,
				       coalesce(sum(s.needed) FILTER (WHERE s.station IS NOT NULL)::float
				                / nullif(count(DISTINCT (s.station, s.starts_at)) FILTER (WHERE s.station IS NOT NULL), 0), 0)
				           AS per_station,
				       coalesce(sum(s.needed) FILTER (WHERE s.station IS NULL), 0)::float
				           / count(DISTINCT s.starts_at) AS per_site,
				       avg(extract(EPOCH FROM s.ends_at - s.starts_at)) / 3600 AS shift_hours
				FROM workforce_shift s JOIN workforce_post p ON p.id = s.post_id
				WHERE s.round_id = :round AND p.kind = 'SITE'
				GROUP BY p.ref ORDER BY 1
				""").param("round", roundId).query((rs, n) -> new SiteStaffPlan(rs.getLong("site_id"),
						(int) Math.round(rs.getDouble("per_station")), (int) Math.round(rs.getDouble("per_site")),
						rs.getDouble("shift_hours"))).list();
	}

	public Shift shift(long id) {
		return withAssignments(List.of(find(id).orElseThrow())).get(0);
	}

	private List<Shift> withAssignments(List<ShiftRow> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Assignment>> byShift = new LinkedHashMap<>();
		jdbc.sql(ASSIGNMENTS + " WHERE a.shift_id = ANY (:shifts) ORDER BY a.starts_at, w.name, a.id")
			.param("shifts", rows.stream().map(ShiftRow::id).toArray(Long[]::new))
			.query(ASSIGNMENT)
			.list()
			.forEach(a -> byShift.computeIfAbsent(a.shiftId(), k -> new ArrayList<>()).add(a));
		return rows.stream().map(r -> r.with(byShift.getOrDefault(r.id(), List.of()))).toList();
	}

	public List<Assignment> assignments(long shiftId) {
		return jdbc.sql(ASSIGNMENTS + " WHERE a.shift_id = :shift ORDER BY a.starts_at, w.name, a.id")
			.param("shift", shiftId)
			.query(ASSIGNMENT)
			.list();
	}

	public Optional<Assignment> assignment(long shiftId, long workerId) {
		return jdbc.sql(ASSIGNMENTS + " WHERE a.shift_id = :shift AND a.worker_id = :worker")
			.param("shift", shiftId)
			.param("worker", workerId)
			.query(ASSIGNMENT)
			.optional();
	}

	public Optional<Assignment> assignment(long id) {
		return jdbc.sql(ASSIGNMENTS + " WHERE a.id = :id").param("id", id).query(ASSIGNMENT).optional();
	}

	/** A worker's other assignments that end after {@code from} and start before {@code to}: for the rules. */
	public List<AssignmentRules.Taken> taken(long workerId, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT shift_id, starts_at, ends_at FROM workforce_assignment
				WHERE worker_id = :worker AND ends_at > :from AND starts_at < :to
				""").param("worker", workerId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
			.query((rs, n) -> new AssignmentRules.Taken(rs.getLong(1), instant(rs, "starts_at"), instant(rs, "ends_at")))
			.list();
	}

	/** A worker's assignments with their shifts ending after {@code from}, in time order. */
	public List<Shift> ofWorker(long workerId, Instant from, Instant to) {
		List<ShiftRow> rows = jdbc.sql(SELECT + """
				 WHERE s.id IN (SELECT shift_id FROM workforce_assignment
				                WHERE worker_id = :worker AND ends_at > :from AND starts_at < :to)
				ORDER BY s.starts_at, s.id
				""").param("worker", workerId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
			.query(ShiftRepository::row)
			.list();
		return withAssignments(rows);
	}

	public long assign(long shiftId, long workerId, Instant start, Instant end, String by, Instant at) {
		return jdbc.sql("""
				INSERT INTO workforce_assignment (shift_id, worker_id, starts_at, ends_at, assigned_by, assigned_at)
				VALUES (:shift, :worker, :start, :end, :by, :at) RETURNING id
				""").param("shift", shiftId).param("worker", workerId).param("start", Timestamp.from(start))
			.param("end", Timestamp.from(end))
			.param("by", by)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	/** Ids for {@code n} new shifts or assignments ({@code table}), taken from its sequence, in order. */
	public List<Long> nextIds(String table, int n) {
		String sequence = switch (table) {
			case "workforce_shift", "workforce_assignment" -> table + "_id_seq";
			default -> throw new IllegalArgumentException(table);
		};
		return jdbc.sql("SELECT nextval('" + sequence + "') FROM generate_series(1, :n)")
			.param("n", n)
			.query(Long.class)
			.list();
	}

	/** Stores many shifts in one statement under the ids given (from {@link #nextIds}). */
	public void insertAll(List<Long> ids, List<NewShiftRow> shifts, String by) {
		jdbc.sql("""
				INSERT INTO workforce_shift (id, post_id, role, starts_at, ends_at, needed, suit, station, round_id,
				                             limits_id, created_by)
				SELECT * , :by FROM unnest(:ids::bigint[], :posts::bigint[], :roles::text[], :starts::text[]::timestamptz[],
				                           :ends::text[]::timestamptz[], :needed::int[], :suits::boolean[], :stations::int[],
				                           :rounds::bigint[], :limits::bigint[])
				""").param("ids", ids.toArray(Long[]::new))
			.param("posts", shifts.stream().map(NewShiftRow::postId).toArray(Long[]::new))
			.param("roles", shifts.stream().map(s -> s.role().name()).toArray(String[]::new))
			.param("starts", shifts.stream().map(s -> s.startsAt().toString()).toArray(String[]::new))
			.param("ends", shifts.stream().map(s -> s.endsAt().toString()).toArray(String[]::new))
			.param("needed", shifts.stream().map(NewShiftRow::needed).toArray(Integer[]::new))
			.param("suits", shifts.stream().map(NewShiftRow::suit).toArray(Boolean[]::new))
			.param("stations", shifts.stream().map(NewShiftRow::station).toArray(Integer[]::new))
			.param("rounds", shifts.stream().map(NewShiftRow::roundId).toArray(Long[]::new))
			.param("limits", shifts.stream().map(NewShiftRow::limitsId).toArray(Long[]::new))
			.param("by", by)
			.update();
	}

	/** An assignment to store: shift, worker and the part of the shift they take. */
	public record NewAssignmentRow(long shiftId, long workerId, Instant startsAt, Instant endsAt) {
	}

	/** Stores many assignments in one statement under the ids given (from {@link #nextIds}); no rule is checked here. */
	public void assignAll(List<Long> ids, List<NewAssignmentRow> rows, String by, Instant at) {
		jdbc.sql("""
				INSERT INTO workforce_assignment (id, shift_id, worker_id, starts_at, ends_at, assigned_by, assigned_at)
				SELECT i, s, w, st, en, :by, :at FROM unnest(:ids::bigint[], :shifts::bigint[], :workers::bigint[],
				                                              :starts::text[]::timestamptz[], :ends::text[]::timestamptz[])
				                                              AS a(i, s, w, st, en)
				""").param("ids", ids.toArray(Long[]::new))
			.param("shifts", rows.stream().map(NewAssignmentRow::shiftId).toArray(Long[]::new))
			.param("workers", rows.stream().map(NewAssignmentRow::workerId).toArray(Long[]::new))
			.param("starts", rows.stream().map(r -> r.startsAt().toString()).toArray(String[]::new))
			.param("ends", rows.stream().map(r -> r.endsAt().toString()).toArray(String[]::new))
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * Records many check-ins at once: an attendance event each (its id the key) and the assignment's first check-in.
	 * Answers how many events were new: fewer than given when an event id was recorded before.
	 */
	public int checkInAll(List<UUID> eventIds, List<Long> assignmentIds, List<Instant> at, String channel, String by,
			Instant now) {
		String[] times = at.stream().map(Instant::toString).toArray(String[]::new);
		Long[] assignments = assignmentIds.toArray(Long[]::new);
		int recorded = jdbc.sql("""
				INSERT INTO workforce_attendance (event_id, kind, assignment_id, at, channel, recorded_by, recorded_at)
				SELECT e, 'CHECK_IN', a, t, :channel, :by, :now
				FROM unnest(:events::text[]::uuid[], :assignments::bigint[], :at::text[]::timestamptz[]) AS x(e, a, t)
				ON CONFLICT (event_id) DO NOTHING
				""").param("events", eventIds.stream().map(UUID::toString).toArray(String[]::new))
			.param("assignments", assignments)
			.param("at", times)
			.param("channel", channel)
			.param("by", by)
			.param("now", Timestamp.from(now))
			.update();
		jdbc.sql("""
				UPDATE workforce_assignment a SET checked_in_at = x.t
				FROM unnest(:assignments::bigint[], :at::text[]::timestamptz[]) AS x(id, t)
				WHERE a.id = x.id AND a.checked_in_at IS NULL
				""").param("assignments", assignments).param("at", times).update();
		return recorded;
	}

	/** The other assignments of each of these workers that end after {@code from} and start before {@code to}. */
	public Map<Long, List<AssignmentRules.Taken>> takenOf(Collection<Long> workerIds, Instant from, Instant to) {
		Map<Long, List<AssignmentRules.Taken>> taken = new HashMap<>();
		jdbc.sql("""
				SELECT worker_id, shift_id, starts_at, ends_at FROM workforce_assignment
				WHERE worker_id = ANY (:workers) AND ends_at > :from AND starts_at < :to
				""").param("workers", workerIds.toArray(Long[]::new))
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> taken.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new AssignmentRules.Taken(rs.getLong(2), instant(rs, "starts_at"), instant(rs, "ends_at"))))
			.list();
		return taken;
	}

	public boolean unassign(long shiftId, long workerId) {
		return jdbc.sql("""
				DELETE FROM workforce_assignment WHERE shift_id = :shift AND worker_id = :worker AND checked_in_at IS NULL
				""").param("shift", shiftId).param("worker", workerId).update() > 0;
	}

	/** Records the first check-in of an assignment; false when it already had one. */
	public boolean checkIn(long assignmentId, Instant at) {
		return jdbc.sql("""
				UPDATE workforce_assignment SET checked_in_at = :at WHERE id = :id AND checked_in_at IS NULL
				""").param("id", assignmentId).param("at", Timestamp.from(at)).update() > 0;
	}

	/** Records the check-out of an assignment that is checked in; false when it already had one. */
	public boolean checkOut(long assignmentId, Instant at) {
		return jdbc.sql("""
				UPDATE workforce_assignment SET checked_out_at = :at
				WHERE id = :id AND checked_in_at IS NOT NULL AND checked_out_at IS NULL
				""").param("id", assignmentId).param("at", Timestamp.from(at)).update() > 0;
	}

	/** Records an attendance event; false when its event id was recorded before. */
	public boolean recordEvent(java.util.UUID eventId, String kind, long assignmentId, Instant at, String channel,
			String by, Instant now) {
		return jdbc.sql("""
				INSERT INTO workforce_attendance (event_id, kind, assignment_id, at, channel, recorded_by, recorded_at)
				VALUES (:event, :kind, :assignment, :at, :channel, :by, :now) ON CONFLICT (event_id) DO NOTHING
				""").param("event", eventId).param("kind", kind).param("assignment", assignmentId)
			.param("at", Timestamp.from(at))
			.param("channel", channel)
			.param("by", by)
			.param("now", Timestamp.from(now))
			.update() > 0;
	}

	/** The kind and assignment of an event recorded before. */
	public Optional<Object[]> event(java.util.UUID eventId) {
		return jdbc.sql("SELECT kind, assignment_id FROM workforce_attendance WHERE event_id = :event")
			.param("event", eventId)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getLong(2) })
			.optional();
	}

	/** The shifts under way at a post at {@code at} with their assignments (a leader's roster of the moment). */
	public List<Shift> underWay(Collection<Long> postIds, Instant at) {
		if (postIds.isEmpty()) {
			return List.of();
		}
		return withAssignments(jdbc.sql(SELECT + """
				 WHERE s.post_id = ANY (:posts) AND s.starts_at <= :at AND s.ends_at > :at
				   AND s.starts_at > :earliest
				ORDER BY s.starts_at, s.role, s.station NULLS FIRST
				""").param("posts", postIds.toArray(Long[]::new)).param("at", Timestamp.from(at))
			.param("earliest", Timestamp.from(at.minus(java.time.Duration.ofHours(24))))
			.query(ShiftRepository::row)
			.list());
	}

	public long count() {
		return jdbc.sql("SELECT count(*) FROM workforce_shift").query(Long.class).single();
	}

	private static Map<String, Object> params(NewShiftRow shift) {
		return WorkerRepository.values("post", shift.postId(), "role", shift.role().name(), "start",
				Timestamp.from(shift.startsAt()), "end", Timestamp.from(shift.endsAt()), "needed", shift.needed(),
				"suit", shift.suit(), "station", shift.station(), "round", shift.roundId(), "limits", shift.limitsId());
	}

	static ShiftRow row(ResultSet rs, int n) throws SQLException {
		int station = rs.getInt("station");
		Integer stationNo = rs.wasNull() ? null : station;
		long round = rs.getLong("round_id");
		Long roundId = rs.wasNull() ? null : round;
		return new ShiftRow(rs.getLong("id"),
				new Post(rs.getLong("post_id"), PostKind.valueOf(rs.getString("kind")), rs.getString("ref"),
						rs.getString("post_name"), rs.getString("area_code"), rs.getString("code")),
				ShiftRole.valueOf(rs.getString("role")), instant(rs, "starts_at"), instant(rs, "ends_at"),
				rs.getInt("needed"), rs.getBoolean("suit"), stationNo, roundId, rs.getLong("limits_id"),
				rs.getInt("limits_version"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
