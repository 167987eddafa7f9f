package org.frontline.enterprise.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.frontline.enterprise.Loop;
import org.frontline.enterprise.LoopStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Closed-loop periods, their testing round of each day and the bedding sets they asked for. */
@Repository
public class LoopRepository {

	private static final String SELECT = """
			SELECT l.*, e.name AS enterprise_name, e.area_code FROM enterprise_loop l
			JOIN enterprise_enterprise e ON e.id = l.enterprise_id
			""";

	private final JdbcClient jdbc;

	LoopRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Starts a loop unless the enterprise has an active one; the new loop's id, or empty. */
	public Optional<Long> insert(long enterpriseId, String notice, Instant from, String by, Instant at) {
		return jdbc.sql("""
				INSERT INTO enterprise_loop (enterprise_id, notice, starts_at, started_by, created_at)
				VALUES (:e, :notice, :from, :by, :at)
				ON CONFLICT (enterprise_id) WHERE ends_at IS NULL DO NOTHING RETURNING id
				""")
			.param("e", enterpriseId)
			.param("notice", notice)
			.param("from", Timestamp.from(from))
			.param("by", by)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.optional();
	}

	public boolean end(long id, Instant at, String by) {
		return jdbc.sql("UPDATE enterprise_loop SET ends_at = :at, ended_by = :by WHERE id = :id AND ends_at IS NULL")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update() == 1;
	}

	public Optional<Loop> find(long id) {
		return jdbc.sql(SELECT + " WHERE l.id = :id").param("id", id).query(LoopRepository::loop).optional();
	}

	/** Locks the loop's row: one writer at a time creates its day's round or changes its roster. */
	public Optional<Loop> lock(long id) {
		jdbc.sql("SELECT id FROM enterprise_loop WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
		return find(id);
	}

	/** Loops inside [low, high) (or of one enterprise), active ones or all; active first, then by enterprise. */
	public List<Loop> list(String low, String high, Long enterprise, boolean activeOnly) {
		return jdbc.sql(SELECT + """
				 WHERE e.area_code >= :low AND e.area_code < :high
				  AND (CAST(:enterprise AS bigint) IS NULL OR e.id = :enterprise)
				  AND (NOT :active OR l.ends_at IS NULL)
				ORDER BY l.ends_at IS NOT NULL, e.name, l.id DESC
				""")
			.param("low", low)
			.param("high", high)
			.param("enterprise", enterprise)
			.param("active", activeOnly)
			.query(LoopRepository::loop)
			.list();
	}

	/** Loops inside [low, high) running at {@code at}: begun before it and not ended by then. */
	public List<Loop> runningAt(String low, String high, Instant at) {
		return jdbc.sql(SELECT + """
				 WHERE e.area_code >= :low AND e.area_code < :high
				  AND l.starts_at < :at AND (l.ends_at IS NULL OR l.ends_at > :at)
				ORDER BY l.id
				""")
			.param("low", low)
			.param("high", high)
			.param("at", Timestamp.from(at))
			.query(LoopRepository::loop)
			.list();
	}

	public List<Loop> active() {
		return jdbc.sql(SELECT + " WHERE l.ends_at IS NULL ORDER BY l.id").query(LoopRepository::loop).list();
	}

	/** Active loops begun before {@code dayEnd} that have no round for {@code day}. */
	public List<Long> withoutRound(LocalDate day, Instant dayEnd) {
		return jdbc.sql("""
				SELECT l.id FROM enterprise_loop l
				WHERE l.ends_at IS NULL AND l.starts_at < :end
				  AND NOT EXISTS (SELECT 1 FROM enterprise_loop_day d WHERE d.loop_id = l.id AND d.day = :day)
				ORDER BY l.id
				""").param("day", day).param("end", Timestamp.from(dayEnd)).query(Long.class).list();
	}

	public Optional<Long> dayRound(long loopId, LocalDate day) {
		return jdbc.sql("SELECT round_id FROM enterprise_loop_day WHERE loop_id = :loop AND day = :day")
			.param("loop", loopId)
			.param("day", day)
			.query(Long.class)
			.optional();
	}

	public void insertDay(long loopId, LocalDate day, long roundId) {
		jdbc.sql("INSERT INTO enterprise_loop_day (loop_id, day, round_id) VALUES (:loop, :day, :round)")
			.param("loop", loopId)
			.param("day", day)
			.param("round", roundId)
			.update();
	}

	/** The round of each of these loops on a day. */
	public Map<Long, Long> dayRounds(List<Long> loopIds, LocalDate day) {
		Map<Long, Long> rounds = new HashMap<>();
		if (loopIds.isEmpty()) {
			return rounds;
		}
		jdbc.sql("SELECT loop_id, round_id FROM enterprise_loop_day WHERE day = :day AND loop_id = ANY(:loops::bigint[])")
			.param("day", day)
			.param("loops", loopIds.toArray(Long[]::new))
			.query(rs -> {
				rounds.put(rs.getLong(1), rs.getLong(2));
			});
		return rounds;
	}

	public long insertBeddingRequest(long loopId, int sets, Instant neededBy, Instant at, String by) {
		return jdbc.sql("""
				INSERT INTO enterprise_bedding_request (loop_id, sets, needed_by, requested_at, requested_by)
				VALUES (:loop, :sets, :needed, :at, :by) RETURNING id
				""")
			.param("loop", loopId)
			.param("sets", sets)
			.param("needed", Timestamp.from(neededBy))
			.param("at", Timestamp.from(at))
			.param("by", by)
			.query(Long.class)
			.single();
	}

	public long beddingRequested(long loopId) {
		return jdbc.sql("SELECT coalesce(sum(sets), 0) FROM enterprise_bedding_request WHERE loop_id = :loop")
			.param("loop", loopId)
			.query(Long.class)
			.single();
	}

	static Loop loop(ResultSet rs, int n) throws SQLException {
		Timestamp ends = rs.getTimestamp("ends_at");
		return new Loop(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("enterprise_name"),
				rs.getString("area_code"), rs.getString("notice"), rs.getTimestamp("starts_at").toInstant(),
				ends == null ? null : ends.toInstant(), ends == null ? LoopStatus.ACTIVE : LoopStatus.ENDED,
				rs.getTimestamp("created_at").toInstant());
	}
}
