package org.frontline.workforce.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.frontline.workforce.PostKind;
import org.frontline.workforce.ShiftRole;
import org.frontline.workforce.StaffedShifts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who is on duty now and how long people worked, from the check-ins and check-outs. */
@Repository
public class StaffingQueries {

	private final JdbcClient jdbc;

	StaffingQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** For one post and role: the people the shifts under way need, and those checked in for them. */
	public record PostRole(long postId, String postName, PostKind kind, String ref, String area, ShiftRole role,
			int needed, int onDuty) {
	}

	/** A period of work: from a check-in to its check-out, or to now when it is still {@code open}. */
	public record Worked(long workerId, long assignmentId, Instant from, Instant to, boolean open) {
	}

	/**
	 * The shifts under way at {@code now} at the posts inside the area codes {@code [low, high)} (or at one post),
	 * summed per post and role. A shift lasts at most 24 h, so only shifts started in the last day are read.
	 */
	public List<PostRole> underWay(String low, String high, Long postId, Instant now) {
		return jdbc.sql("""
				SELECT p.id, p.name, p.kind, p.ref, p.area_code, s.role, sum(s.needed) AS needed,
				       sum((SELECT count(*) FROM workforce_assignment a
				            WHERE a.shift_id = s.id AND a.checked_in_at IS NOT NULL AND a.checked_out_at IS NULL)) AS on_duty
				FROM workforce_shift s JOIN workforce_post p ON p.id = s.post_id
				WHERE s.starts_at > :earliest AND s.starts_at <= :now AND s.ends_at > :now
				  AND p.area_code >= :low AND p.area_code < :high AND (p.id = :post OR :anyPost)
				GROUP BY p.id, p.name, p.kind, p.ref, p.area_code, s.role
				ORDER BY p.area_code, p.name, p.id, s.role
				""").param("earliest", Timestamp.from(now.minus(Duration.ofHours(24))))
			.param("now", Timestamp.from(now))
			.param("low", low)
			.param("high", high)
			.param("post", postId == null ? 0L : postId)
			.param("anyPost", postId == null)
			.query((rs, n) -> new PostRole(rs.getLong("id"), rs.getString("name"), PostKind.valueOf(rs.getString("kind")),
					rs.getString("ref"), rs.getString("area_code"), ShiftRole.valueOf(rs.getString("role")), rs.getInt("needed"),
					rs.getInt("on_duty")))
			.list();
	}

