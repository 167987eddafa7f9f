package org.frontline.testing;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Rounds, sites, site-scoped users and people made through the API, with unique names and codes. */
public final class TestingFixture {

	static final String BILINWAN = "320602001001";

	static final String CHENYUAN = "320602001002";

	private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

	private final Api api;

	public TestingFixture(Api api) {
		this.api = api;
	}

	static String unique(String prefix) {
		return prefix + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
	}

	public long openRound(int poolSize) {
		Instant now = Instant.now();
		Response created = api.as("admin")
			.post("/api/v1/rounds", Map.of("name", unique("第3轮全员核酸检测-"), "areas", List.of("320602"), "startsAt",
					now.minus(1, ChronoUnit.HOURS).toString(), "endsAt", now.plus(1, ChronoUnit.DAYS).toString(),
					"poolSize", poolSize));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		Response opened = api.as("admin").post("/api/v1/rounds/" + id + "/open", "");
		assertThat(opened.status()).as(opened.body()).isEqualTo(200);
		return id;
	}

	public long site(String area) {
		Response created = api.as("admin")
			.post("/api/v1/sites", Map.of("name", unique("采样点-"), "kind", "FIXED", "area", area, "location", "中心广场",
					"stations", 2));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	/** A new user limited to one site, with the given role. */
	public String siteUser(long siteId, String role) {
		String username = unique("reg-");
		Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", IntegrationTest.DEMO_PASSWORD
				+ "-Strong!9", "roles", Set.of(role), "site", siteId));
		Response created = api.as("admin").post("/api/v1/users", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return username;
	}

	public Api.As asUser(String username) {
		return api.as(username, IntegrationTest.DEMO_PASSWORD + "-Strong!9");
	}

	public long person(String compound) {
		return person(compound, "王小明", TestData.residentId(), TestData.phone(), List.of());
	}

	long person(String compound, String name, String idNumber, String phone, List<String> tags) {
		Response created = api.as("admin")
			.post("/api/v1/people", Map.of("name", name, "idType", "RESIDENT_ID", "idNumber", idNumber, "phone", phone,
					"area", compound, "address", Map.of("building", "3", "unit", "2", "room", "501"), "tags", tags));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	public String code(long personId) {
		Response code = api.as("admin").get("/api/v1/people/" + personId + "/code");
		assertThat(code.status()).as(code.body()).isEqualTo(200);
		return code.json().get("payload").asString();
	}

	/** Re-issues the person's code (a lost card) and answers the new payload. */
	String reissue(long personId) {
		Response reissued = api.as("admin").post("/api/v1/people/" + personId + "/code/reissue", "");
		assertThat(reissued.status()).as(reissued.body()).isEqualTo(200);
		return reissued.json().get("payload").asString();
	}

	static Map<String, Object> event(String type, Object... pairs) {
		Map<String, Object> event = new HashMap<>();
		event.put("eventId", Api.uuid());
		event.put("type", type);
		event.put("at", Instant.now().toString());
		for (int i = 0; i < pairs.length; i += 2) {
			event.put((String) pairs[i], pairs[i + 1]);
		}
		return event;
	}

	static List<JsonNode> results(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<JsonNode> results = new ArrayList<>();
		response.json().get("results").forEach(results::add);
		return results;
	}

	static Response send(Api.As as, List<Map<String, Object>> events) {
		return as.post("/api/v1/scans", Map.of("deviceId", "test-device", "events", events));
	}
}
