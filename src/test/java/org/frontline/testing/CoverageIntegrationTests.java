package org.frontline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CoverageIntegrationTests extends IntegrationTest {

	private static final String SUBDISTRICT = "320602001";

	private ResultsFixture fixture;

	@BeforeEach
	void setUp() {
		fixture = new ResultsFixture(api(), 10);
	}

	private long countAnotherWay(String prefix, String what) {
		return jdbc.sql("""
				SELECT count(*) FROM people_person p
				WHERE p.area_code LIKE :like AND CASE :what
				  WHEN 'all' THEN true
				  WHEN 'sampled' THEN p.id IN (SELECT person_id FROM testing_sample WHERE round_id = :round AND removed_at IS NULL)
				  WHEN 'exempted' THEN p.id IN (SELECT person_id FROM testing_exemption WHERE round_id = :round)
				     AND p.id NOT IN (SELECT person_id FROM testing_sample WHERE round_id = :round AND removed_at IS NULL)
				  END
				""").param("like", prefix + "%").param("what", what).param("round", fixture.round).query(Long.class).single();
	}

	private static JsonNode child(JsonNode node, String code) {
		for (JsonNode child : node.get("children")) {
			if (child.get("area").asString().equals(code)) {
				return child;
			}
		}
		throw new AssertionError("no child " + code + " in " + node);
	}

	@Test
	void coverageMatchesACountDoneAnotherWayAndExemptionsAreCountedApart() {
		List<Long> sampled = fixture.people(TestData.BILINWAN_COMPOUND, 3);
		fixture.tube(sampled, 10, false);
		long away = fixture.testing.person(TestData.BILINWAN_COMPOUND);
		long chenyuanSampled = fixture.testing.person(TestData.CHENYUAN_COMPOUND);
		fixture.tube(List.of(chenyuanSampled), 10, false);
		Response exempted = api().as("admin").post("/api/v1/rounds/" + fixture.round + "/exemptions",
				Map.of("personId", away, "reason", "AWAY"));
		assertThat(exempted.status()).as(exempted.body()).isEqualTo(204);
		Response badReason = api().as("admin").post("/api/v1/rounds/" + fixture.round + "/exemptions",
				Map.of("personId", away, "reason", "BORED"));
		assertThat(badReason.status()).isEqualTo(400);

		Response response = api().as("commander").get("/api/v1/rounds/" + fixture.round + "/coverage?area=" + SUBDISTRICT);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode coverage = response.json();
		assertThat(coverage.get("area").asString()).isEqualTo(SUBDISTRICT);
		for (JsonNode node : List.of(coverage, child(coverage, "320602001001"), child(coverage, "320602001002"),
				child(child(coverage, "320602001001"), TestData.BILINWAN_COMPOUND))) {
			String code = node.get("area").asString();
			long inScope = countAnotherWay(code, "all");
			long sampledCount = countAnotherWay(code, "sampled");
			long exemptedCount = countAnotherWay(code, "exempted");
			assertThat(node.get("inScope").asLong()).as(code).isEqualTo(inScope);
			assertThat(node.get("sampled").asLong()).as(code).isEqualTo(sampledCount);
			assertThat(node.get("exempted").asLong()).as(code).isEqualTo(exemptedCount);
			assertThat(node.get("notSampled").asLong()).as(code).isEqualTo(inScope - sampledCount - exemptedCount);
			double percent = Math.round(1000.0 * sampledCount / (inScope - exemptedCount)) / 10.0;
			assertThat(node.get("percent").asDouble()).as(code).isEqualTo(percent);
		}
		JsonNode bilinwan = child(coverage, "320602001001");
		assertThat(bilinwan.get("sampled").asLong()).isGreaterThanOrEqualTo(3);
		assertThat(bilinwan.get("exempted").asLong()).isGreaterThanOrEqualTo(1);

		// A community worker sees only their own community.
		assertThat(api().as("community").get("/api/v1/rounds/" + fixture.round + "/coverage?area=320602001001").status())
			.isEqualTo(404);
		assertThat(api().as("community").get("/api/v1/rounds/" + fixture.round + "/coverage").json().get("area").asString())
			.isEqualTo("320602001002");
	}

	@Test
	void theNotYetTestedListPutsBedriddenPeopleFirstAndLeavesOutSampledAndExemptedOnes() {
		List<Long> sampled = fixture.people(TestData.BILINWAN_COMPOUND, 2);
		fixture.tube(sampled, 10, false);
		long bedridden = fixture.testing.person(TestData.BILINWAN_COMPOUND, "卧床老人", TestData.residentId(),
				"13912345678", List.of("BEDRIDDEN"));
		long hospitalized = fixture.testing.person(TestData.BILINWAN_COMPOUND);
		api().as("admin").post("/api/v1/rounds/" + fixture.round + "/exemptions",
				Map.of("personId", hospitalized, "reason", "HOSPITALIZED"));
		Response page = api().as("admin")
			.get("/api/v1/rounds/" + fixture.round + "/missing?area=" + TestData.BILINWAN_COMPOUND + "&page=0&size=500");
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		page.json().get("items").forEach(i -> ids.add(i.get("personId").asLong()));
		assertThat(ids).doesNotContain(sampled.get(0), sampled.get(1), hospitalized);
		JsonNode first = page.json().get("items").get(0);
		assertThat(first.get("tags").toString()).contains("BEDRIDDEN");
		assertThat(ids).contains(bedridden);
		JsonNode row = page.json().get("items").get(ids.indexOf(bedridden));
		assertThat(row.get("name").asString()).as("in full, as the resident list shows it to the same reader")
			.isEqualTo("卧床老人");
		assertThat(row.get("phone").asString()).isEqualTo("139****5678");
		assertThat(row.get("building").asString()).isEqualTo("3");
		assertThat(page.json().get("total").asLong()).isEqualTo(countAnotherWay(TestData.BILINWAN_COMPOUND, "all")
				- countAnotherWay(TestData.BILINWAN_COMPOUND, "sampled") - countAnotherWay(TestData.BILINWAN_COMPOUND, "exempted"));

		Response csv = api().as("admin").get("/api/v1/rounds/" + fixture.round + "/missing/export?area=" + TestData.BILINWAN_COMPOUND);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.body()).contains("卧床老人").contains("139****5678").doesNotContain("13912345678")
			.contains("碧林湾").contains("卧床").doesNotContain("BEDRIDDEN");
		assertThat(csv.body().lines().count()).isEqualTo(page.json().get("total").asLong() + 1);
	}

	@Test
	void theNotYetTestedListSortsAddressesAsPeopleReadThem() {
		long high = resident("10", "1", "1101");
		long low = resident("10", "1", "201");
		long second = resident("2", "1", "302");
		Response page = api().as("admin")
			.get("/api/v1/rounds/" + fixture.round + "/missing?area=" + TestData.BILINWAN_COMPOUND + "&page=0&size=500");
		List<Long> ids = new ArrayList<>();
		List<String> buildings = new ArrayList<>();
		page.json().get("items").forEach(i -> {
			ids.add(i.get("personId").asLong());
			if (!i.get("tags").toString().contains("BEDRIDDEN") && i.get("building").isString()) {
				buildings.add(i.get("building").asString());
			}
		});
		assertThat(ids.indexOf(low)).as("room 201 before room 1101").isLessThan(ids.indexOf(high));
		assertThat(ids.indexOf(second)).as("building 2 before building 10").isLessThan(ids.indexOf(low));
		List<Integer> numbers = buildings.stream().filter(b -> b.matches("\\d+")).map(Integer::valueOf).toList();
		assertThat(numbers).isSorted();
	}

	private long resident(String building, String unit, String room) {
		Response created = api().as("admin").post("/api/v1/people", Map.of("name", "顺序测试", "idType", "RESIDENT_ID",
				"idNumber", TestData.residentId(), "phone", TestData.phone(), "area", TestData.BILINWAN_COMPOUND,
				"address", Map.of("building", building, "unit", unit, "room", room)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	@Test
	void exportedCellsThatASpreadsheetWouldRunAsFormulasAreNeutralised() {
		assertThat(Coverage.cell("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
		assertThat(Coverage.cell("+1")).isEqualTo("'+1");
		assertThat(Coverage.cell("-1")).isEqualTo("'-1");
		assertThat(Coverage.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(Coverage.cell("王*明")).isEqualTo("王*明");
	}

	@Test
	void poolAdviceFollowsDorfmanAtAGivenPrevalence() {
		Response advice = api().as("commander")
			.get("/api/v1/rounds/" + fixture.round + "/pool-advice?area=320602&prevalence=0.01");
		assertThat(advice.status()).as(advice.body()).isEqualTo(200);
		JsonNode options = advice.json().get("options");
		assertThat(options.get(0).get("poolSize").asInt()).isEqualTo(1);
		assertThat(options.get(0).get("testsPerPerson").asDouble()).isEqualTo(1.0);
		assertThat(options.get(2).get("poolSize").asInt()).isEqualTo(10);
		assertThat(options.get(2).get("testsPerPerson").asDouble()).isCloseTo(0.1956, org.assertj.core.data.Offset.offset(0.0001));
		assertThat(advice.json().get("cheapest").asInt()).isEqualTo(10);
		assertThat(advice.json().get("optimum").asInt()).isEqualTo(11);
		assertThat(advice.json().get("assumptions").toString()).contains("INDEPENDENT_INFECTIONS");
		assertThat(api().as("commander").get("/api/v1/rounds/" + fixture.round + "/pool-advice?prevalence=NaN").status())
			.isEqualTo(400);
	}
}
