package org.frontline.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.frontline.testing.ResultsFixture.result;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A resident who came forward is recorded by their community, alerted for a single-tube test, resolved by that tube's
 * result, and counted by the command centre as a positive found because they reported it.
 */
class SelfReportIntegrationTests extends IntegrationTest {

	private ResultsFixture fixture;

	@BeforeEach
	void setUp() {
		fixture = new ResultsFixture(api(), 1);
	}

	private Response report(String clientId, String idNumber, String kind) {
		return api().as("community").post("/api/v1/self-reports",
				Map.of("clientId", clientId, "idNumber", idNumber, "kind", kind, "note", "家中自测两道杠"));
	}

	private long rows(long person) {
		return jdbc.sql("SELECT count(*) FROM testing_self_report WHERE person_id = :p").param("p", person)
			.query(Long.class).single();
	}

	private String alertStatus(long reportId) {
		return jdbc.sql("SELECT status FROM command_alert WHERE source = 'testing' AND key = :k")
			.param("k", "self-report-" + reportId).query(String.class).optional().orElse("none");
	}

	@Test
	void aPositiveSingleTubeAfterComingForwardIsCountedAsSelfReported() {
		String idNumber = TestData.residentId();
		long person = fixture.testing.person(TestData.CHENYUAN_COMPOUND, "自报居民", idNumber, TestData.phone(), List.of());
		String clientId = Api.uuid();
		Response made = report(clientId, idNumber, "ANTIGEN_POSITIVE");
		assertThat(made.status()).as(made.body()).isEqualTo(200);
		JsonNode report = made.json();
		long id = report.get("id").asLong();
		assertThat(report.get("status").asString()).isEqualTo("OPEN");
		assertThat(report.get("community").asString()).isEqualTo("320602001002");
		assertThat(report.get("maskedName").asString()).contains("*").doesNotContain("自报居民");

		// Resent (a lost answer), or reported again while open: the same report, nothing written twice.
		assertThat(report(clientId, idNumber, "ANTIGEN_POSITIVE").json().get("id").asLong()).isEqualTo(id);
		assertThat(report(Api.uuid(), idNumber, "SYMPTOMS").json().get("id").asLong()).isEqualTo(id);
		assertThat(rows(person)).isEqualTo(1);
		await().atMost(Duration.ofSeconds(30)).until(() -> alertStatus(id).equals("OPEN"));

		String tube = fixture.tube(List.of(person), 1, true);
		assertThat(fixture.post(fixture.labStaff, List.of(result(tube, "POSITIVE"))).get(0).get("status").asString())
			.isEqualTo("ACCEPTED");

		JsonNode listed = null;
		for (JsonNode r : api().as("community").get("/api/v1/self-reports").json()) {
			if (r.get("id").asLong() == id) {
				listed = r;
			}
		}
		assertThat(listed).isNotNull();
		assertThat(listed.get("status").asString()).isEqualTo("CONFIRMED_POSITIVE");
		assertThat(listed.get("resultTube").asString()).isEqualTo(tube);
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
				SELECT found_by FROM command_positive WHERE person_id = :p""").param("p", person).query(String.class)
			.optional().orElse("").equals("SELF_REPORTED"));
		await().atMost(Duration.ofSeconds(30)).until(() -> alertStatus(id).equals("CLOSED"));
	}

	@Test
	void aNegativeSingleTubeClearsTheReportAndAPositiveWithoutOneIsScreening() {
		String idNumber = TestData.residentId();
		long person = fixture.testing.person(TestData.CHENYUAN_COMPOUND, "发热居民", idNumber, TestData.phone(), List.of());
		long id = report(Api.uuid(), idNumber, "SYMPTOMS").json().get("id").asLong();
		String tube = fixture.tube(List.of(person), 1, true);
		fixture.post(fixture.labStaff, List.of(result(tube, "NEGATIVE")));
		assertThat(jdbc.sql("SELECT status FROM testing_self_report WHERE id = :id").param("id", id).query(String.class)
			.single()).isEqualTo("CLEARED");

		long stranger = fixture.testing.person(TestData.CHENYUAN_COMPOUND);
		String other = fixture.tube(List.of(stranger), 1, true);
		fixture.post(fixture.labStaff, List.of(result(other, "POSITIVE")));
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
				SELECT found_by FROM command_positive WHERE person_id = :p""").param("p", stranger).query(String.class)
			.optional().orElse("").equals("COMMUNITY_SCREENING"));
	}

	@Test
	void aWrongNumberOrAResidentOutsideTheAreaIsRefusedAndNothingIsWritten() {
		long before = jdbc.sql("SELECT count(*) FROM testing_self_report").query(Long.class).single();
		Response malformed = report(Api.uuid(), "32060219800101123", "SYMPTOMS");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().get("errors").get(0).get("field").asString()).isEqualTo("idNumber");

		String elsewhere = TestData.residentId();
		fixture.testing.person(TestData.BILINWAN_COMPOUND, "别处居民", elsewhere, TestData.phone(), List.of());
		Response outside = report(Api.uuid(), elsewhere, "SYMPTOMS");
		Response unknown = report(Api.uuid(), TestData.residentId(), "SYMPTOMS");
		assertThat(outside.status()).isEqualTo(400);
		assertThat(outside.json().get("errors").get(0).get("field").asString()).isEqualTo("idNumber");
		// The same answer: a worker learns nothing of residents outside their area.
		assertThat(outside.json().get("errors").get(0).get("message").asString())
			.isEqualTo(unknown.json().get("errors").get(0).get("message").asString())
			.contains("身份证号");

		Response noKind = api().as("community").post("/api/v1/self-reports",
				Map.of("clientId", Api.uuid(), "idNumber", elsewhere));
		assertThat(noKind.status()).isEqualTo(400);
		assertThat(noKind.body()).contains("kind");
		assertThat(jdbc.sql("SELECT count(*) FROM testing_self_report").query(Long.class).single()).isEqualTo(before);
		assertThat(api().as("registrar").post("/api/v1/self-reports", Map.of()).status()).isEqualTo(403);
	}
}
