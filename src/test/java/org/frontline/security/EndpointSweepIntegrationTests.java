package org.frontline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every API endpoint, as the OpenAPI description lists it (so a new endpoint is swept without anyone adding it
 * here), called without a valid token and by users whose scope or role does not cover it: 401, 403 or 404, never
 * data, never a write.
 */
class EndpointSweepIntegrationTests extends IntegrationTest {

	private static final Set<String> PUBLIC = Set.of("POST /api/v1/auth/login");

	/** The FHIR endpoints, which describe themselves at /fhir/metadata instead of in the OpenAPI description. */
	private static final List<Endpoint> FHIR = List.of(new Endpoint("GET", "/fhir/metadata"),
			new Endpoint("GET", "/fhir/Patient"), new Endpoint("GET", "/fhir/Patient/{id}"),
			new Endpoint("GET", "/fhir/Specimen"), new Endpoint("GET", "/fhir/Specimen/{id}"),
			new Endpoint("GET", "/fhir/Group/{id}"), new Endpoint("GET", "/fhir/Observation"),
			new Endpoint("GET", "/fhir/Observation/{id}"), new Endpoint("GET", "/fhir/DiagnosticReport"),
			new Endpoint("GET", "/fhir/DiagnosticReport/{id}"), new Endpoint("POST", "/fhir"),
			new Endpoint("GET", "/fhir/$export"), new Endpoint("GET", "/fhir/$export-poll-status/{id}"),
			new Endpoint("DELETE", "/fhir/$export-poll-status/{id}"), new Endpoint("GET", "/fhir/$export-file/{id}/{name}"));

	/**
	 * Endpoints a volunteer of another community may legitimately call, each answering only what lies in the caller's
	 * own scope; their foreign-scope case is covered by {@link #FOREIGN}.
	 */
	private static final Set<String> OPEN_TO_ANY_SIGNED_IN_USER = Set.of("GET /api/v1/areas", "GET /api/v1/areas/{code}",
			"GET /api/v1/me/tokens", "DELETE /api/v1/me/tokens/{id}");

	/**
	 * The user without the role for an endpoint, where a volunteer has it: device scans (volunteers check people in at
	 * the queue entrance).
	 */
	private static final Map<String, String> OUTSIDER = Map.of("POST /api/v1/scans", "community");

	/** How a community worker of 晨苑社区 addresses a resource of 中心村社区 through each endpoint. */
	private final Map<String, Call> FOREIGN = new LinkedHashMap<>();

	private record Endpoint(String method, String template) {

		String key() {
			return method + " " + template;
		}
	}

	private record Call(String path, String body) {
	}

	private long foreignPerson;

	@BeforeEach
	void foreignResources() {
		Response created = api().as("zhongxin").post("/api/v1/people", Map.of("name", "外区居民", "idNumber",
				TestData.residentId(), "area", TestData.ZHONGXINCUN_COMPOUND));
		assertThat(created.status()).isEqualTo(201);
		foreignPerson = created.json().get("id").asLong();
		String person = Api.json(Map.of("name", "越权", "idNumber", TestData.residentId(), "area",
				TestData.ZHONGXINCUN_COMPOUND));
		FOREIGN.put("GET /api/v1/people", new Call("/api/v1/people?area=" + TestData.ZHONGXINCUN_COMPOUND, null));
		FOREIGN.put("GET /api/v1/people/{id}", new Call("/api/v1/people/" + foreignPerson, null));
		FOREIGN.put("PUT /api/v1/people/{id}", new Call("/api/v1/people/" + foreignPerson, person));
		FOREIGN.put("POST /api/v1/people", new Call("/api/v1/people", person));
		FOREIGN.put("GET /api/v1/areas/{code}", new Call("/api/v1/areas/320602002001", null));
		FOREIGN.put("GET /api/v1/areas", new Call("/api/v1/areas", null));
		String zhongxinToken = api().as("zhongxin").token();
		long zhongxinTokenId = jdbc.sql("SELECT id FROM security_token WHERE token_hash = sha256(convert_to(:t, 'UTF8'))")
			.param("t", zhongxinToken).query(Long.class).single();
		FOREIGN.put("GET /api/v1/me/tokens", new Call("/api/v1/me/tokens", null));
		FOREIGN.put("DELETE /api/v1/me/tokens/{id}", new Call("/api/v1/me/tokens/" + zhongxinTokenId, null));
		FOREIGN.put("GET /fhir/Patient/{id}", new Call("/fhir/Patient/" + foreignPerson, null));
		FOREIGN.put("GET /fhir/Observation", new Call("/fhir/Observation?patient=" + foreignPerson, null));
		FOREIGN.put("GET /fhir/DiagnosticReport", new Call("/fhir/DiagnosticReport?patient=" + foreignPerson, null));
	}

