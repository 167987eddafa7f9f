package org.frontline.testing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.frontline.testing.Outcome;
import org.frontline.testing.RetestTask;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Retest tasks and follow-up alerts. Tasks are made for all members of a pool in one statement; the person's
 * community and whether they are bedridden are read from the residents registry in the same statement.
 */
@Repository
public class FollowUpRepository {

	/** The community of an area code: compounds belong to the community above them. */
	private static final String COMMUNITY = "CASE WHEN length(p.area_code) > 12 THEN left(p.area_code, 12) ELSE p.area_code END";

	private final JdbcClient jdbc;

	FollowUpRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A task made now: who for and which community owns it. */
	public record Made(long personId, String community) {
	}

	/** One retest task per live member of the tube; with {@code onlyWithoutOpenTask}, not for people who have one. */
	public List<Made> makeTasks(long tubeId, Instant now, Instant due, boolean onlyWithoutOpenTask) {
		return jdbc.sql("""
				INSERT INTO testing_task (round_id, person_id, source_tube_id, area_code, door_to_door, due_at, created_at)
				SELECT s.round_id, s.person_id, s.tube_id, %s, 'BEDRIDDEN' = ANY (p.tags), :due, :now
				FROM testing_sample s JOIN people_resident p ON p.id = s.person_id
				WHERE s.tube_id = :tube AND s.removed_at IS NULL
				  AND (NOT :only OR NOT EXISTS (SELECT 1 FROM testing_task o WHERE o.person_id = s.person_id AND o.status = 'OPEN'))
				ON CONFLICT (source_tube_id, person_id) DO NOTHING
				RETURNING person_id, area_code
				""".formatted(COMMUNITY))
			.param("tube", tubeId)
			.param("now", Timestamp.from(now))
			.param("due", Timestamp.from(due))
			.param("only", onlyWithoutOpenTask)
			.query((rs, n) -> new Made(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/** One alert of this kind per community with a task from the tube. */
	public void poolAlerts(String kind, long tubeId, Instant now) {
		jdbc.sql("""
				INSERT INTO testing_followup_alert (kind, round_id, tube_id, area_code, created_at)
				SELECT DISTINCT :kind, k.round_id, k.source_tube_id, k.area_code, :now::timestamptz
				FROM testing_task k WHERE k.source_tube_id = :tube
				ON CONFLICT DO NOTHING
				""").param("kind", kind).param("tube", tubeId).param("now", Timestamp.from(now)).update();
	}

	/** A single tube resolved: the open tasks of the people in it become CLEARED or CONFIRMED_POSITIVE. */
	public List<Resolved> resolve(List<Long> tubeIds, Instant now) {
		if (tubeIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				UPDATE testing_task k
				SET status = CASE r.outcome WHEN 'POSITIVE' THEN 'CONFIRMED_POSITIVE' ELSE 'CLEARED' END,
				    resolved_at = :now, result_tube_id = s.tube_id
				FROM testing_sample s JOIN testing_result r ON r.tube_id = s.tube_id
				WHERE s.tube_id = ANY (:tubes::bigint[]) AND s.removed_at IS NULL AND r.outcome IN ('NEGATIVE', 'POSITIVE')
				  AND k.person_id = s.person_id AND k.status = 'OPEN' AND k.source_tube_id <> s.tube_id
				RETURNING k.id, k.person_id, k.status
				""")
			.param("tubes", tubeIds.toArray(Long[]::new))
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new Resolved(rs.getLong(1), rs.getLong(2), rs.getString(3)))
			.list();
	}

	public record Resolved(long taskId, long personId, String status) {
	}

	/** Confirmed-positive alerts for the people in a positive single tube; answers who they are. */
	public List<Made> confirmedAlerts(long tubeId, Instant now) {
		return jdbc.sql("""
				INSERT INTO testing_followup_alert (kind, round_id, tube_id, person_id, area_code, created_at)
				SELECT 'CONFIRMED_POSITIVE', s.round_id, s.tube_id, s.person_id, %s, :now
				FROM testing_sample s JOIN people_resident p ON p.id = s.person_id
				WHERE s.tube_id = :tube AND s.removed_at IS NULL
				ON CONFLICT DO NOTHING
				RETURNING person_id, area_code
				""".formatted(COMMUNITY))
			.param("tube", tubeId)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new Made(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/** A corrected pool turned negative: its open tasks are no longer needed. */
	public int cancelOpen(long tubeId, Instant now) {
		return jdbc.sql("""
				UPDATE testing_task SET status = 'CANCELLED', resolved_at = :now
				WHERE source_tube_id = :tube AND status = 'OPEN'
				""").param("tube", tubeId).param("now", Timestamp.from(now)).update();
	}

	private static final String TASK_SELECT = """
			SELECT k.*, src.code AS source_code, res.code AS result_code, rr.outcome AS result_outcome
			FROM testing_task k
			JOIN testing_tube src ON src.id = k.source_tube_id
			LEFT JOIN testing_tube res ON res.id = k.result_tube_id
			LEFT JOIN testing_result rr ON rr.tube_id = k.result_tube_id
			""";

	public List<RetestTask> tasksOfTube(long tubeId, Instant now) {
		return jdbc.sql(TASK_SELECT + " WHERE k.source_tube_id = :tube ORDER BY k.id")
			.param("tube", tubeId)
			.query((rs, n) -> task(rs, now))
			.list();
	}

	/** Tasks in an area range, open and overdue first, then by deadline. */
	public List<RetestTask> tasks(String low, String high, String status, Instant now, int limit) {
		return jdbc.sql(TASK_SELECT + """
				 WHERE k.area_code >= :low AND k.area_code < :high AND (:status::text IS NULL OR k.status = :status)
				ORDER BY k.status = 'OPEN' DESC, k.door_to_door DESC, k.due_at, k.id
				LIMIT :limit
				""")
			.param("low", low)
			.param("high", high)
			.param("status", status)
			.param("limit", limit)
			.query((rs, n) -> task(rs, now))
			.list();
	}

	public Optional<RetestTask> lockTask(long id, Instant now) {
		return jdbc.sql(TASK_SELECT + " WHERE k.id = :id FOR UPDATE OF k")
			.param("id", id)
			.query((rs, n) -> task(rs, now))
			.optional();
	}

	public void hold(long id, String username) {
		jdbc.sql("UPDATE testing_task SET holder = :u WHERE id = :id").param("u", username).param("id", id).update();
	}

	private static RetestTask task(ResultSet rs, Instant now) throws SQLException {
		String status = rs.getString("status");
		Instant due = rs.getTimestamp("due_at").toInstant();
		String outcome = rs.getString("result_outcome");
		return new RetestTask(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("person_id"), null,
				rs.getString("source_code"), rs.getString("area_code"), rs.getBoolean("door_to_door"), due,
				"OPEN".equals(status) && now.isAfter(due), rs.getString("holder"), status,
				rs.getTimestamp("created_at").toInstant(), PlaceRepository.instant(rs.getTimestamp("resolved_at")),
				rs.getString("result_code"), outcome == null ? null : Outcome.valueOf(outcome));
	}

	/** A pool under follow-up and how far its members are. */
	public record PoolRow(String tubeCode, long roundId, Outcome outcome, Instant postedAt, long members, long open,
			long cleared, long confirmed) {
	}

	/** Pools with tasks in an area range: unresolved positive pools first, then unresolved ones, then the rest. */
	public List<PoolRow> pools(String low, String high, int limit) {
		return jdbc.sql("""
				SELECT t.code, t.round_id, r.outcome, r.posted_at, count(*) AS members,
				       count(*) FILTER (WHERE k.status = 'OPEN') AS open,
				       count(*) FILTER (WHERE k.status = 'CLEARED') AS cleared,
				       count(*) FILTER (WHERE k.status = 'CONFIRMED_POSITIVE') AS confirmed
				FROM testing_task k
				JOIN testing_tube t ON t.id = k.source_tube_id
				JOIN testing_result r ON r.tube_id = t.id
				WHERE k.area_code >= :low AND k.area_code < :high
				GROUP BY t.code, t.round_id, r.outcome, r.posted_at
				ORDER BY (r.outcome = 'POSITIVE' AND count(*) FILTER (WHERE k.status = 'OPEN') > 0) DESC,
				         (count(*) FILTER (WHERE k.status = 'OPEN') > 0) DESC, r.posted_at DESC
				LIMIT :limit
				""")
			.param("low", low)
			.param("high", high)
			.param("limit", limit)
			.query((rs, n) -> new PoolRow(rs.getString(1), rs.getLong(2), Outcome.valueOf(rs.getString(3)),
					rs.getTimestamp(4).toInstant(), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)))
			.list();
	}

	/** An alert as the inbox shows it. */
	public record AlertRow(long id, String kind, long roundId, String tubeCode, Long personId, String area,
			Instant createdAt) {
	}

	public List<AlertRow> alerts(String low, String high, int limit) {
		return jdbc.sql("""
				SELECT a.id, a.kind, a.round_id, t.code, a.person_id, a.area_code, a.created_at
				FROM testing_followup_alert a JOIN testing_tube t ON t.id = a.tube_id
				WHERE a.area_code >= :low AND a.area_code < :high
				ORDER BY a.kind = 'CONFIRMED_POSITIVE' DESC, a.created_at DESC, a.id DESC
				LIMIT :limit
				""")
			.param("low", low)
			.param("high", high)
			.param("limit", limit)
			.query((rs, n) -> new AlertRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					(Long) rs.getObject(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
			.list();
	}
}
