package org.frontline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.Browser;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A corpus of hostile values sent to every string field of every JSON write endpoint and every string query
 * parameter the OpenAPI description lists, as an administrator (who passes every role check, so the values reach the
 * rules and the database): a 4xx problem or a safely stored value, never a 500, never a partial write.
 */
class HostileInputIntegrationTests extends IntegrationTest {

	static final List<String> HOSTILE = List.of("'; DROP TABLE people_person; --", "' OR '1'='1", "1; SELECT pg_sleep(5)",
			"<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "x".repeat(100_000), "\u0000", "a\u0007b\u001b[31m",
			"\u202Egnp.exe", "=cmd|' /C calc'!A0", "../../../../etc/passwd", "%00%2e%2e%2f", "\uD800", "𠀀𠀁", "-1",
			"99999999999999999999999999999999", "NaN", "{\"$gt\":\"\"}", "", " ");

	@AfterEach
	void forgetFailedSignIns() {
		// The corpus sent to the sign-in endpoint counts as wrong sign-ins from this test's address, which every other
		// test signs in from as well.
		jdbc.sql("DELETE FROM security_attempt_limit WHERE key LIKE 'signin:%'").update();
	}

	@Test
	void noHostileValueInAnyFieldCausesAServerErrorOrAPartialWrite() {
		JsonNode openApi = api().as("admin").get("/v3/api-docs").json();
		Api.As admin = api().as("admin");
		List<String> failures = new ArrayList<>();
		int calls = 0;
		for (Map.Entry<String, JsonNode> path : openApi.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				String method = operation.getKey().toUpperCase();
				String url = path.getKey().replaceAll("\\{[^}]+}", "1");
				JsonNode schema = operation.getValue().path("requestBody").path("content").path("application/json").path("schema");
				if (!schema.isMissingNode()) {
					ObjectNode baseline = sample(resolve(openApi, schema), openApi);
					for (String field : stringFields(resolve(openApi, schema), openApi)) {
						for (String value : HOSTILE) {
							ObjectNode body = baseline.deepCopy();
							body.put(field, value);
							calls++;
							check(failures, method + " " + path.getKey() + " " + field,
									() -> admin.send(method, url, "application/json", BodyPublishers.ofString(Api.json(body))),
									false);
						}
					}
				}
				if (method.equals("GET")) {
					for (JsonNode parameter : operation.getValue().path("parameters")) {
						if (parameter.path("in").asString().equals("query")
								&& parameter.path("schema").path("type").asString().equals("string")) {
							for (String value : HOSTILE) {
								calls++;
								String query = url + "?" + parameter.get("name").asString() + "="
										+ URLEncoder.encode(value, StandardCharsets.UTF_8);
								// A request line over the server's limit is refused by Tomcat itself, before the application.
								check(failures, "GET " + path.getKey() + " ?" + parameter.get("name").asString(),
										() -> admin.get(query), value.length() > 8_000);
							}
						}
					}
				}
			}
		}
		assertThat(calls).isGreaterThan(200);
		assertThat(failures).isEmpty();
	}

