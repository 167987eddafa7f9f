package org.frontline.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A simulated sampling device, as a registrar's phone behaves: it fills tubes of ten with the people it is given,
 * sends its events in batches, and resends a batch (the same event ids) until the server acknowledges it, whatever
 * happens in between (connection refused, reset, 5xx, 429, the server gone and back).
 */
public final class ScanDevice implements Runnable {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final String deviceId;

	private final IntSupplier port;

	private final String token;

	private final long roundId;

	private final long siteId;

	private final List<String> idNumbers;

	private final int batchSize;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/** Every event this device sent, by id, and which of them the server acknowledged. */
	public final Map<String, Map<String, Object>> sent = new LinkedHashMap<>();

	public final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

	public final Map<String, String> answers = new ConcurrentHashMap<>();

	public volatile int failedAttempts;

	public ScanDevice(String deviceId, IntSupplier port, String token, long roundId, long siteId, List<String> idNumbers,
			int batchSize) {
		this.deviceId = deviceId;
		this.port = port;
		this.token = token;
		this.roundId = roundId;
		this.siteId = siteId;
		this.idNumbers = idNumbers;
		this.batchSize = batchSize;
	}

	@Override
	public void run() {
		List<Map<String, Object>> events = new ArrayList<>();
		int tube = 0;
		for (int i = 0; i < idNumbers.size(); i++) {
			if (i % 10 == 0) {
				tube++;
				events.add(Map.of("eventId", UUID.randomUUID().toString(), "type", "TUBE_OPENED", "at",
						Instant.now().toString(), "roundId", roundId, "siteId", siteId, "tubeCode", tubeCode(tube),
						"poolSize", 10));
			}
			events.add(Map.of("eventId", UUID.randomUUID().toString(), "type", "SAMPLED", "at", Instant.now().toString(),
					"tubeCode", tubeCode(tube), "idNumber", idNumbers.get(i)));
		}
		for (int from = 0; from < events.size(); from += batchSize) {
			List<Map<String, Object>> batch = events.subList(from, Math.min(events.size(), from + batchSize));
			batch.forEach(e -> sent.put((String) e.get("eventId"), e));
			sendUntilAcknowledged(batch);
		}
	}

	public String tubeCode(int tube) {
		return deviceId + "-T" + tube;
	}

	private void sendUntilAcknowledged(List<Map<String, Object>> batch) {
		String body = JSON.writeValueAsString(Map.of("deviceId", deviceId, "events", batch));
		while (true) {
			try {
				HttpResponse<String> response = http.send(HttpRequest
					.newBuilder(URI.create("http://localhost:" + port.getAsInt() + "/api/v1/scans"))
					.timeout(Duration.ofSeconds(30))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					for (JsonNode result : JSON.readTree(response.body()).get("results")) {
						acknowledged.add(result.get("eventId").asString());
						answers.put(result.get("eventId").asString(), result.get("status").asString()
								+ (result.hasNonNull("reason") ? " " + result.get("reason").asString() : ""));
					}
					return;
				}
				if (response.statusCode() < 500 && response.statusCode() != 429) {
					throw new IllegalStateException("Batch refused: " + response.statusCode() + " " + response.body());
				}
			}
			catch (java.io.IOException ex) {
				// the server is down or the connection was cut: the batch may or may not have been stored
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			failedAttempts++;
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}
}