	/**
	 * The shifts started in {@code [from, to)} at the posts inside the area codes {@code [low, high)}, summed per post
	 * area: people needed, checked in (at most the needed per shift) and missing.
	 */
	public List<StaffedShifts> staffed(String low, String high, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT p.area_code, sum(s.needed), sum(least(s.needed, c.checked)), sum(greatest(0, s.needed - c.checked))
				FROM workforce_shift s JOIN workforce_post p ON p.id = s.post_id
				CROSS JOIN LATERAL (SELECT count(*) AS checked FROM workforce_assignment a
				                    WHERE a.shift_id = s.id AND a.checked_in_at IS NOT NULL) c
				WHERE s.starts_at >= :from AND s.starts_at < :to AND p.area_code >= :low AND p.area_code < :high
				GROUP BY p.area_code ORDER BY p.area_code
				""").param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("low", low)
			.param("high", high)
			.query((rs, n) -> new StaffedShifts(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.list();
	}

	/** A worker's periods of work overlapping {@code [from, to)}; one still under way ends now. */
	public List<Worked> worked(long workerId, Instant from, Instant to, Instant now) {
		return jdbc.sql("""
				SELECT worker_id, id, checked_in_at, coalesce(checked_out_at, greatest(checked_in_at, :now)) AS out,
				       checked_out_at IS NULL AS open
				FROM workforce_assignment
				WHERE worker_id = :worker AND checked_in_at IS NOT NULL AND checked_in_at < :to
				  AND coalesce(checked_out_at, :now) > :from
				ORDER BY checked_in_at
				""").param("worker", workerId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new Worked(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
					rs.getTimestamp(4).toInstant(), rs.getBoolean(5)))
			.list();
	}

	/** Minutes worked in {@code [from, to)} by each worker of a unit (a period under way counts until now). */
	public Map<Long, Long> minutesOfUnit(long unitId, Instant from, Instant to, Instant now) {
		Map<Long, Long> minutes = new HashMap<>();
		jdbc.sql("""
				SELECT a.worker_id,
				       sum(extract(epoch FROM least(coalesce(a.checked_out_at, :now), :to) - greatest(a.checked_in_at, :from)))
				FROM workforce_assignment a JOIN workforce_worker w ON w.id = a.worker_id
				WHERE w.unit_id = :unit AND a.checked_in_at IS NOT NULL AND a.checked_in_at < :to
				  AND coalesce(a.checked_out_at, :now) > :from
				GROUP BY a.worker_id
				""").param("unit", unitId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
			.param("now", Timestamp.from(now))
			.query((rs, n) -> minutes.put(rs.getLong(1), Math.max(0, (long) rs.getDouble(2) / 60)))
			.list();
		return minutes;
	}

	/**
	 * Assignments of shifts started at least {@code grace} ago and not yet over whose worker has not checked in: the
	 * no-shows of the moment (assignment, worker, shift, post, area, role, start, post id).
	 */
	public List<Object[]> noShows(Instant now, Duration grace) {
		return jdbc.sql("""
				SELECT a.id, w.name, s.id, p.name, p.area_code, s.role, a.starts_at, p.id
				FROM workforce_assignment a
				JOIN workforce_shift s ON s.id = a.shift_id
				JOIN workforce_post p ON p.id = s.post_id
				JOIN workforce_worker w ON w.id = a.worker_id
				WHERE a.checked_in_at IS NULL AND a.starts_at <= :late AND a.ends_at > :now
				  AND s.starts_at > :earliest
				""").param("late", Timestamp.from(now.minus(grace))).param("now", Timestamp.from(now))
			.param("earliest", Timestamp.from(now.minus(Duration.ofHours(24))))
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getLong(8) })
			.list();
	}

	/**
	 * Assignments that began between {@code dayStart} and {@code grace} ago whose worker never checked in: the day's
	 * no-shows at posts inside the area codes {@code [low, high)} (anywhere when null), of one unit's workers when
	 * {@code unit} is given.
	 */
	public long noShowsSince(String low, String high, Long unit, Instant dayStart, Instant now, Duration grace) {
		return jdbc.sql("""
				SELECT count(*)
				FROM workforce_assignment a
				JOIN workforce_shift s ON s.id = a.shift_id
				JOIN workforce_post p ON p.id = s.post_id
				JOIN workforce_worker w ON w.id = a.worker_id
				WHERE a.checked_in_at IS NULL AND a.starts_at >= :dayStart AND a.starts_at <= :late
				  AND s.starts_at > :earliest AND s.starts_at <= :late
				  AND (p.area_code >= :low AND p.area_code < :high OR :anyArea) AND (w.unit_id = :unit OR :anyUnit)
				""").param("dayStart", Timestamp.from(dayStart)).param("late", Timestamp.from(now.minus(grace)))
			.param("earliest", Timestamp.from(dayStart.minus(Duration.ofHours(24))))
			.param("low", low == null ? "" : low)
			.param("high", high == null ? "" : high)
			.param("anyArea", low == null)
			.param("unit", unit == null ? 0L : unit)
			.param("anyUnit", unit == null)
			.query(Long.class)
			.single();
	}

	/** A unit's workers checked in now for a shift under way. */
	public long onDutyOfUnit(long unitId, Instant now) {
		return jdbc.sql("""
				SELECT count(DISTINCT a.worker_id)
				FROM workforce_assignment a
				JOIN workforce_worker w ON w.id = a.worker_id
				JOIN workforce_shift s ON s.id = a.shift_id
				WHERE w.unit_id = :unit AND a.checked_in_at IS NOT NULL AND a.checked_out_at IS NULL
				  AND s.starts_at > :earliest AND s.starts_at <= :now AND s.ends_at > :now
				""").param("unit", unitId).param("now", Timestamp.from(now))
			.param("earliest", Timestamp.from(now.minus(Duration.ofHours(24))))
			.query(Long.class)
			.single();
	}

	/**
	 * Sampler shifts of a station started at least {@code grace} ago and not yet over without a sampler checked in
	 * (shift, post, area, station, post id).
	 */
	public List<Object[]> stationsWithoutSampler(Instant now, Duration grace) {
		return jdbc.sql("""
				SELECT s.id, p.name, p.area_code, s.station, p.id
				FROM workforce_shift s JOIN workforce_post p ON p.id = s.post_id
				WHERE s.role = 'SAMPLER' AND s.station IS NOT NULL AND s.starts_at <= :late AND s.ends_at > :now
				  AND s.starts_at > :earliest
				  AND NOT EXISTS (SELECT 1 FROM workforce_assignment a
				                  WHERE a.shift_id = s.id AND a.checked_in_at IS NOT NULL AND a.checked_out_at IS NULL)
				""").param("late", Timestamp.from(now.minus(grace))).param("now", Timestamp.from(now))
			.param("earliest", Timestamp.from(now.minus(Duration.ofHours(24))))
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5) })
			.list();
	}

	/**
	 * Workers checked in now (assignment, worker, name, kind, suit, limits, post, area, since, minutes worked earlier
	 * today, post id): for the limit alerts.
	 */
	public List<Object[]> checkedIn(Instant now, Instant startOfDay) {
		return jdbc.sql("""
				SELECT a.id, a.worker_id, w.name, w.kind, s.suit, s.limits_id, p.name, p.area_code, a.checked_in_at, p.id,
				       coalesce((SELECT sum(extract(epoch FROM b.checked_out_at - greatest(b.checked_in_at, :day)))
				                 FROM workforce_assignment b
				                 WHERE b.worker_id = a.worker_id AND b.id <> a.id AND b.checked_out_at > :day), 0) / 60
				FROM workforce_assignment a
				JOIN workforce_shift s ON s.id = a.shift_id
				JOIN workforce_post p ON p.id = s.post_id
				JOIN workforce_worker w ON w.id = a.worker_id
				WHERE a.checked_in_at IS NOT NULL AND a.checked_out_at IS NULL
				""").param("day", Timestamp.from(startOfDay))
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getBoolean(5), rs.getLong(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
					(long) rs.getDouble(11), rs.getLong(10) })
			.list();
	}
}