	@Test
	void noHostileValueSentToTheFhirApiCausesAServerErrorOrAWrite() {
		Api.As admin = api().as("admin");
		Api.As lab = api().as("lab1");
		List<String> failures = new ArrayList<>();
		String tag = "https://frontline.org/fhir/CodeSystem/round|";
		for (String value : HOSTILE) {
			String v = URLEncoder.encode(value, StandardCharsets.UTF_8);
			boolean tooLong = value.length() > 8_000;
			for (String query : List.of("/fhir/Patient?identifier=" + v, "/fhir/Patient?name=" + v,
					"/fhir/Observation?patient=" + v, "/fhir/Observation?_tag=" + v, "/fhir/DiagnosticReport?patient=" + v,
					"/fhir/Specimen?_tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8) + "1&_lastUpdated=" + v,
					"/fhir/Specimen?identifier=" + v, "/fhir/Observation?_tag=x&_count=" + v,
					"/fhir/$export?round=" + v + "&_type=" + v + "&_since=" + v)) {
				checkFhir(failures, "GET " + query.substring(0, Math.min(80, query.length())), () -> admin.get(query),
						tooLong);
			}
			if (!tooLong) {
				// In a path segment the firewall (Spring Security's, or Tomcat's) refuses some values before the
				// application: a 400 of theirs, no OperationOutcome, and nothing written.
				checkFhir(failures, "GET /fhir/Specimen/{hostile}", () -> admin.get("/fhir/Specimen/" + v), true);
			}
			for (String field : List.of("issued", "specimen", "code", "value", "url")) {
				Map<String, Object> observation = new java.util.HashMap<>(Map.of("resourceType", "Observation", "status",
						"final", "code", Map.of("coding", List.of(Map.of("system", "http://loinc.org", "code", "94500-6"))),
						"specimen", Map.of("identifier", Map.of("system", "https://frontline.org/fhir/sid/tube", "value",
								"T-1")), "issued", "2022-04-07T10:00:00+08:00", "valueCodeableConcept",
						Map.of("coding", List.of(Map.of("system", "http://snomed.info/sct", "code", "260415000")))));
				Map<String, Object> request = Map.of("method", "POST", "url", field.equals("url") ? value : "Observation");
				switch (field) {
					case "issued" -> observation.put("issued", value);
					case "specimen" -> observation.put("specimen", Map.of("identifier",
							Map.of("system", "https://frontline.org/fhir/sid/tube", "value", value)));
					case "code" -> observation.put("code", Map.of("coding", List.of(Map.of("system", value, "code", value))));
					case "value" -> observation.put("valueCodeableConcept", Map.of("text", value));
					default -> {
					}
				}
				String bundle = Api.json(Map.of("resourceType", "Bundle", "type", "batch", "entry",
						List.of(Map.of("resource", observation, "request", request))));
				checkFhir(failures, "POST /fhir " + field, () -> lab.postRaw("/fhir", "application/fhir+json",
						bundle.getBytes(StandardCharsets.UTF_8)), false);
			}
		}
		for (String body : List.of("[".repeat(20_000), "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":"
				+ "[".repeat(5_000), "{\"resourceType\":\"Bundle\",\"id\":" + "{\"a\":".repeat(5_000) + "1"
						+ "}".repeat(5_001), "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"total\":1e999999}")) {
			checkFhir(failures, "POST /fhir " + body.substring(0, 30), () -> lab.postRaw("/fhir", "application/fhir+json",
					body.getBytes(StandardCharsets.UTF_8)), false);
		}
		assertThat(failures).isEmpty();
	}

	private void checkFhir(List<String> failures, String what, java.util.function.Supplier<Response> call,
			boolean refusedByServer) {
		Map<String, Long> before = rowCounts();
		Response response = call.get();
		if (response.status() >= 500) {
			failures.add(what + " -> " + response.status() + " " + response.body().substring(0, Math.min(200, response.body().length())));
		}
		else if (response.status() >= 400 && !refusedByServer && !response.body().contains("\"OperationOutcome\"")) {
			failures.add(what + " -> " + response.status() + " without an OperationOutcome: " + response.body());
		}
		if (!rowCounts().equals(before)) {
			failures.add(what + " -> " + response.status() + " but rows changed");
		}
	}

