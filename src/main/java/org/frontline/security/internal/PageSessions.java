package org.frontline.security.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The page sessions Spring Session keeps in {@code security_session}. Every instance reads a session from there on
 * each request, so a deleted row signs its user out everywhere at once.
 */
@Repository
public class PageSessions {

	private final JdbcClient jdbc;

	PageSessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Ends every session signed in as this user; answers how many there were. */
	public int endAllOf(String username) {
		return jdbc.sql("DELETE FROM security_session WHERE principal_name = :username")
			.param("username", username)
			.update();
	}
}
