package org.frontline.workforce.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The alerts this module raised and cleared, so each is published once. */
@Repository
public class AlertRepository {

	private final JdbcClient jdbc;

	AlertRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Marks an alert raised (again, when it was cleared); false when it is raised already. */
	public boolean raise(String key, Instant at) {
		return jdbc.sql("""
				INSERT INTO workforce_alert AS a (key, raised_at) VALUES (:key, :at)
				ON CONFLICT (key) DO UPDATE SET raised_at = excluded.raised_at, cleared_at = NULL
				WHERE a.cleared_at IS NOT NULL
				""")
			.param("key", key)
			.param("at", Timestamp.from(at))
			.update() > 0;
	}

	/** Marks a raised alert cleared; false when it was not raised or is cleared already. */
	public boolean clear(String key, Instant at) {
		return jdbc.sql("UPDATE workforce_alert SET cleared_at = :at WHERE key = :key AND cleared_at IS NULL")
			.param("key", key)
			.param("at", Timestamp.from(at))
			.update() > 0;
	}

	/** The open alerts whose keys start with {@code prefix}. */
	public List<String> open(String prefix) {
		return jdbc.sql("SELECT key FROM workforce_alert WHERE cleared_at IS NULL AND key LIKE :prefix || '%' ORDER BY key")
			.param("prefix", prefix)
			.query(String.class)
			.list();
	}
}
