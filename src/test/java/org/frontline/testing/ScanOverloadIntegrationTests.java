package org.frontline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.frontline.FrontlineApplication;
import org.frontline.support.Api;
import org.frontline.support.Browser;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Overload: a second instance on the same database takes at most 20 scan requests at once. While its committer is held
 * up (a tube of its first group is locked by another transaction), 300 devices send at once: what it cannot take is
 * refused at once (before the held-up requests are answered) with 429, a Retry-After and a problem; the devices, and
 * the scanning page of a registrar, keep what was refused, wait as they are told and send the same events again, and
 * in the end every event they were acknowledged is stored exactly once.
 */
class ScanOverloadIntegrationTests extends IntegrationTest {

	private static final int DEVICES = 300;

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	@Autowired
	private DataSource dataSource;

	@Test
	void refusalsAreImmediateCarryRetryAfterAndEveryAcknowledgedEventIsStoredOnceAfterTheDevicesResend()
			throws Exception {
		TestingFixture fixture = new TestingFixture(api());
		long round = fixture.openRound(1);
		long site = fixture.site(TestingFixture.BILINWAN);
		String token = api().as("admin").token();
		List<String> idNumbers = jdbc.sql("""
				SELECT id_number FROM people_person WHERE id_type = 'RESIDENT_ID' ORDER BY id LIMIT :n
				""").param("n", DEVICES + 1).query(String.class).list();
		assertThat(idNumbers).hasSize(DEVICES + 1);
		String registrar = fixture.siteUser(site, "REGISTRAR");
		String run = TestingFixture.unique("OV");
		String held = run + "-HELD";
		String pageTube = run + "-PAGE";
		try (ConfigurableApplicationContext second = secondInstance();
				Connection blocker = dataSource.getConnection();
				Browser browser = new Browser("http://localhost" + ":"
						+ ((WebServerApplicationContext) second).getWebServer().getPort())) {
			URI scans = URI.create("http://localhost:" + ((WebServerApplicationContext) second).getWebServer().getPort()
					+ "/api/v1/scans");
			browser.login(registrar, DEMO_PASSWORD + "-Strong!9").open("/testing/scan");
			browser.waitFor(By.id("scan-input"));
			new Select(browser.find(By.id("round"))).selectByValue(String.valueOf(round));
			new Select(browser.find(By.id("site"))).selectByValue(String.valueOf(site));
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
			assertThat(send(http, scans, token, batch(run + "-0", round, site, held, idNumbers.get(0))).statusCode())
				.isEqualTo(200);

			blocker.setAutoCommit(false);
			blocker.createStatement().execute("SELECT * FROM testing_tube WHERE code = '" + held + "' FOR UPDATE");
			CompletableFuture<HttpResponse<String>> stuck = http.sendAsync(request(scans, token,
					batch(run + "-S", round, site, held, idNumbers.get(0))), HttpResponse.BodyHandlers.ofString());

			Map<Integer, String> bodies = new ConcurrentHashMap<>();
			List<CompletableFuture<HttpResponse<String>>> first = new ArrayList<>();
			for (int d = 1; d <= DEVICES; d++) {
				String body = batch(run + "-" + d, round, site, run + "-T" + d, idNumbers.get(d));
				bodies.put(d, body);
				first.add(http.sendAsync(request(scans, token, body), HttpResponse.BodyHandlers.ofString()));
			}
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (first.stream().filter(CompletableFuture::isDone).count() < DEVICES - 19
					&& System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			List<Integer> refused = new ArrayList<>();
			for (int d = 1; d <= DEVICES; d++) {
				CompletableFuture<HttpResponse<String>> answer = first.get(d - 1);
				if (!answer.isDone()) {
					continue;
				}
				HttpResponse<String> response = answer.get();
				assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
				assertThat(response.headers().firstValue("Retry-After").orElseThrow()).matches("[1-9]\\d*");
				assertThat(response.headers().firstValue("Content-Type").orElseThrow())
					.startsWith("application/problem+json");
				assertThat(JSON.readTree(response.body()).get("type").asString()).endsWith("/busy");
				refused.add(d);
			}
			assertThat(refused).as("refused while the taken requests still wait").hasSizeGreaterThanOrEqualTo(DEVICES - 20);
			assertThat(stuck).isNotDone();
			browser.find(By.id("scan-input")).sendKeys(pageTube + Keys.ENTER);
			browser.waitUntil(Duration.ofSeconds(20), d -> d.findElement(By.id("answer")).getText().contains("服务器繁忙"));
			assertThat(browser.text(By.id("pending-count"))).as("the refused scan is kept on the phone").isEqualTo("1");
			assertThat(jdbc.sql("SELECT count(*) FROM testing_tube WHERE code LIKE :p")
				.param("p", run + "-T%")
				.query(Long.class)
				.single()).as("nothing of the waiting requests is stored yet").isZero();

			blocker.rollback();
			Set<String> acknowledged = ConcurrentHashMap.newKeySet();
			ExecutorService devices = Executors.newFixedThreadPool(100);
			try {
				List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
				for (int d = 1; d <= DEVICES; d++) {
					String body = bodies.get(d);
					HttpResponse<String> firstAnswer = refused.contains(d) ? first.get(d - 1).get() : null;
					answers.add(firstAnswer == null ? first.get(d - 1)
							: CompletableFuture.supplyAsync(() -> resendUntilTaken(http, scans, token, body, firstAnswer),
									devices));
				}
				for (CompletableFuture<HttpResponse<String>> future : answers) {
					HttpResponse<String> answer = future.get(120, TimeUnit.SECONDS);
					assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
					for (JsonNode result : JSON.readTree(answer.body()).get("results")) {
						assertThat(result.get("status").asString()).isIn("ACCEPTED", "DUPLICATE");
						acknowledged.add(result.get("eventId").asString());
					}
				}
			}
			finally {
				devices.shutdownNow();
			}
			assertThat(stuck.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
			browser.waitUntil(Duration.ofSeconds(60), d -> "0".equals(d.findElement(By.id("pending-count")).getText()));
			assertThat(jdbc.sql("SELECT count(*) FROM testing_tube WHERE code = :c").param("c", pageTube).query(Long.class)
				.single()).as("the page sent its scan again after Retry-After").isEqualTo(1);
			assertThat(acknowledged).hasSize(2 * DEVICES);
			assertThat(jdbc.sql("SELECT count(*) FROM testing_scan_event WHERE event_id::text IN (:ids)")
				.param("ids", List.copyOf(acknowledged))
				.query(Long.class)
				.single()).isEqualTo(2L * DEVICES);
			assertThat(jdbc.sql("""
					SELECT count(*) || '/' || count(DISTINCT s.person_id) FROM testing_sample s
					JOIN testing_tube t ON t.id = s.tube_id WHERE t.code LIKE :p
					""").param("p", run + "-T%").query(String.class).single()).isEqualTo(DEVICES + "/" + DEVICES);
		}
	}

	@Test
	void whileHalfAMegabyteOfScanBodiesIsStillBeingReadALargeRequestIsRefusedAtOnceAndASmallOneTaken() throws Exception {
		String token = api().as("admin").token();
		URI scans = URI.create(baseUrl() + "/api/v1/scans");
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		// A phone on a slow network: 400 KB announced, a little sent, the rest not yet.
		try (java.net.Socket slow = new java.net.Socket("localhost", port)) {
			java.io.OutputStream out = slow.getOutputStream();
			out.write(("POST /api/v1/scans HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
					+ "\r\nContent-Type: application/json\r\nContent-Length: 400000\r\n\r\n{\"deviceId\":\"slow\",")
				.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			out.flush();
			String padding = " ".repeat(200_000);
			HttpResponse<String> large = null;
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while ((large == null || large.statusCode() != 429) && System.nanoTime() < deadline) {
				// Until the slow request's body is being read (it holds its bytes from then on).
				large = send(http, scans, token, "{\"deviceId\":\"large\",\"events\":[]}" + padding);
			}
			assertThat(large.statusCode()).as(large.body()).isEqualTo(429);
			assertThat(large.headers().firstValue("Retry-After").orElseThrow()).matches("[1-9]\\d*");
			assertThat(JSON.readTree(large.body()).get("type").asString()).endsWith("/busy");

			HttpResponse<String> small = send(http, scans, token, "{\"deviceId\":\"small\",\"events\":[]}");
			assertThat(small.statusCode()).as("a small body still fits: " + small.body()).isNotEqualTo(429);
		}
		// The slow phone went away: its bytes are given back and the large request is taken.
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		HttpResponse<String> again;
		do {
			again = send(http, scans, token, "{\"deviceId\":\"large\",\"events\":[]}" + " ".repeat(200_000));
		}
		while (again.statusCode() == 429 && System.nanoTime() < deadline);
		assertThat(again.statusCode()).as(again.body()).isNotEqualTo(429);
	}

	/** Waits each Retry-After and sends the same events again, until they are taken. */
	private static HttpResponse<String> resendUntilTaken(HttpClient http, URI scans, String token, String body,
			HttpResponse<String> refusal) {
		HttpResponse<String> answer = refusal;
		try {
			for (int attempt = 0; attempt < 30; attempt++) {
				Thread.sleep(Long.parseLong(answer.headers().firstValue("Retry-After").orElse("1")) * 1000);
				answer = send(http, scans, token, body);
				if (answer.statusCode() != 429 && answer.statusCode() != 503) {
					return answer;
				}
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		throw new AssertionError("still refused after 30 attempts");
	}

	/** This application a second time, on the same database, taking at most 20 scan requests at once. */
	private ConfigurableApplicationContext secondInstance() {
		HikariDataSource hikari = (HikariDataSource) dataSource;
		return new SpringApplicationBuilder(FrontlineApplication.class).run("--frontline.db.url=" + hikari.getJdbcUrl(),
				"--frontline.db.user=" + (hikari.getUsername() == null ? "postgres" : hikari.getUsername()),
				"--frontline.db.password=", "--server.port=0", "--frontline.ingest.scans.max-concurrent=20",
				"--frontline.ingest.max-retry-after=2", "--frontline.quarantine.escalation-job=false",
				"--logging.level.root=WARN", "--spring.application.name=frontline-overload");
	}

	private static String batch(String device, long round, long site, String tube, String idNumber) {
		return Api.json(Map.of("deviceId", device, "events",
				List.of(Map.of("eventId", UUID.randomUUID().toString(), "type", "TUBE_OPENED", "at",
						Instant.now().toString(), "roundId", round, "siteId", site, "tubeCode", tube, "poolSize", 1),
						Map.of("eventId", UUID.randomUUID().toString(), "type", "SAMPLED", "at", Instant.now().toString(),
								"tubeCode", tube, "idNumber", idNumber))));
	}

	private static HttpRequest request(URI scans, String token, String body) {
		return HttpRequest.newBuilder(scans)
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private static HttpResponse<String> send(HttpClient http, URI scans, String token, String body) throws Exception {
		return http.send(request(scans, token, body), HttpResponse.BodyHandlers.ofString());
	}
}
