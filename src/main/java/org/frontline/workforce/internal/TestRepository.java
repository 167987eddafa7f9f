package org.frontline.workforce.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.frontline.testing.Outcome;
import org.frontline.workforce.TestKind;
import org.frontline.workforce.WorkerTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tests workers had elsewhere. */
@Repository
public class TestRepository {

	private final JdbcClient jdbc;

	TestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a test; the same test again (worker, time, kind) is stored once. */
	public boolean insert(long workerId, Instant at, Outcome outcome, TestKind kind, String by, Instant now) {
		return jdbc.sql("""
				INSERT INTO workforce_test (worker_id, at, outcome, kind, recorded_by, recorded_at)
				VALUES (:worker, :at, :outcome, :kind, :by, :now) ON CONFLICT (worker_id, at, kind) DO NOTHING
				""").param("worker", workerId).param("at", Timestamp.from(at)).param("outcome", outcome.name())
			.param("kind", kind.name())
			.param("by", by)
			.param("now", Timestamp.from(now))
			.update() > 0;
	}

	/** Each worker's latest recorded test. */
	public Map<Long, WorkerTest> latest(Collection<Long> workerIds) {
		Map<Long, WorkerTest> latest = new HashMap<>();
		if (workerIds.isEmpty()) {
			return latest;
		}
		jdbc.sql("""
				SELECT DISTINCT ON (worker_id) worker_id, at, outcome, kind FROM workforce_test
				WHERE worker_id = ANY (:workers) ORDER BY worker_id, at DESC, kind
				""").param("workers", workerIds.toArray(Long[]::new))
			.query((rs, n) -> latest.put(rs.getLong("worker_id"), new WorkerTest(rs.getTimestamp("at").toInstant(),
					Outcome.valueOf(rs.getString("outcome")), TestKind.valueOf(rs.getString("kind")), false)))
			.list();
		return latest;
	}

	/** A worker's recorded tests, newest first. */
	public List<WorkerTest> of(long workerId) {
		return jdbc.sql("SELECT at, outcome, kind FROM workforce_test WHERE worker_id = :worker ORDER BY at DESC LIMIT 50")
			.param("worker", workerId)
			.query((rs, n) -> new WorkerTest(rs.getTimestamp("at").toInstant(), Outcome.valueOf(rs.getString("outcome")),
					TestKind.valueOf(rs.getString("kind")), false))
			.list();
	}
}
