package org.frontline.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.frontline.FrontlineApplication;
import org.frontline.support.Api;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * While its database is away (as in a failover), Frontline answers every kind of request 503 with Retry-After within
 * a few seconds, whether the database was needed by a controller, by a filter (bearer tokens, page sessions) or by the
 * scan committer; when the database is back, the same instance serves again without a restart.
 */
class DatabaseOutageIntegrationTests {

	private static final Duration PROMPT = Duration.ofSeconds(10);

	@TempDir
	Path dir;

	@Test
	void requestsDuringAnOutageGet503WithRetryAfterAndTheInstanceReconnectsByItself() throws Exception {
		EmbeddedDatabase database = EmbeddedDatabase.start(dir.resolve("db"), 0);
		int dbPort = database.port();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FrontlineApplication.class).run(
				"--frontline.db.url=jdbc:postgresql://localhost:" + dbPort + "/postgres", "--frontline.db.user=postgres",
				"--frontline.db.password=", "--frontline.demo.enabled=true", "--frontline.demo.day=false", "--frontline.demo.residents=200",
				"--frontline.demo.password=" + IntegrationTest.DEMO_PASSWORD, "--frontline.security.token-cache-seconds=1",
				"--server.port=0", "--logging.level.root=WARN")) {
			Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
			String token = api.as("admin").token();
			JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database.jdbcUrl()));
			long round = jdbc.sql("SELECT id FROM testing_round ORDER BY id LIMIT 1").query(Long.class).single();
			long site = jdbc.sql("SELECT id FROM testing_site ORDER BY id LIMIT 1").query(Long.class).single();
			Map<String, Object> scan = Map.of("deviceId", "outage", "events", List.of(Map.of("eventId",
					UUID.randomUUID().toString(), "type", "TUBE_OPENED", "at", Instant.now().toString(), "roundId", round,
					"siteId", site, "tubeCode", "OUTAGE-" + System.nanoTime() % 100_000, "poolSize", 10)));
			assertThat(api.withToken(token).get("/api/v1/areas").status()).isEqualTo(200);

			database.close();

			// The token is still in the instance's cache: the controller's read finds no database.
			assertUnavailable(() -> api.withToken(token).get("/api/v1/areas"));
			assertUnavailable(() -> api.withToken(token).post("/api/v1/scans", scan));
			Thread.sleep(1_500);
			// The token must be read again: the security filter finds no database.
			assertUnavailable(() -> api.withToken(token).get("/api/v1/people?area=320602"));
			long started = System.nanoTime();
			HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + api.port() + "/people"))
				.header("Cookie", "FRONTLINE_SESSION=" + java.util.Base64.getEncoder()
					.encodeToString(UUID.randomUUID().toString().getBytes()))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROMPT);
			assertThat(page.statusCode()).as("a page whose session cannot be read").isEqualTo(503);
			assertThat(page.headers().firstValue("Retry-After")).contains("1");
			assertThat(page.body()).contains("数据库正在切换").contains("reloads by itself");

			database = EmbeddedDatabase.start(dir.resolve("db"), dbPort);

			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			Api.Response areas;
			do {
				Thread.sleep(200);
				areas = api.withToken(token).get("/api/v1/areas");
			}
			while (areas.status() != 200 && System.nanoTime() < deadline);
			assertThat(areas.status()).as("served again without a restart").isEqualTo(200);
			Api.Response stored = api.withToken(token).post("/api/v1/scans", scan);
			assertThat(stored.status()).isEqualTo(200);
			assertThat(stored.json().get("results").get(0).get("status").asString()).isEqualTo("ACCEPTED");
		}
		finally {
			database.close();
		}
	}

	private static void assertUnavailable(java.util.function.Supplier<Api.Response> request) {
		long started = System.nanoTime();
		Api.Response response = request.get();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered promptly").isLessThan(PROMPT);
		assertThat(response.status()).as(response.body()).isEqualTo(503);
		assertThat(response.header("Retry-After")).isEqualTo("1");
		assertThat(response.json().get("type").asString()).matches(".*/(database|scans)-unavailable");
	}
}
