package org.frontline.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frontline.testing.TestingFixture.event;
import static org.frontline.testing.TestingFixture.unique;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.frontline.support.Api;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * A burst of large batches: what the committers cannot store within their queue limit is answered 429 with
 * Retry-After at once and nothing of it is stored; devices that resend get everything stored exactly once.
 */
class ScanSheddingIntegrationTests extends IntegrationTest {

	private static final int DEVICES = 30;

	private static final int EVENTS = 1_000;

	@Test
	void aBurstBeyondTheQueueIsShedWithRetryAfterAndStoredExactlyOnceWhenResent() throws Exception {
		TestingFixture fixture = new TestingFixture(api());
		long round = fixture.openRound(10);
		long site = fixture.site(TestingFixture.BILINWAN);
		Api.As registrar = fixture.asUser(fixture.siteUser(site, "REGISTRAR"));
		AtomicInteger shed = new AtomicInteger();
		List<String> prefixes = new ArrayList<>();
		for (int burst = 0; burst < 4 && shed.get() == 0; burst++) {
			ExecutorService devices = Executors.newFixedThreadPool(DEVICES);
			try {
				List<CompletableFuture<Void>> sent = new ArrayList<>();
				for (int d = 0; d < DEVICES; d++) {
					String prefix = unique("SHED") + "-";
					prefixes.add(prefix);
					List<Map<String, Object>> batch = new ArrayList<>();
					for (int i = 0; i < EVENTS; i++) {
						batch.add(event("TUBE_OPENED", "roundId", round, "siteId", site, "tubeCode", prefix + i));
					}
					sent.add(CompletableFuture.runAsync(() -> sendUntilStored(registrar, prefix, batch, shed), devices));
				}
				CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
			}
			finally {
				devices.shutdownNow();
			}
		}
		assertThat(shed.get()).as("requests answered 429 during the bursts").isPositive();
		for (String prefix : prefixes) {
			assertThat(jdbc.sql("SELECT count(*) FROM testing_tube WHERE code LIKE :p")
				.param("p", prefix + "%")
				.query(Long.class)
				.single()).as(prefix).isEqualTo(EVENTS);
			assertThat(jdbc.sql("SELECT count(*) FROM testing_scan_event WHERE tube_code LIKE :p")
				.param("p", prefix + "%")
				.query(Long.class)
				.single()).as(prefix).isEqualTo(EVENTS);
		}
	}

	private void sendUntilStored(Api.As registrar, String prefix, List<Map<String, Object>> batch, AtomicInteger shed) {
		for (int attempt = 0; attempt < 60; attempt++) {
			Api.Response response = registrar.post("/api/v1/scans", Map.of("deviceId", prefix, "events", batch));
			if (response.status() == 200) {
				response.json().get("results").forEach(result -> assertThat(result.get("status").asString())
					.isIn("ACCEPTED", "DUPLICATE"));
				return;
			}
			assertThat(response.status()).as(response.body()).isEqualTo(429);
			assertThat(response.json().get("type").asString()).matches(".*/problems/(scans-)?busy");
			String retryAfter = response.header("Retry-After");
			assertThat(retryAfter).as("Retry-After").matches("\\d+");
			assertThat(jdbc.sql("SELECT count(*) FROM testing_scan_event WHERE tube_code LIKE :p")
				.param("p", prefix + "%")
				.query(Long.class)
				.single()).as("events of a shed request stored").isZero();
			shed.incrementAndGet();
			try {
				// Sooner than asked (at most 2 s), to keep the test short: the server takes an early resend as any other.
				Thread.sleep(Math.min(2, Long.parseLong(retryAfter)) * 1000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		throw new AssertionError("A batch was still shed after 60 attempts");
	}
}
