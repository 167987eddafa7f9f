package org.frontline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** A page polled every few seconds (a wall screen) does not rewrite its session's row on every request. */
class SessionWritesIntegrationTests extends IntegrationTest {

	@Test
	void aSessionRowIsRewrittenWhenItsLastAccessMovedByAMinuteNotOnEveryRequest() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String login = get(browser, "/login").body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
		assertThat(csrf.find()).isTrue();
		browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=commander&password="
					+ URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1)))
			.build(), HttpResponse.BodyHandlers.discarding());
		String session = browser.cookieHandler()
			.map(h -> ((CookieManager) h).getCookieStore().getCookies())
			.orElseThrow()
			.stream()
			.filter(c -> c.getName().equals("FRONTLINE_SESSION"))
			.findFirst()
			.orElseThrow()
			.getValue();
		String id = new String(java.util.Base64.getDecoder().decode(session), StandardCharsets.UTF_8);
		assertThat(get(browser, "/command").statusCode()).isEqualTo(200);
		Map<String, Object> before = row(id);

		for (int i = 0; i < 3; i++) {
			assertThat(get(browser, "/command").statusCode()).isEqualTo(200);
		}
		assertThat(row(id)).as("the same row version").isEqualTo(before);

		long minuteAgo = (Long) before.get("last_access_time") - 61_000;
		jdbc.sql("UPDATE security_session SET last_access_time = :at, expiry_time = :at + max_inactive_interval * 1000 "
				+ "WHERE session_id = :id").param("at", minuteAgo).param("id", id).update();
		long asked = System.currentTimeMillis();
		assertThat(get(browser, "/command").statusCode()).isEqualTo(200);
		Map<String, Object> after = row(id);
		assertThat((Long) after.get("last_access_time")).isGreaterThanOrEqualTo(asked - 1_000);
		assertThat((Long) after.get("expiry_time"))
			.isEqualTo((Long) after.get("last_access_time") + (Integer) after.get("max_inactive_interval") * 1000L);
		assertThat(after.get("principal_name")).isEqualTo("commander");
	}

	private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
		return browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private Map<String, Object> row(String sessionId) {
		return jdbc.sql("""
				SELECT xmin::text AS version, last_access_time, expiry_time, max_inactive_interval, principal_name
				FROM security_session WHERE session_id = :id""").param("id", sessionId).query().singleRow();
	}
}
