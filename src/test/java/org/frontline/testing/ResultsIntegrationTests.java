package org.frontline.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frontline.testing.ResultsFixture.result;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ResultsIntegrationTests extends IntegrationTest {

	private ResultsFixture fixture;

	@BeforeEach
	void setUp() {
		fixture = new ResultsFixture(api(), 10);
	}

	@Test
	void aNegativePoolIsTheResultOfEveryoneInItAndNeedsNoFollowUp() {
		List<Long> people = fixture.people(TestData.BILINWAN_COMPOUND, 3);
		String tube = fixture.tube(people, 10, true);
		String testedAt = Instant.now().minusSeconds(120).toString();
		List<JsonNode> answers = fixture.post(fixture.labStaff, List.of(result(tube, "NEGATIVE", testedAt)));
		assertThat(answers.get(0).get("status").asString()).as(answers.toString()).isEqualTo("ACCEPTED");
		for (long person : people) {
			Response history = api().as("admin").get("/api/v1/people/" + person + "/results");
			assertThat(history.status()).as(history.body()).isEqualTo(200);
			assertThat(history.json().get(0).get("tubeCode").asString()).isEqualTo(tube);
			assertThat(history.json().get(0).get("outcome").asString()).isEqualTo("NEGATIVE");
		}
		JsonNode read = api().as("admin").get("/api/v1/tubes/" + tube).json();
		assertThat(read.get("people")).hasSize(3);
		assertThat(read.get("result").get("outcome").asString()).isEqualTo("NEGATIVE");
		assertThat(read.get("result").get("operator").asString()).isNotBlank();
		assertThat(read.get("result").get("turnaroundMinutes").isNull()).isFalse();
		assertThat(read.get("followUp")).isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM testing_task t JOIN testing_tube u ON u.id = t.source_tube_id WHERE u.code = :c")
			.param("c", tube).query(Long.class).single()).isZero();
	}

	@Test
	void theSameResultAgainIsADuplicateAndADifferentOneIsRejected() {
		String tube = fixture.tube(fixture.people(TestData.BILINWAN_COMPOUND, 2), 10, true);
		String testedAt = Instant.now().minusSeconds(120).toString();
		Map<String, Object> negative = result(tube, "NEGATIVE", testedAt);
		assertThat(fixture.post(fixture.labStaff, List.of(negative)).get(0).get("status").asString()).isEqualTo("ACCEPTED");
		JsonNode again = fixture.post(fixture.labStaff, List.of(negative)).get(0);
		assertThat(again.get("status").asString()).isEqualTo("DUPLICATE");
		JsonNode different = fixture.post(fixture.labStaff, List.of(result(tube, "POSITIVE", testedAt))).get(0);
		assertThat(different.get("status").asString()).isEqualTo("REJECTED");
		assertThat(different.get("reason").asString()).isEqualTo("RESULT_DIFFERS");
		assertThat(api().as("admin").get("/api/v1/tubes/" + tube).json().get("result").get("outcome").asString())
			.isEqualTo("NEGATIVE");
		assertThat(jdbc.sql("SELECT count(*) FROM testing_result r JOIN testing_tube t ON t.id = r.tube_id WHERE t.code = :c")
			.param("c", tube).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void unknownTubesAndTubesTheLabNeverReceivedAreRejected() {
		String notReceived = fixture.tube(fixture.people(TestData.BILINWAN_COMPOUND, 1), 10, false);
		String received = fixture.tube(fixture.people(TestData.BILINWAN_COMPOUND, 1), 10, true);
		List<JsonNode> answers = fixture.post(fixture.labStaff, List.of(result("T-NO-SUCH-TUBE", "NEGATIVE"),
				result(notReceived, "NEGATIVE"), result(received, "NEGATIVE"), Map.of("tubeCode", received)));
		assertThat(answers).extracting(a -> a.get("reason").isNull() ? null : a.get("reason").asString())
			.containsExactly("TUBE_UNKNOWN", "NOT_RECEIVED", null, "INVALID_ITEM");
		var otherLab = api().as("admin").post("/api/v1/labs", Map.of("name", TestingFixture.unique("另一实验室-")));
		var otherStaff = fixture.labUser(otherLab.json().get("id").asLong());
		JsonNode foreign = fixture.post(otherStaff, List.of(result(received, "NEGATIVE"))).get(0);
		assertThat(foreign.get("reason").asString()).isEqualTo("NOT_RECEIVED");
		Response noLab = api().as("lab").post("/api/v1/results", Map.of("results", List.of(result(received, "NEGATIVE"))));
		assertThat(noLab.status()).isEqualTo(403);
		Response registrar = fixture.registrar.post("/api/v1/results", Map.of("results", List.of(result(received, "NEGATIVE"))));
		assertThat(registrar.status()).isEqualTo(403);
	}

	@Test
	void aCorrectionNeedsAReasonAndIsAudited() {
		String tube = fixture.tube(fixture.people(TestData.BILINWAN_COMPOUND, 2), 10, true);
		fixture.post(fixture.labStaff, List.of(result(tube, "INVALID")));
		Response noReason = fixture.labStaff.post("/api/v1/results/" + tube + "/correction", Map.of("outcome", "NEGATIVE"));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.json().get("errors").findValuesAsString("field")).containsExactly("reason");
		assertThat(noReason.json().get("errors").get(0).get("message").asString()).isEqualTo("请填写更正原因。");
		Response badCt = fixture.labStaff.post("/api/v1/results/" + tube + "/correction",
				Map.of("outcome", "MAYBE", "ctN", 51, "reason", "复检"));
		assertThat(badCt.json().get("errors").findValuesAsString("message"))
			.containsExactly("Ct 值应在 0 到 50 之间。", "检测结果须为 NEGATIVE（阴性）、POSITIVE（阳性）或 INVALID（无效）。");
		Response corrected = fixture.labStaff.post("/api/v1/results/" + tube + "/correction",
				Map.of("outcome", "NEGATIVE", "reason", "复检确认：样本管标签录入错误"));
		assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
		assertThat(corrected.json().get("result").get("outcome").asString()).isEqualTo("NEGATIVE");
		assertThat(corrected.json().get("result").get("corrected").asBoolean()).isTrue();
		assertThat(corrected.json().get("followUp")).allMatch(t -> t.get("status").asString().equals("CANCELLED"));
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'RESULT_CORRECT' AND record_id = :t")
			.param("t", tube).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("""
				SELECT before_outcome FROM testing_result_correction c JOIN testing_tube t ON t.id = c.tube_id
				WHERE t.code = :t""").param("t", tube).query(String.class).single()).isEqualTo("INVALID");
	}

	@Test
	void turnaroundIsShownPerLabForTheRound() {
		String tube = fixture.tube(fixture.people(TestData.BILINWAN_COMPOUND, 1), 10, true);
		fixture.post(fixture.labStaff, List.of(result(tube, "NEGATIVE")));
		Response turnaround = api().as("commander").get("/api/v1/rounds/" + fixture.round + "/turnaround");
		assertThat(turnaround.status()).as(turnaround.body()).isEqualTo(200);
		assertThat(turnaround.json()).hasSize(1);
		assertThat(turnaround.json().get(0).get("labId").asLong()).isEqualTo(fixture.lab);
		assertThat(turnaround.json().get(0).get("tubes").asLong()).isEqualTo(1);
		assertThat(turnaround.json().get(0).get("p50Minutes").asDouble()).isBetween(0.0, 10.0);
	}
}
