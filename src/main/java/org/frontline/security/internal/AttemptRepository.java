package org.frontline.security.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Failure counters of {@link org.frontline.security.Attempts}, one row per key. */
@Repository
public class AttemptRepository {

	private final JdbcClient jdbc;

	AttemptRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A key's failures and its last counted attempt. */
	public record Counter(String key, int failures, Instant lastAttempt) {
	}

	/**
	 * The counters of these keys, created when missing and locked until the transaction ends. Keys are created and
	 * locked in one order, so that two attempts sharing keys wait for each other instead of deadlocking.
	 */
	public List<Counter> lock(Collection<String> keys, Instant now) {
		String[] sorted = keys.stream().sorted().toArray(String[]::new);
		jdbc.sql("""
				INSERT INTO security_attempt_limit (key, failures, last_attempt)
				SELECT k, 0, :now FROM unnest(:keys::text[]) WITH ORDINALITY AS t (k, n) ORDER BY n
				ON CONFLICT (key) DO NOTHING
				""")
			.param("keys", sorted)
			.param("now", Timestamp.from(now))
			.update();
		return jdbc.sql("""
				SELECT key, failures, last_attempt FROM security_attempt_limit
				WHERE key = ANY(:keys::text[]) ORDER BY key FOR UPDATE
				""")
			.param("keys", sorted)
			.query((rs, n) -> new Counter(rs.getString("key"), rs.getInt("failures"),
					rs.getTimestamp("last_attempt").toInstant()))
			.list();
	}

	public void save(List<Counter> counters) {
		for (Counter counter : counters) {
			jdbc.sql("UPDATE security_attempt_limit SET failures = :failures, last_attempt = :at WHERE key = :key")
				.param("failures", counter.failures())
				.param("at", Timestamp.from(counter.lastAttempt()))
				.param("key", counter.key())
				.update();
		}
	}

	public void reset(Collection<String> keys) {
		if (!keys.isEmpty()) {
			jdbc.sql("DELETE FROM security_attempt_limit WHERE key = ANY(:keys::text[])")
				.param("keys", keys.toArray(String[]::new))
				.update();
		}
	}

	public void giveBack(Collection<String> keys) {
		if (!keys.isEmpty()) {
			jdbc.sql("""
					UPDATE security_attempt_limit SET failures = greatest(failures - 1, 0)
					WHERE key = ANY(:keys::text[])
					""")
				.param("keys", keys.toArray(String[]::new))
				.update();
		}
	}

	public int deleteUnusedSince(Instant before) {
		return jdbc.sql("DELETE FROM security_attempt_limit WHERE last_attempt < :before")
			.param("before", Timestamp.from(before))
			.update();
	}
}
