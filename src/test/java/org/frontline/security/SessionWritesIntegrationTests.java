package org.frontline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.frontline.support.IntegrationTest;
import org.frontline.support.PageSession;
import org.junit.jupiter.api.Test;

/** A page polled every few seconds (a wall screen) does not rewrite its session's row on every request. */
class SessionWritesIntegrationTests extends IntegrationTest {

	@Test
	void aSessionRowIsRewrittenWhenItsLastAccessMovedByAMinuteNotOnEveryRequest() throws Exception {
		PageSession browser = new PageSession(baseUrl());
		browser.signIn("commander", DEMO_PASSWORD);
		String session = browser.cookie("FRONTLINE_SESSION");
		assertThat(session).isNotNull();
		String id = new String(Base64.getDecoder().decode(session), StandardCharsets.UTF_8);
		assertThat(browser.get("/command").statusCode()).isEqualTo(200);
		Map<String, Object> before = row(id);

		for (int i = 0; i < 3; i++) {
			assertThat(browser.get("/command").statusCode()).isEqualTo(200);
		}
		assertThat(row(id)).as("the same row version").isEqualTo(before);

		long minuteAgo = (Long) before.get("last_access_time") - 61_000;
		jdbc.sql("UPDATE security_session SET last_access_time = :at, expiry_time = :at + max_inactive_interval * 1000 "
				+ "WHERE session_id = :id").param("at", minuteAgo).param("id", id).update();
		long asked = System.currentTimeMillis();
		assertThat(browser.get("/command").statusCode()).isEqualTo(200);
		Map<String, Object> after = row(id);
		assertThat((Long) after.get("last_access_time")).isGreaterThanOrEqualTo(asked - 1_000);
		assertThat((Long) after.get("expiry_time"))
			.isEqualTo((Long) after.get("last_access_time") + (Integer) after.get("max_inactive_interval") * 1000L);
		assertThat(after.get("principal_name")).isEqualTo("commander");
	}

	private Map<String, Object> row(String sessionId) {
		return jdbc.sql("""
				SELECT xmin::text AS version, last_access_time, expiry_time, max_inactive_interval, principal_name
				FROM security_session WHERE session_id = :id""").param("id", sessionId).query().singleRow();
	}
}