	@Test
	void malformedEnormousAndDeeplyNestedBodiesAreRefusedCleanly() {
		Api.As admin = api().as("community");
		long before = people();
		byte[] malformedUtf8 = "{\"name\":\"\u0000\",\"idNumber\":\"x\"}".getBytes(StandardCharsets.UTF_8);
		byte[] broken = new byte[malformedUtf8.length + 2];
		System.arraycopy(malformedUtf8, 0, broken, 0, 10);
		broken[10] = (byte) 0xC3;
		broken[11] = (byte) 0x28;
		System.arraycopy(malformedUtf8, 10, broken, 12, malformedUtf8.length - 10);
		assertClientError(admin.postRaw("/api/v1/people", "application/json", broken));
		assertClientError(admin.post("/api/v1/people", "[".repeat(20_000) + "]".repeat(20_000)));
		assertClientError(admin.post("/api/v1/people", "{\"name\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_001)));
		Response enormous = admin.postRaw("/api/v1/people", "application/json",
				("{\"name\":\"" + "x".repeat(6 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8));
		assertThat(enormous.status()).isEqualTo(413);
		assertClientError(admin.post("/api/v1/people", "{\"name\":\"a\",\"idNumber\":1e309,\"tags\":[1e999999]}"));
		assertThat(people()).isEqualTo(before);
	}

	@Test
	void storedMarkupIsEscapedOnEveryPageThatShowsIt() {
		String name = "<script>window.pwned=1</script>";
		Response created = api().as("community").post("/api/v1/people", Map.of("name", name, "idNumber",
				TestData.residentId(), "area", TestData.CHENYUAN_COMPOUND, "address",
				Map.of("building", "<b>1</b>", "unit", "\"><i>x</i>", "room", "1")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.status()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		try (Browser browser = new Browser(baseUrl())) {
			browser.login("community", DEMO_PASSWORD);
			for (String page : List.of("/people?q=" + URLEncoder.encode("<script>", StandardCharsets.UTF_8), "/people/" + id)) {
				browser.open(page);
				browser.waitFor(By.tagName("main"));
				assertThat(browser.driver().getPageSource()).doesNotContain("<script>window.pwned").contains("&lt;script&gt;");
				assertThat(browser.driver().executeScript("return window.pwned === undefined")).isEqualTo(true);
			}
			assertThat(browser.find(By.tagName("main")).getText()).contains(name);
		}
	}

	@Test
	void anUploadedFileNameIsNeverUsedAsAPath() {
		String boundary = "----frontline" + System.nanoTime();
		String csv = "name,id_number,area\n林一," + TestData.residentId() + "," + TestData.CHENYUAN_COMPOUND + "\n";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../../../tmp/pwned.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
		Response response = api().as("community").postRaw("/api/v1/people/import", "multipart/form-data; boundary=" + boundary,
				body.getBytes(StandardCharsets.UTF_8));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("inserted").asInt()).isEqualTo(1);
		assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/pwned.csv"))).isFalse();
	}

	private void check(List<String> failures, String what, java.util.function.Supplier<Response> call,
			boolean refusedByServer) {
		Map<String, Long> before = rowCounts();
		Response response = call.get();
		if (response.status() >= 500) {
			failures.add(what + " -> " + response.status() + " " + response.body().substring(0, Math.min(200, response.body().length())));
		}
		else if (response.status() >= 400) {
			String type = response.header("Content-Type");
			if (!refusedByServer && (type == null || !type.startsWith("application/problem+json"))) {
				failures.add(what + " -> " + response.status() + " without a problem body: " + response.body());
			}
			// A failed sign-in is recorded (audit row, throttle counter) by design.
			if (!what.startsWith("POST /api/v1/auth/login") && !rowCounts().equals(before)) {
				failures.add(what + " -> " + response.status() + " but rows changed");
			}
		}
	}

	private static void assertClientError(Response response) {
		assertThat(response.status()).as(response.body()).isBetween(400, 499);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
	}

	private static JsonNode resolve(JsonNode openApi, JsonNode schema) {
		if (schema.has("$ref")) {
			String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
			return openApi.path("components").path("schemas").path(name);
		}
		return schema;
	}

	private static List<String> stringFields(JsonNode schema, JsonNode openApi) {
		List<String> fields = new ArrayList<>();
		schema.path("properties").properties().forEach(p -> {
			JsonNode type = resolve(openApi, p.getValue());
			if (type.path("type").asString().equals("string") || type.has("properties")) {
				fields.add(p.getKey());
			}
		});
		return fields;
	}

	private static ObjectNode sample(JsonNode schema, JsonNode openApi) {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		schema.path("properties").properties().forEach(p -> {
			JsonNode type = resolve(openApi, p.getValue());
			switch (type.path("type").asString()) {
				case "integer" -> node.put(p.getKey(), 1);
				case "number" -> node.put(p.getKey(), 1.5);
				case "boolean" -> node.put(p.getKey(), false);
				case "array" -> node.putArray(p.getKey());
				case "string" -> node.put(p.getKey(), type.has("enum") ? type.get("enum").get(0).asString() : "x");
				default -> node.putObject(p.getKey());
			}
		});
		return node;
	}

	private long people() {
		return jdbc.sql("SELECT count(*) FROM people_person").query(Long.class).single();
	}
}
