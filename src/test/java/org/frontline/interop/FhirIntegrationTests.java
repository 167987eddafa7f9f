package org.frontline.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frontline.interop.InteropFixture.bundle;
import static org.frontline.interop.InteropFixture.observation;
import static org.frontline.interop.InteropFixture.postFhir;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.frontline.interop.internal.Fhir;
import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class FhirIntegrationTests extends IntegrationTest {

	@Autowired
	private Fhir fhir;

	private InteropFixture fixture;

	@BeforeEach
	void setUp() {
		fixture = new InteropFixture(api(), port, 10);
	}

	@Test
	void aPooledTubeIsASpecimenOfAGroupAndAPositivePoolIsNoPositiveResultForItsPeople() {
		List<Long> people = fixture.people(TestData.BILINWAN_COMPOUND, 3);
		String tube = fixture.tube(people, 10, true, false);
		Response posted = postFhir(fixture.labStaff, bundle("batch",
				List.of(observation(tube, "POSITIVE", 31.2, 30.8, Instant.now().minusSeconds(60).toString()))));
		assertThat(posted.status()).as(posted.body()).isEqualTo(200);
		assertThat(posted.json().at("/entry/0/response/status").asString()).isEqualTo("201 Created");

		JsonNode specimen = read("/fhir/Specimen/" + tube);
		assertThat(specimen.at("/subject/reference").asString()).isEqualTo("Group/" + tube);
		assertThat(specimen.get("extension").findValuesAsString("url"))
			.contains("http://hl7.org/fhir/5.0/StructureDefinition/extension-Specimen.combined");
		assertThat(specimen.toString()).contains("\"valueCode\":\"pooled\"");
		JsonNode group = read("/fhir/Group/" + tube);
		assertThat(group.get("quantity").asInt()).isEqualTo(3);
		assertThat(group.get("member").findValuesAsString("reference"))
			.containsExactlyInAnyOrderElementsOf(people.stream().map(p -> "Patient/" + p).toList());

		JsonNode result = read("/fhir/Observation/tube-" + tube);
		assertThat(result.at("/code/coding/0/code").asString()).isEqualTo("94500-6");
		assertThat(result.at("/valueCodeableConcept/coding/0/code").asString()).isEqualTo("260373001");
		assertThat(List.of(result.at("/component/0/code/coding/0/code").asString(),
				result.at("/component/1/code/coding/0/code").asString())).containsExactly("94644-2", "94510-5");
		assertThat(result.at("/component/0/valueQuantity/value").asDouble()).isEqualTo(31.2);

		JsonNode derived = read("/fhir/Observation?patient=" + people.get(0));
		assertThat(derived.get("entry")).hasSize(1);
		JsonNode personal = derived.at("/entry/0/resource");
		assertThat(personal.at("/derivedFrom/0/reference").asString()).isEqualTo("Observation/tube-" + tube);
		assertThat(personal.at("/subject/reference").asString()).isEqualTo("Patient/" + people.get(0));
		assertThat(personal.at("/valueCodeableConcept/coding").findValuesAsString("code")).containsExactly("pool-positive")
			.doesNotContain("260373001");
		JsonNode reports = read("/fhir/DiagnosticReport?patient=" + people.get(0));
		JsonNode report = reports.at("/entry/0/resource");
		assertThat(report.get("conclusion").asString()).isEqualTo("Pool positive: individual retest required");
		assertThat(report.get("status").asString()).isEqualTo("partial");

		// The individual retest decides: negative, and the person's round report becomes final.
		String retest = fixture.tube(List.of(people.get(0)), 1, true, true);
		postFhir(fixture.labStaff, bundle("batch",
				List.of(observation(retest, "NEGATIVE", null, null, Instant.now().minusSeconds(30).toString()))));
		JsonNode after = read("/fhir/DiagnosticReport/round-" + fixture.round + "-person-" + people.get(0));
		assertThat(after.get("status").asString()).isEqualTo("final");
		assertThat(after.get("conclusion").asString()).isEqualTo("Negative");
		assertThat(after.get("result")).hasSize(2);
		assertThat(read("/fhir/Specimen/" + retest).at("/subject/reference").asString())
			.isEqualTo("Patient/" + people.get(0));

		for (String path : List.of("/fhir/Specimen/" + tube, "/fhir/Group/" + tube, "/fhir/Observation/tube-" + tube,
				"/fhir/Observation/tube-" + retest, "/fhir/Specimen/" + retest, "/fhir/Patient/" + people.get(0),
				"/fhir/DiagnosticReport/round-" + fixture.round + "-person-" + people.get(0), "/fhir/metadata")) {
			assertValid(api().as("admin").get(path).body());
		}
		for (JsonNode entry : read("/fhir/Observation?patient=" + people.get(0)).get("entry")) {
			assertValid(entry.get("resource").toString());
		}
	}

	@Test
	void aResultPostedAsFhirIsStoredAsTheSameResultPostedAsJsonAndAnsweredTheSameWay() {
		String viaJson = fixture.tube(fixture.people(TestData.BILINWAN_COMPOUND, 2), 10, true, false);
		String viaFhir = fixture.tube(fixture.people(TestData.BILINWAN_COMPOUND, 2), 10, true, false);
		String testedAt = Instant.now().minusSeconds(300).truncatedTo(ChronoUnit.MILLIS).toString();
		Map<String, Object> item = new HashMap<>(Map.of("tubeCode", viaJson, "outcome", "POSITIVE", "ctOrf1ab", 28.4,
				"ctN", 27.9, "testedAt", testedAt));
		Response json = fixture.labStaff.post("/api/v1/results", Map.of("results", List.of(item)));
		assertThat(json.json().at("/results/0/status").asString()).isEqualTo("ACCEPTED");
		Response fhirPost = postFhir(fixture.labStaff,
				bundle("batch", List.of(observation(viaFhir, "POSITIVE", 28.4, 27.9, testedAt))));
		assertThat(fhirPost.json().at("/entry/0/response/status").asString()).isEqualTo("201 Created");
		JsonNode a = fixture.labStaff.get("/api/v1/tubes/" + viaJson).json().get("result");
		JsonNode b = fixture.labStaff.get("/api/v1/tubes/" + viaFhir).json().get("result");
		for (String field : List.of("outcome", "ctOrf1ab", "ctN", "testedAt", "labId", "operator", "corrected")) {
			assertThat(b.get(field)).as(field).isEqualTo(a.get(field));
		}
		assertThat(jdbc.sql("SELECT count(*) FROM testing_task t JOIN testing_tube u ON u.id = t.source_tube_id WHERE u.code = :c")
			.param("c", viaFhir).query(Long.class).single()).isEqualTo(2);

		// Sent again: a duplicate, as from the JSON API; a different result: refused as RESULT_DIFFERS.
		Response again = postFhir(fixture.labStaff,
				bundle("batch", List.of(observation(viaFhir, "POSITIVE", 28.4, 27.9, testedAt),
						observation(viaFhir, "NEGATIVE", null, null, testedAt),
						observation("T-NO-SUCH-TUBE", "NEGATIVE", null, null, testedAt))));
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("entry").findValuesAsString("status")).containsExactly("200 OK", "409 Conflict",
				"404 Not Found");
		assertThat(again.json().at("/entry/1/response/outcome/issue/0/details/coding/0/code").asString())
			.isEqualTo("RESULT_DIFFERS");
		assertThat(again.json().at("/entry/0/response/outcome/resourceType").asString()).isEqualTo("OperationOutcome");
		assertThat(fixture.labStaff.get("/api/v1/tubes/" + viaFhir).json().at("/result/outcome").asString())
			.isEqualTo("POSITIVE");
	}

	@Test
	void aTransactionWithOneRefusedEntryStoresNothing() {
		String good = fixture.tube(fixture.people(TestData.BILINWAN_COMPOUND, 1), 10, true, false);
		String notReceived = fixture.tube(fixture.people(TestData.BILINWAN_COMPOUND, 1), 10, false, false);
		String at = Instant.now().minusSeconds(60).toString();
		Map<String, Long> before = rowCounts();
		Response refused = postFhir(fixture.labStaff, bundle("transaction",
				List.of(observation(good, "NEGATIVE", null, null, at), observation(notReceived, "NEGATIVE", null, null, at))));
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
		assertThat(refused.json().at("/issue/0/expression/0").asString()).isEqualTo("Bundle.entry[1].resource");
		assertThat(refused.json().at("/issue/0/details/coding/0/code").asString()).isEqualTo("NOT_RECEIVED");
		assertThat(rowCounts()).isEqualTo(before);
		Response accepted = postFhir(fixture.labStaff, bundle("transaction",
				List.of(observation(good, "NEGATIVE", null, null, at))));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(accepted.json().get("type").asString()).isEqualTo("transaction-response");
	}

	@Test
	void badInputIsAnOperationOutcomeWithA4xxAndChangesNothing() {
		String tube = fixture.tube(fixture.people(TestData.BILINWAN_COMPOUND, 1), 10, true, false);
		String at = Instant.now().minusSeconds(60).toString();
		Map<String, Long> before = rowCounts();
		Map<String, Object> unknownElement = new HashMap<>(observation(tube, "NEGATIVE", null, null, at));
		unknownElement.put("colour", "red");
		Map<String, Object> noSpecimen = new HashMap<>(observation(tube, "NEGATIVE", null, null, at));
		noSpecimen.remove("specimen");
		List<Object[]> cases = List.of(new Object[] { "{not json", 400 },
				new Object[] { "{\"resourceType\":\"Patient\"}", 400 },
				new Object[] { Api.json(bundle("batch", List.of(unknownElement))), 400 },
				new Object[] { Api.json(bundle("collection", List.of(observation(tube, "NEGATIVE", null, null, at)))), 400 },
				new Object[] { Api.json(Map.of("resourceType", "Bundle", "type", "batch")), 400 },
				new Object[] { "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{},\"issued\":\"yesterday\"}}]}", 400 },
				new Object[] { "[".repeat(5000), 400 }, new Object[] { "", 400 });
		for (Object[] c : cases) {
			Response response = fixture.labStaff.postRaw("/fhir", "application/fhir+json",
					((String) c[0]).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			assertThat(response.status()).as((String) c[0] + " -> " + response.body()).isEqualTo(c[1]);
			assertThat(response.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
			assertThat(response.body()).doesNotContain("ca.uhn", "java.", "Exception");
		}
		Response entryRefused = postFhir(fixture.labStaff, bundle("batch", List.of(noSpecimen)));
		assertThat(entryRefused.json().at("/entry/0/response/status").asString()).isEqualTo("400 Bad Request");
		assertThat(entryRefused.json().at("/entry/0/response/outcome/issue/0/expression/0").asString())
			.isEqualTo("Bundle.entry[0].resource.specimen");
		Response xml = fixture.labStaff.postRaw("/fhir", "application/fhir+xml", "<Bundle/>".getBytes());
		assertThat(xml.status()).isEqualTo(415);
		for (String path : List.of("/fhir/Observation?_count=0", "/fhir/Observation?_tag=x%7C1",
				"/fhir/Observation?patient=abc", "/fhir/Observation", "/fhir/Specimen?_tag="
						+ "https://frontline.org/fhir/CodeSystem/round%7C1&_lastUpdated=lt2022", "/fhir/DiagnosticReport")) {
			Response response = api().as("admin").get(path);
			assertThat(response.status()).as(path + " -> " + response.body()).isEqualTo(400);
			assertThat(response.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
		}
		Response unknown = api().as("admin").get("/fhir/Medication/1");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
		assertThat(api().as("admin").get("/fhir/Specimen/no.such%20tube").status()).isEqualTo(404);
		assertThat(rowCounts()).isEqualTo(before);
	}

	@Test
	void theSameTokensRolesAndScopesAsTheJsonApi() {
		long bilinwan = fixture.person(TestData.BILINWAN_COMPOUND);
		String tube = fixture.tube(List.of(bilinwan), 10, true, false);
		postFhir(fixture.labStaff, bundle("batch",
				List.of(observation(tube, "NEGATIVE", null, null, Instant.now().minusSeconds(60).toString()))));
		// A community worker of another community does not find the person, nor their results.
		assertThat(api().as("community").get("/fhir/Patient/" + bilinwan).status()).isEqualTo(404);
		assertThat(api().as("community").get("/fhir/Observation?patient=" + bilinwan).status()).isEqualTo(404);
		// A lab reads its own tubes, no other lab's and no resident.
		assertThat(fixture.labStaff.get("/fhir/Specimen/" + tube).status()).isEqualTo(200);
		Api.As otherLab = fixture.labUser(fixture.lab == 1 ? 2 : 1);
		assertThat(otherLab.get("/fhir/Specimen/" + tube).status()).isEqualTo(404);
		assertThat(otherLab.get("/fhir/Observation/tube-" + tube).status()).isEqualTo(404);
		assertThat(fixture.labStaff.get("/fhir/Patient/" + bilinwan).status()).isEqualTo(403);
		assertThat(fixture.registrar.post("/fhir", "{}").status()).isEqualTo(403);
		assertThat(api().withToken("forged").get("/fhir/Patient/" + bilinwan).status()).isEqualTo(401);
		// In a search the ID number is masked; the read of the record shows it in full and is audited.
		String idNumber = api().as("admin").get("/api/v1/people/" + bilinwan).json().get("idNumber").asString();
		JsonNode found = read("/fhir/Patient?identifier=" + idNumber);
		assertThat(found.at("/entry/0/resource/identifier/0/value").asString()).isNotEqualTo(idNumber).contains("****");
		assertThat(found.at("/entry/0/resource/meta/security/0/code").asString()).isEqualTo("REDACTED");
		long audited = audits(bilinwan);
		assertThat(read("/fhir/Patient/" + bilinwan).at("/identifier/0/value").asString()).isEqualTo(idNumber);
		assertThat(audits(bilinwan)).isEqualTo(audited + 1);
	}

	@Test
	void signInAndRoleFailuresUnderFhirAreOperationOutcomesAndTheMetadataIsOpenToAnyone() {
		Response metadata = api().anonymous().get("/fhir/metadata");
		assertThat(metadata.status()).as(metadata.body()).isEqualTo(200);
		assertThat(metadata.header("Content-Type")).startsWith("application/fhir+json");
		assertThat(metadata.json().get("resourceType").asString()).isEqualTo("CapabilityStatement");
		long person = fixture.person(TestData.BILINWAN_COMPOUND);
		Map<String, Object[]> failures = new java.util.LinkedHashMap<>();
		failures.put("no token", new Object[] { api().anonymous().get("/fhir/Patient/" + person), 401, "login" });
		failures.put("forged token",
				new Object[] { api().withToken("fl_" + "A".repeat(43)).get("/fhir/Observation?patient=" + person), 401,
						"login" });
		failures.put("lab reading a resident",
				new Object[] { fixture.labStaff.get("/fhir/Patient/" + person), 403, "forbidden" });
		failures.put("registrar posting results",
				new Object[] { fixture.registrar.postRaw("/fhir", "application/fhir+json", "{}".getBytes()), 403,
						"forbidden" });
		failures.put("volunteer exporting", new Object[] {
				api().as("volunteer").get("/fhir/$export?round=" + fixture.round), 403, "forbidden" });
		for (Map.Entry<String, Object[]> failure : failures.entrySet()) {
			Response response = (Response) failure.getValue()[0];
			assertThat(response.status()).as(failure.getKey() + " -> " + response.body())
				.isEqualTo(failure.getValue()[1]);
			assertThat(response.header("Content-Type")).as(failure.getKey()).startsWith("application/fhir+json");
			JsonNode outcome = response.json();
			assertThat(outcome.get("resourceType").asString()).as(failure.getKey()).isEqualTo("OperationOutcome");
			assertThat(outcome.at("/issue/0/severity").asString()).isEqualTo("error");
			assertThat(outcome.at("/issue/0/code").asString()).as(failure.getKey()).isEqualTo(failure.getValue()[2]);
			assertThat(outcome.at("/issue/0/diagnostics").asString()).isNotBlank();
			assertValid(response.body());
		}
		// The JSON API's failures stay problems.
		Response api = api().anonymous().get("/api/v1/people/" + person);
		assertThat(api.status()).isEqualTo(401);
		assertThat(api.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void diagnosticReportsAreSearchedByRoundWithoutAPatientPagedAndBoundedByTheCallersArea() {
		List<Long> people = new ArrayList<>(fixture.people(TestData.BILINWAN_COMPOUND, 3));
		String tube = fixture.tube(people, 10, true, false);
		String pending = fixture.tube(List.of(people.get(2)), 1, true, true);
		postFhir(fixture.labStaff, bundle("batch",
				List.of(observation(tube, "NEGATIVE", null, null, Instant.now().minusSeconds(60).toString()))));
		String byRound = "/fhir/DiagnosticReport?_tag=https://frontline.org/fhir/CodeSystem/round%7C" + fixture.round;

		JsonNode all = read(byRound);
		assertThat(all.get("entry").findValuesAsString("fullUrl"))
			.as("one report per person of the round, in person order")
			.containsExactlyElementsOf(people.stream()
				.sorted()
				.map(p -> "http://localhost:" + port + "/fhir/DiagnosticReport/round-" + fixture.round + "-person-" + p)
				.toList());
		JsonNode third = all.at("/entry/2/resource");
		assertThat(third.at("/subject/reference").asString()).isEqualTo("Patient/" + people.get(2));
		assertThat(third.get("specimen").findValuesAsString("reference")).containsExactlyInAnyOrder(
				"Specimen/" + tube, "Specimen/" + pending);
		for (JsonNode entry : all.get("entry")) {
			assertValid(entry.get("resource").toString());
		}

		JsonNode first = read(byRound + "&_count=2");
		assertThat(first.get("entry")).hasSize(2);
		String next = null;
		for (JsonNode link : first.get("link")) {
			if (link.get("relation").asString().equals("next")) {
				next = link.get("url").asString();
			}
		}
		assertThat(next).isNotNull().contains("_offset=2");
		JsonNode second = read(next.substring(next.indexOf("/fhir")));
		assertThat(second.get("entry")).hasSize(1);
		assertThat(second.at("/entry/0/resource/subject/reference").asString())
			.isEqualTo("Patient/" + people.stream().sorted().toList().get(2));

		Response outsider = api().as("community").get(byRound);
		assertThat(outsider.status()).as(outsider.body()).isEqualTo(200);
		assertThat(outsider.json().get("entry")).as("people outside the caller's area").isNullOrEmpty();
		JsonNode later = read(byRound + "&_lastUpdated=gt" + Instant.now().plusSeconds(3600).toString());
		assertThat(later.get("entry")).isNullOrEmpty();
	}

	@Test
	void aRoundIsExportedAsNdjsonFilesWhoseLinesAreValidResources() {
		List<Long> pooled = fixture.people(TestData.BILINWAN_COMPOUND, 4);
		String positive = fixture.tube(pooled.subList(0, 2), 10, true, false);
		String negative = fixture.tube(pooled.subList(2, 4), 10, true, false);
		String pending = fixture.tube(fixture.people(TestData.BILINWAN_COMPOUND, 1), 10, true, false);
		String at = Instant.now().minusSeconds(60).toString();
		postFhir(fixture.labStaff, bundle("batch", List.of(observation(positive, "POSITIVE", 30.1, 29.5, at),
				observation(negative, "NEGATIVE", null, null, at))));
		HttpResponse<String> withoutPrefer = fixture.get(api().as("admin"), "/fhir/$export?round=" + fixture.round);
		assertThat(withoutPrefer.statusCode()).isEqualTo(400);
		HttpResponse<String> kickOff = fixture.get(api().as("admin"), "/fhir/$export?round=" + fixture.round,
				"Prefer", "respond-async", "Accept", "application/fhir+json");
		assertThat(kickOff.statusCode()).as(kickOff.body()).isEqualTo(202);
		String status = kickOff.headers().firstValue("Content-Location").orElseThrow();
		assertThat(status).as("an absolute URL, as the bulk export protocol wants").startsWith("http://localhost:" + port);
		assertThat(fixture.get(api().as("commander"), status).statusCode()).as("another user's export").isEqualTo(404);
		HttpResponse<String> manifest = fixture.get(api().as("admin"), status);
		assertThat(manifest.statusCode()).as(manifest.body()).isEqualTo(200);
		JsonNode outputs = Api.Response.class.isInstance(null) ? null
				: tools.jackson.databind.json.JsonMapper.builder().build().readTree(manifest.body()).get("output");
		Map<String, Integer> lines = new HashMap<>();
		List<String> all = new ArrayList<>();
		for (JsonNode output : outputs) {
			HttpResponse<String> file = fixture.get(api().as("admin"), output.get("url").asString());
			assertThat(file.statusCode()).isEqualTo(200);
			assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+ndjson");
			String url = output.get("url").asString();
			String name = url.substring(url.lastIndexOf('/') + 1, url.lastIndexOf('-'));
			List<String> content = file.body().lines().toList();
			lines.merge(name, content.size(), Integer::sum);
			all.addAll(content);
		}
		assertThat(lines).containsEntry("patient", 5)
			.containsEntry("specimen", 3)
			.containsEntry("group", 3)
			.containsEntry("observation-tube", 2)
			.containsEntry("observation-person", 4)
			.containsEntry("diagnostic-report", 5);
		for (String line : all) {
			assertValid(line);
		}
		assertThat(String.join("\n", all)).contains(pending);
		assertThat(api().as("admin").delete(status.substring(status.indexOf("/fhir"))).status()).isEqualTo(202);
		assertThat(fixture.get(api().as("admin"), status).statusCode()).isEqualTo(404);
	}

	@Test
	void theDemoDistrictsResidentsAreValidPatients() {
		JsonNode page = read("/fhir/Patient?name=" + java.net.URLEncoder.encode("王", java.nio.charset.StandardCharsets.UTF_8)
				+ "&_count=200");
		List<JsonNode> entries = new ArrayList<>();
		page.get("entry").forEach(entries::add);
		assertThat(entries).isNotEmpty();
		for (JsonNode entry : entries) {
			assertValid(entry.get("resource").toString());
		}
		for (JsonNode entry : entries.subList(0, Math.min(20, entries.size()))) {
			assertValid(api().as("admin").get("/fhir/Patient/" + entry.at("/resource/id").asString()).body());
		}
	}

	private JsonNode read(String path) {
		Response response = api().as("admin").get(path);
		assertThat(response.status()).as(path + " -> " + response.body()).isEqualTo(200);
		return response.json();
	}

	private long audits(long person) {
		return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'PERSON_READ' AND record_id = :id")
			.param("id", Long.toString(person))
			.query(Long.class)
			.single();
	}

	private void assertValid(String json) {
		IBaseResource resource = fhir.strictParser().parseResource(json);
		List<SingleValidationMessage> errors = fhir.validate(resource)
			.getMessages()
			.stream()
			.filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
			.toList();
		assertThat(errors).as(json).isEmpty();
	}
}
