package org.frontline.security.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * A page session's row is rewritten only when something in it changed or its last access moved by a minute or more.
 * Spring Session moves the last access on every request, so every poll of a live page (a wall screen every 10 s)
 * wrote and flushed a row; the expiry (12 hours after the last access) is then at most a minute early.
 */
@Configuration(proxyBeanMethods = false)
class SessionWrites {

	/** Spring Session's update with its parameters in the same order, skipping a row that only aged. */
	static final String UPDATE = """
			UPDATE %TABLE_NAME% AS s
			SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access_time,
			    MAX_INACTIVE_INTERVAL = v.max_inactive_interval, EXPIRY_TIME = v.expiry_time,
			    PRINCIPAL_NAME = v.principal_name
			FROM (SELECT CAST(? AS char(36)) AS session_id, CAST(? AS bigint) AS last_access_time,
			             CAST(? AS int) AS max_inactive_interval, CAST(? AS bigint) AS expiry_time,
			             CAST(? AS varchar) AS principal_name, CAST(? AS char(36)) AS primary_id) AS v
			WHERE s.PRIMARY_ID = v.primary_id
			  AND (s.SESSION_ID <> v.session_id OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive_interval
			       OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal_name
			       OR v.last_access_time - s.LAST_ACCESS_TIME >= 60000)
			""";

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionRowsRewrittenOnlyWhenChanged() {
		return sessions -> sessions.setUpdateSessionQuery(UPDATE);
	}
}
