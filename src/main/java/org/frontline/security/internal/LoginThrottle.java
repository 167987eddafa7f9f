package org.frontline.security.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per username in the database, so the limit holds across every instance of Frontline.
 */
@Component
public class LoginThrottle {

	static final int MAX_FAILURES = 5;

	static final Duration WINDOW = Duration.ofMinutes(15);

	private final JdbcClient jdbc;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** When the username may try again, if it is locked out now. */
	public Optional<Instant> lockedUntil(String username) {
		Instant now = clock.instant();
		return jdbc.sql("""
				SELECT at FROM security_login_failure WHERE username = :username AND at > :since
				ORDER BY at DESC OFFSET :skip LIMIT 1
				""")
			.param("username", username)
			.param("since", Timestamp.from(now.minus(WINDOW)))
			.param("skip", MAX_FAILURES - 1)
			.query(Timestamp.class)
			.optional()
			.map(at -> at.toInstant().plus(WINDOW));
	}

	public void failed(String username) {
		jdbc.sql("INSERT INTO security_login_failure (username, at) VALUES (:username, :at)")
			.param("username", username)
			.param("at", Timestamp.from(clock.instant()))
			.update();
	}

	public void succeeded(String username) {
		jdbc.sql("DELETE FROM security_login_failure WHERE username = :username").param("username", username).update();
	}
}
