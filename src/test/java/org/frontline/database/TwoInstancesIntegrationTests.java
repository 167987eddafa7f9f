package org.frontline.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.frontline.support.Browser;
import org.frontline.support.Instances;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/** Two instances of Frontline on one database: nothing a user does depends on which of them answers. */
class TwoInstancesIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void sessionsTokensLimitsAndDataAreSharedAndOneInstanceCarriesOnAlone() throws Exception {
		try (Instances instances = new Instances(dir, 2);
				Browser browser = new Browser(instances.baseUrl(0))) {
			// The demo district is loaded once, by whichever instance came first.
			assertThat(instances.api(1).as("commander").get("/api/v1/areas").json().get("code").asString()).isEqualTo("320602");

			browser.login("community", IntegrationTest.DEMO_PASSWORD);
			Cookie session = browser.driver().manage().getCookieNamed("FRONTLINE_SESSION");
			assertThat(session).isNotNull();
			browser.driver().get(instances.baseUrl(1) + "/login");
			browser.driver().manage().addCookie(new Cookie("FRONTLINE_SESSION", session.getValue(), "/"));
			browser.driver().get(instances.baseUrl(1) + "/people");
			assertThat(browser.find(By.id("who")).getText()).isEqualTo("community");

			String token = instances.api(0).as("community").token();
			var created = instances.api(1).withToken(token).post("/api/v1/people", Map.of("name", "两地", "idNumber",
					TestData.residentId(), "area", TestData.CHENYUAN_COMPOUND));
			assertThat(created.status()).isEqualTo(201);
			long id = created.json().get("id").asLong();
			assertThat(instances.api(0).withToken(token).get("/api/v1/people/" + id).status()).isEqualTo(200);

			for (int i = 0; i < 5; i++) {
				int instance = i % 2;
				assertThat(instances.api(instance).anonymous()
					.post("/api/v1/auth/login", Map.of("username", "volunteer", "password", "wrong")).status())
					.isEqualTo(401);
			}
			String admin0 = instances.api(0).as("admin").token();
			org.springframework.jdbc.core.simple.JdbcClient db = org.springframework.jdbc.core.simple.JdbcClient
				.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(instances.database().jdbcUrl()));
			assertThat(db.sql("SELECT failures FROM security_attempt_limit WHERE key = 'signin:account:volunteer'")
				.query(Integer.class).single()).as("five failures spread over two instances count together").isEqualTo(5);
			long round = db.sql("SELECT id FROM testing_round ORDER BY id LIMIT 1").query(Long.class).single();
			long site = db.sql("SELECT id FROM testing_site ORDER BY id LIMIT 1").query(Long.class).single();
			java.util.List<String> people = db.sql("SELECT id_number FROM people_person WHERE id_type = 'RESIDENT_ID' ORDER BY id DESC LIMIT 2")
				.query(String.class).list();
			String tube = "TWO" + System.nanoTime() % 100_000;
			var opened = instances.api(0).withToken(admin0).post("/api/v1/scans", Map.of("deviceId", "two", "events",
					java.util.List.of(Map.of("eventId", java.util.UUID.randomUUID().toString(), "type", "TUBE_OPENED", "at",
							java.time.Instant.now().toString(), "roundId", round, "siteId", site, "tubeCode", tube, "poolSize", 10))));
			assertThat(opened.body()).contains("ACCEPTED");
			for (String person : people) {
				var sampled = instances.api(1).withToken(admin0).post("/api/v1/scans", Map.of("deviceId", "two", "events",
						java.util.List.of(Map.of("eventId", java.util.UUID.randomUUID().toString(), "type", "SAMPLED", "at",
								java.time.Instant.now().toString(), "tubeCode", tube, "idNumber", person))));
				assertThat(sampled.body()).as("a tube opened through one instance is filled through the other").contains("ACCEPTED");
			}
			assertThat(db.sql("SELECT samples FROM testing_tube WHERE code = :c").param("c", tube).query(Integer.class).single())
				.isEqualTo(2);

			instances.stop(0);
			assertThat(instances.api(1).withToken(token).get("/api/v1/people/" + id).status()).isEqualTo(200);
			browser.driver().get(instances.baseUrl(1) + "/people/" + id);
			assertThat(browser.waitFor(By.id("person-name")).getText()).isEqualTo("两地");
		}
	}
}
