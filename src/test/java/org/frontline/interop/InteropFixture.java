package org.frontline.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import tools.jackson.databind.JsonNode;

/**
 * Made through the JSON API: a round with a site, a registrar, a lab and its staff; people sampled into tubes that are
 * sealed, boxed and received by the lab.
 */
final class InteropFixture {

	static final String BILINWAN = "320602001001";

	private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	final long round;

	final long site;

	final long lab;

	final Api.As registrar;

	final Api.As labStaff;

	private final Api api;

	private final int port;

	InteropFixture(Api api, int port, int poolSize) {
		this.api = api;
		this.port = port;
		Instant now = Instant.now();
		Response created = api.as("admin")
			.post("/api/v1/rounds", Map.of("name", unique("第4轮全员核酸检测-"), "areas", List.of("320602"), "startsAt",
					now.minus(1, ChronoUnit.HOURS).toString(), "endsAt", now.plus(1, ChronoUnit.DAYS).toString(),
					"poolSize", poolSize));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		this.round = created.json().get("id").asLong();
		assertThat(api.as("admin").post("/api/v1/rounds/" + round + "/open", "").status()).isEqualTo(200);
		Response site = api.as("admin")
			.post("/api/v1/sites", Map.of("name", unique("采样点-"), "kind", "FIXED", "area", BILINWAN, "location",
					"中心广场", "stations", 2));
		assertThat(site.status()).as(site.body()).isEqualTo(201);
		this.site = site.json().get("id").asLong();
		this.registrar = user(Map.of("roles", Set.of("REGISTRAR"), "site", this.site));
		Response lab = api.as("admin").post("/api/v1/labs", Map.of("name", unique("检测实验室-")));
		assertThat(lab.status()).as(lab.body()).isEqualTo(201);
		this.lab = lab.json().get("id").asLong();
		this.labStaff = labUser(this.lab);
	}

	static String unique(String prefix) {
		return prefix + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
	}

	Api.As labUser(long labId) {
		return user(Map.of("roles", List.of("LAB"), "lab", labId));
	}

	Api.As user(Map<String, Object> fields) {
		String username = unique("u-");
		String password = IntegrationTest.DEMO_PASSWORD + "-Strong!9";
		Map<String, Object> body = new HashMap<>(fields);
		body.put("username", username);
		body.put("password", password);
		Response created = api.as("admin").post("/api/v1/users", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return api.as(username, password);
	}

	long person(String compound) {
		Response created = api.as("admin")
			.post("/api/v1/people", Map.of("name", "王小明", "idType", "RESIDENT_ID", "idNumber", TestData.residentId(),
					"phone", TestData.phone(), "area", compound, "address", Map.of("building", "3", "unit", "2", "room",
							"501"), "tags", List.of()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	List<Long> people(String compound, int count) {
		List<Long> people = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			people.add(person(compound));
		}
		return people;
	}

	/** A tube of these people, sealed, boxed, dispatched and (when {@code receive}) received by the lab. */
	String tube(List<Long> people, int poolSize, boolean receive, boolean resample) {
		String tube = unique("T");
		List<Map<String, Object>> events = new ArrayList<>();
		events.add(event("TUBE_OPENED", "roundId", round, "siteId", site, "tubeCode", tube, "poolSize", poolSize));
		for (long person : people) {
			events.add(resample ? event("SAMPLED", "tubeCode", tube, "personCode", code(person), "resample", true)
					: event("SAMPLED", "tubeCode", tube, "personCode", code(person)));
		}
		if (people.size() < poolSize) {
			events.add(event("TUBE_SEALED", "tubeCode", tube));
		}
		String box = unique("B");
		events.add(event("BOXED", "boxCode", box, "tubeCode", tube));
		events.add(event("BOX_DISPATCHED", "boxCode", box, "courier", "李师傅", "labId", lab));
		assertAccepted(registrar.post("/api/v1/scans", Map.of("deviceId", "test-device", "events", events)));
		if (receive) {
			assertAccepted(labStaff.post("/api/v1/scans", Map.of("deviceId", "lab-device", "events",
					List.of(event("BOX_RECEIVED", "boxCode", box, "labId", lab, "tubeCodes", List.of(tube))))));
		}
		return tube;
	}

	private String code(long personId) {
		Response code = api.as("admin").get("/api/v1/people/" + personId + "/code");
		assertThat(code.status()).as(code.body()).isEqualTo(200);
		return code.json().get("payload").asString();
	}

	private static void assertAccepted(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		for (JsonNode answer : response.json().get("results")) {
			assertThat(answer.get("status").asString()).as(response.body()).isEqualTo("ACCEPTED");
		}
	}

	private static Map<String, Object> event(String type, Object... pairs) {
		Map<String, Object> event = new HashMap<>();
		event.put("eventId", Api.uuid());
		event.put("type", type);
		event.put("at", Instant.now().toString());
		for (int i = 0; i < pairs.length; i += 2) {
			event.put((String) pairs[i], pairs[i + 1]);
		}
		return event;
	}

	/** A GET with extra headers (a Bulk Data kick-off needs {@code Prefer: respond-async}). */
	HttpResponse<String> get(Api.As as, String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path
				: "http://localhost:" + port + path)).timeout(Duration.ofSeconds(120)).GET();
		if (as.token() != null) {
			request.header("Authorization", "Bearer " + as.token());
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A lab's Observation of a tube's result as FHIR JSON, naming the tube by its barcode identifier. */
	static Map<String, Object> observation(String tube, String outcome, Double ctOrf1ab, Double ctN, String issued) {
		String snomed = switch (outcome) {
			case "POSITIVE" -> "260373001";
			case "NEGATIVE" -> "260415000";
			default -> "455371000124106";
		};
		Map<String, Object> observation = new HashMap<>();
		observation.put("resourceType", "Observation");
		observation.put("status", "final");
		observation.put("code", Map.of("coding", List.of(Map.of("system", "http://loinc.org", "code", "94500-6"))));
		observation.put("specimen", Map.of("identifier", Map.of("system", "https://frontline.org/fhir/sid/tube", "value",
				tube)));
		observation.put("issued", issued);
		observation.put("valueCodeableConcept", Map.of("coding", List.of(Map.of("system", "http://snomed.info/sct",
				"code", snomed))));
		List<Map<String, Object>> components = new ArrayList<>();
		if (ctOrf1ab != null) {
			components.add(Map.of("code", Map.of("coding", List.of(Map.of("system", "http://loinc.org", "code",
					"94644-2"))), "valueQuantity", Map.of("value", ctOrf1ab)));
		}
		if (ctN != null) {
			components.add(Map.of("code", Map.of("coding", List.of(Map.of("system", "http://loinc.org", "code",
					"94510-5"))), "valueQuantity", Map.of("value", ctN)));
		}
		if (!components.isEmpty()) {
			observation.put("component", components);
		}
		return observation;
	}

	static Map<String, Object> bundle(String type, List<Map<String, Object>> observations) {
		List<Map<String, Object>> entries = new ArrayList<>();
		for (Map<String, Object> observation : observations) {
			entries.add(Map.of("resource", observation, "request", Map.of("method", "POST", "url", "Observation")));
		}
		return Map.of("resourceType", "Bundle", "type", type, "entry", entries);
	}

	static Response postFhir(Api.As as, Object bundle) {
		return as.postRaw("/fhir", "application/fhir+json",
				Api.json(bundle).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}
}
