package org.frontline.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frontline.testing.TestingFixture.event;
import static org.frontline.testing.TestingFixture.results;
import static org.frontline.testing.TestingFixture.send;
import static org.frontline.testing.TestingFixture.unique;

import java.util.List;
import java.util.Map;

import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A box goes to the lab its dispatch names; no other lab receives it or posts results for its tubes. */
class BoxHandOverIntegrationTests extends IntegrationTest {

	private ResultsFixture fixture;

	private long otherLab;

	private Api.As otherLabStaff;

	@BeforeEach
	void setUp() {
		fixture = new ResultsFixture(api(), 10);
		Response created = api().as("admin").post("/api/v1/labs", Map.of("name", unique("外区实验室-")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		otherLab = created.json().get("id").asLong();
		otherLabStaff = fixture.labUser(otherLab);
	}

	@Test
	void anotherLabCannotReceiveABoxNorPostResultsForItsTubesAndTheSendingSiteIsAlerted() {
		String tube = fixture.tube(fixture.people(TestData.BILINWAN_COMPOUND, 2), 10, false);
		String box = jdbc.sql("SELECT b.code FROM testing_box b JOIN testing_tube t ON t.box_id = b.id WHERE t.code = :c")
			.param("c", tube)
			.query(String.class)
			.single();
		JsonNode stolen = results(send(otherLabStaff,
				List.of(event("BOX_RECEIVED", "boxCode", box, "labId", otherLab, "tubeCodes", List.of(tube))))).get(0);
		assertThat(stolen.get("status").asString()).as(stolen.toString()).isEqualTo("REJECTED");
		assertThat(stolen.get("reason").asString()).isEqualTo("WRONG_LAB");
		assertThat(jdbc.sql("SELECT status || '/' || lab_id FROM testing_box WHERE code = :c")
			.param("c", box)
			.query(String.class)
			.single()).isEqualTo("DISPATCHED/" + fixture.lab);
		Response alerts = api().as("admin").get("/api/v1/sites/" + fixture.site + "/alerts");
		assertThat(alerts.status()).as(alerts.body()).isEqualTo(200);
		assertThat(alerts.body()).contains(box);

		JsonNode forged = fixture.post(otherLabStaff, List.of(ResultsFixture.result(tube, "NEGATIVE"))).get(0);
		assertThat(forged.get("status").asString()).isEqualTo("REJECTED");
		assertThat(forged.get("reason").asString()).isEqualTo("NOT_RECEIVED");

		JsonNode received = results(send(fixture.labStaff,
				List.of(event("BOX_RECEIVED", "boxCode", box, "labId", fixture.lab, "tubeCodes", List.of(tube))))).get(0);
		assertThat(received.get("status").asString()).as(received.toString()).isEqualTo("ACCEPTED");
		assertThat(fixture.post(fixture.labStaff, List.of(ResultsFixture.result(tube, "NEGATIVE"))).get(0)
			.get("status")
			.asString()).isEqualTo("ACCEPTED");
		assertThat(fixture.post(otherLabStaff, List.of(ResultsFixture.result(tube, "NEGATIVE"))).get(0)
			.get("reason")
			.asString()).isEqualTo("NOT_RECEIVED");
	}

	@Test
	void aDispatchNamesALabThatExists() {
		String tube = unique("T");
		String box = unique("B");
		List<JsonNode> answers = results(send(fixture.registrar, List.of(
				event("TUBE_OPENED", "roundId", fixture.round, "siteId", fixture.site, "tubeCode", tube, "poolSize", 1),
				event("SAMPLED", "tubeCode", tube, "personCode",
						fixture.testing.code(fixture.testing.person(TestData.BILINWAN_COMPOUND))),
				event("BOXED", "boxCode", box, "tubeCode", tube),
				event("BOX_DISPATCHED", "boxCode", box, "courier", "李师傅"),
				event("BOX_DISPATCHED", "boxCode", box, "courier", "李师傅", "labId", 999_999_999L))));
		assertThat(answers).extracting(a -> a.get("reason") == null || a.get("reason").isNull() ? null
				: a.get("reason").asString()).containsExactly(null, null, null, "INVALID_EVENT", "LAB_UNKNOWN");
		assertThat(jdbc.sql("SELECT status FROM testing_box WHERE code = :c").param("c", box).query(String.class).single())
			.isEqualTo("PACKING");
	}
}
