package org.frontline.workforce.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.frontline.workforce.Assignment;
import org.frontline.workforce.Post;
import org.frontline.workforce.PostKind;
import org.frontline.workforce.Shift;
import org.frontline.workforce.ShiftRole;
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

	/** Many assignments at once (the demo's and the bench's staffing); no rule is checked here. */
	public int assignAll(List<long[]> shiftAndWorker, List<Instant[]> windows, String by, Instant at) {
		Long[] shifts = shiftAndWorker.stream().map(p -> p[0]).toArray(Long[]::new);
		Long[] workers = shiftAndWorker.stream().map(p -> p[1]).toArray(Long[]::new);
		Timestamp[] starts = windows.stream().map(w -> Timestamp.from(w[0])).toArray(Timestamp[]::new);
		Timestamp[] ends = windows.stream().map(w -> Timestamp.from(w[1])).toArray(Timestamp[]::new);
		return jdbc.sql("""
				INSERT INTO workforce_assignment (shift_id, worker_id, starts_at, ends_at, assigned_by, assigned_at)
				SELECT s, w, st, en, :by, :at FROM unnest(:shifts::bigint[], :workers::bigint[],
				                                          :starts::timestamptz[], :ends::timestamptz[]) AS a(s, w, st, en)
				ON CONFLICT (shift_id, worker_id) DO NOTHING
				""").param("shifts", shifts).param("workers", workers).param("starts", starts).param("ends", ends)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
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
