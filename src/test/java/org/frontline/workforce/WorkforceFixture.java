package org.frontline.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.TestData;
import tools.jackson.databind.JsonNode;

/**
 * Workers, sites, shifts and users for workforce tests, made through the API with unique names: every test works at
 * a sampling site of its own, with workers of its own, so tests never share a shift or a limit.
 */
final class WorkforceFixture {

	static final String BILINWAN = "320602001001";

	static final String CHENYUAN = "320602001002";

	static final String USER_PASSWORD = "Workforce-Tester-2026!";

	private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

	private final Supplier<Api> apis;

	WorkforceFixture(Supplier<Api> apis) {
		this.apis = apis;
	}

	static String unique(String prefix) {
		return prefix + SEQUENCE.incrementAndGet();
	}

	Api.As coordinator() {
		return apis.get().as("coordinator");
	}

	/** A sampling site of its own in 碧林湾社区 (one station), as a post reference. */
	Map<String, Object> site() {
		Response created = apis.get().as("commander").post("/api/v1/sites", Map.of("name", unique("测试采样点"), "kind",
				"FIXED", "area", BILINWAN, "location", "测试", "stations", 1));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return Map.of("kind", "SITE", "id", created.json().get("id").asString());
	}

	static Map<String, Object> community(String code) {
		return Map.of("kind", "COMMUNITY", "id", code);
	}

	/** A worker registered by the district's coordinator: the given fields over a volunteer of 碧林湾社区. */
	JsonNode worker(Map<String, Object> fields) {
		Map<String, Object> body = new HashMap<>(Map.of("name", unique("测试"), "idNumber", TestData.residentId(),
				"phone", TestData.phone(), "kind", "VOLUNTEER", "area", BILINWAN));
		body.putAll(fields);
		Response created = coordinator().post("/api/v1/workers", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	JsonNode volunteer() {
		return worker(Map.of());
	}

	JsonNode medic() {
		return worker(Map.of("kind", "MEDICAL", "canSample", true, "licence", unique("L"), "skills", List.of("SAMPLING")));
	}

	/** A negative test of the worker taken at {@code at}. */
	void tested(long workerId, Instant at, String outcome) {
		Response recorded = coordinator().post("/api/v1/workers/" + workerId + "/tests",
				Map.of("at", at.toString(), "outcome", outcome, "kind", "PCR"));
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
	}

	long shift(Map<String, Object> post, String role, Instant start, Instant end, int needed) {
		Response created = coordinator().post("/api/v1/shifts", Map.of("post", post, "role", role, "startsAt",
				start.toString(), "endsAt", end.toString(), "needed", needed));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	Response assign(long shiftId, long workerId) {
		return coordinator().post("/api/v1/shifts/" + shiftId + "/assignments", Map.of("workerId", workerId));
	}

	Response assign(long shiftId, long workerId, Instant from, Instant to) {
		return coordinator().post("/api/v1/shifts/" + shiftId + "/assignments",
				Map.of("workerId", workerId, "startsAt", from.toString(), "endsAt", to.toString()));
	}

	void assigned(long shiftId, long workerId) {
		Response response = assign(shiftId, workerId);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
	}

	Response checkIn(Api.As caller, long shiftId, long workerId, String eventId, Instant at) {
		Map<String, Object> body = new HashMap<>(Map.of("eventId", eventId, "workerId", workerId));
		if (at != null) {
			body.put("at", at.toString());
		}
		return caller.post("/api/v1/shifts/" + shiftId + "/check-ins", body);
	}

	Response checkOut(Api.As caller, long shiftId, long workerId, String eventId, Instant at) {
		Map<String, Object> body = new HashMap<>(Map.of("eventId", eventId, "workerId", workerId));
		if (at != null) {
			body.put("at", at.toString());
		}
		return caller.post("/api/v1/shifts/" + shiftId + "/check-outs", body);
	}

	/** A user with a role and scope (or one place), created by the administrator. */
	String user(String role, String scope, Map<String, Object> place) {
		String username = unique("wf.");
		Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", USER_PASSWORD, "roles",
				List.of(role)));
		if (scope != null) {
			body.put("scope", scope);
		}
		body.putAll(place);
		Response created = apis.get().as("admin").post("/api/v1/users", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return username;
	}

	/** A volunteer who signs in with a VOLUNTEER account of their own: the worker and the account's name. */
	Map.Entry<JsonNode, String> signedInVolunteer() {
		String username = user("VOLUNTEER", BILINWAN, Map.of());
		return Map.entry(worker(Map.of("account", username)), username);
	}

	Api.As as(String username) {
		return apis.get().as(username, USER_PASSWORD);
	}
}
