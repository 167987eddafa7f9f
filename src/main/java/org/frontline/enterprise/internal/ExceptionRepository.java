package org.frontline.enterprise.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.frontline.enterprise.ExceptionKind;
import org.frontline.enterprise.LoopException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Fevers and positives of people in loops, open until closed. */
@Repository
public class ExceptionRepository {

	private final JdbcClient jdbc;

	ExceptionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long loopId, long personId, ExceptionKind kind, String shiftGroup, String detail, Instant at,
			String by) {
		return jdbc.sql("""
				INSERT INTO enterprise_exception (loop_id, person_id, kind, shift_group, detail, noted_at, noted_by)
				VALUES (:loop, :person, :kind, :group, :detail, :at, :by) RETURNING id
				""")
			.param("loop", loopId)
			.param("person", personId)
			.param("kind", kind.name())
			.param("group", shiftGroup)
			.param("detail", detail)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.query(Long.class)
			.single();
	}

	public boolean close(long loopId, long id, Instant at) {
		return jdbc.sql("UPDATE enterprise_exception SET closed_at = :at WHERE id = :id AND loop_id = :loop AND closed_at IS NULL")
			.param("id", id)
			.param("loop", loopId)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	public List<LoopException> open(long loopId) {
		return jdbc.sql("""
				SELECT x.*, p.name FROM enterprise_exception x LEFT JOIN people_resident p ON p.id = x.person_id
				WHERE x.loop_id = :loop AND x.closed_at IS NULL ORDER BY x.noted_at DESC, x.id DESC
				""").param("loop", loopId).query((rs, n) -> {
			Timestamp closed = rs.getTimestamp("closed_at");
			return new LoopException(rs.getLong("id"), rs.getLong("loop_id"), rs.getLong("person_id"),
					rs.getString("name"), ExceptionKind.valueOf(rs.getString("kind")), rs.getString("shift_group"),
					rs.getString("detail"), rs.getTimestamp("noted_at").toInstant(),
					closed == null ? null : closed.toInstant());
		}).list();
	}

	/** Open exceptions per loop. */
	public Map<Long, Long> openCounts(Collection<Long> loopIds) {
		Map<Long, Long> counts = new HashMap<>();
		if (!loopIds.isEmpty()) {
			jdbc.sql("""
					SELECT loop_id, count(*) FROM enterprise_exception WHERE closed_at IS NULL AND loop_id = ANY(:loops::bigint[])
					GROUP BY loop_id
					""").param("loops", loopIds.toArray(Long[]::new)).query(rs -> {
				counts.put(rs.getLong(1), rs.getLong(2));
			});
		}
		return counts;
	}

	/** Shift groups with an open exception: flagged for extra testing. */
	public List<String> flaggedGroups(long loopId) {
		return jdbc.sql("""
				SELECT DISTINCT shift_group FROM enterprise_exception
				WHERE loop_id = :loop AND closed_at IS NULL AND shift_group IS NOT NULL ORDER BY shift_group
				""").param("loop", loopId).query(String.class).list();
	}
}