	@Test
	void noEndpointAnswersWithoutAValidToken() {
		String revoked = deviceToken("volunteer", true, false);
		String expired = deviceToken("volunteer", false, true);
		String disabledUser = tokenOfDisabledUser();
		Map<String, Api.As> callers = new LinkedHashMap<>();
		callers.put("no token", api().anonymous());
		callers.put("forged token", api().withToken("fl_" + "A".repeat(43)));
		callers.put("malformed header", api().withToken("not a token at all"));
		callers.put("revoked token", api().withToken(revoked));
		callers.put("expired token", api().withToken(expired));
		callers.put("token of a disabled user", api().withToken(disabledUser));
		List<String> failures = new ArrayList<>();
		for (Endpoint endpoint : endpoints()) {
			if (PUBLIC.contains(endpoint.key())) {
				continue;
			}
			Map<String, Long> before = rowCounts();
			for (Map.Entry<String, Api.As> caller : callers.entrySet()) {
				Response response = call(caller.getValue(), endpoint, fill(endpoint.template()), "{}");
				if (response.status() != 401) {
					failures.add(endpoint.key() + " with " + caller.getKey() + " answered " + response.status());
				}
			}
			Map<String, Long> after = rowCounts();
			if (!after.equals(before)) {
				failures.add(endpoint.key() + " wrote rows without a valid token: " + changed(before, after));
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void aUserOutsideTheScopeOrRoleGetsNothingAndWritesNothing() {
		List<Endpoint> endpoints = endpoints();
		assertThat(endpoints).hasSizeGreaterThan(10);
		List<String> failures = new ArrayList<>();
		Api.As community = api().as("community");
		// Sign the outsiders in before counting rows: a sign-in writes its audit row and token.
		OUTSIDER.values().forEach(api()::as);
		api().as("volunteer");
		for (Endpoint endpoint : endpoints) {
			if (PUBLIC.contains(endpoint.key())) {
				continue;
			}
			Map<String, Long> before = rowCounts();
			if (!OPEN_TO_ANY_SIGNED_IN_USER.contains(endpoint.key())) {
				String outsider = OUTSIDER.getOrDefault(endpoint.key(), "volunteer");
				Response response = call(api().as(outsider), endpoint, fill(endpoint.template()), "{}");
				if (response.status() != 403 && response.status() != 404) {
					failures.add(endpoint.key() + " as " + outsider + " answered " + response.status() + " "
							+ shorten(response.body()));
				}
			}
			Call foreign = FOREIGN.get(endpoint.key());
			if (foreign != null) {
				Response response = call(community, endpoint, foreign.path(), foreign.body() == null ? "{}" : foreign.body());
				if (endpoint.key().equals("GET /api/v1/areas")) {
					if (response.body().contains("320602002001")) {
						failures.add("GET /api/v1/areas shows 中心村社区 to a worker of 晨苑社区");
					}
				}
				else if (endpoint.key().equals("GET /api/v1/me/tokens")) {
					if (response.status() != 200 || response.body().contains("zhongxin")) {
						failures.add("GET /api/v1/me/tokens shows another user's tokens: " + shorten(response.body()));
					}
				}
				else if (endpoint.key().equals("GET /api/v1/people") || response.status() != 404 && response.status() != 403) {
					if (response.status() != 404 && response.status() != 403) {
						failures.add(endpoint.key() + " on another community answered " + response.status() + " "
								+ shorten(response.body()));
					}
				}
			}
			else if (OPEN_TO_ANY_SIGNED_IN_USER.contains(endpoint.key())) {
				failures.add(endpoint.key() + " is open to any user but has no foreign-scope case");
			}
			Map<String, Long> after = rowCounts();
			if (!after.equals(before)) {
				failures.add(endpoint.key() + " wrote rows for a user outside its scope: " + changed(before, after));
			}
		}
		assertThat(failures).isEmpty();
		assertThat(api().as("zhongxin").get("/api/v1/people/" + foreignPerson).status()).isEqualTo(200);
	}

	private List<Endpoint> endpoints() {
		JsonNode paths = api().as("admin").get("/v3/api-docs").json().get("paths");
		List<Endpoint> endpoints = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : paths.properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				String method = operation.getKey().toUpperCase();
				if (Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
					endpoints.add(new Endpoint(method, path.getKey()));
				}
			}
		}
		endpoints.addAll(FHIR);
		return endpoints;
	}

	private static String fill(String template) {
		return template.replaceAll("\\{[^}]+}", "1");
	}

	private static Response call(Api.As caller, Endpoint endpoint, String path, String body) {
		boolean hasBody = !endpoint.method().equals("GET") && !endpoint.method().equals("DELETE");
		return caller.send(endpoint.method(), path, hasBody ? "application/json" : null,
				hasBody ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
	}

	private String deviceToken(String username, boolean revoke, boolean expire) {
		long userId = jdbc.sql("SELECT id FROM security_user WHERE username = :u").param("u", username).query(Long.class).single();
		Response issued = api().as("admin").post("/api/v1/users/" + userId + "/tokens", Map.of("label", "sweep", "days", 1));
		assertThat(issued.status()).isEqualTo(201);
		long id = issued.json().get("id").asLong();
		if (revoke) {
			assertThat(api().as("admin").delete("/api/v1/tokens/" + id).status()).isEqualTo(204);
		}
		if (expire) {
			jdbc.sql("UPDATE security_token SET expires_at = now() - interval '1 minute' WHERE id = :id").param("id", id).update();
		}
		return issued.json().get("token").asString();
	}

	private String tokenOfDisabledUser() {
		String username = "sweep." + System.nanoTime() % 1_000_000;
		Response created = api().as("admin").post("/api/v1/users", Map.of("username", username, "password",
				"Sweep-Osprey-73", "roles", List.of("ADMIN"), "scope", "320600"));
		assertThat(created.status()).isEqualTo(201);
		String token = api().as(username, "Sweep-Osprey-73").token();
		assertThat(api().as("admin").post("/api/v1/users/" + created.json().get("id").asLong() + "/disable", Map.of())
			.status()).isEqualTo(200);
		return token;
	}

	private static String changed(Map<String, Long> before, Map<String, Long> after) {
		StringBuilder changed = new StringBuilder();
		after.forEach((table, count) -> {
			if (!count.equals(before.get(table))) {
				changed.append(table).append(' ').append(before.get(table)).append("->").append(count).append(' ');
			}
		});
		return changed.toString();
	}

	private static String shorten(String body) {
		return body.length() > 200 ? body.substring(0, 200) : body;
	}
}
