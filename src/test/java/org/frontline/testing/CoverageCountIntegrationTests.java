package org.frontline.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frontline.testing.TestingFixture.event;
import static org.frontline.testing.TestingFixture.results;
import static org.frontline.testing.TestingFixture.send;
import static org.frontline.testing.TestingFixture.unique;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The counters behind coverage (people per area, people sampled per round and area, kept by triggers) against counts
 * done another way over the same rows, through sampling on both scan paths, removal, re-sampling, exemption and a move.
 */
class CoverageCountIntegrationTests extends IntegrationTest {

	private ResultsFixture fixture;

	@BeforeEach
	void setUp() {
		fixture = new ResultsFixture(api(), 10);
	}

	/** Per area code: "sampled/exempted" as the counters keep them. */
	private Map<String, String> counters() {
		Map<String, String> counts = new HashMap<>();
		jdbc.sql("""
				SELECT area_code, sum(sampled), sum(exempted) FROM testing_coverage_count WHERE round_id = :round
				GROUP BY area_code HAVING sum(sampled) <> 0 OR sum(exempted) <> 0
				""").param("round", fixture.round).query(rs -> {
			counts.put(rs.getString(1), rs.getLong(2) + "/" + rs.getLong(3));
		});
		return counts;
	}

	private Map<String, String> countedAnotherWay() {
		Map<String, String> counts = new HashMap<>();
		jdbc.sql("""
				SELECT p.area_code,
				       count(*) FILTER (WHERE p.id IN (SELECT person_id FROM testing_sample
				                                       WHERE round_id = :round AND removed_at IS NULL)) AS sampled,
				       count(*) FILTER (WHERE p.id IN (SELECT person_id FROM testing_exemption WHERE round_id = :round)
				                          AND p.id NOT IN (SELECT person_id FROM testing_sample
				                                           WHERE round_id = :round AND removed_at IS NULL)) AS exempted
				FROM people_person p
				WHERE p.id IN (SELECT person_id FROM testing_sample WHERE round_id = :round)
				   OR p.id IN (SELECT person_id FROM testing_exemption WHERE round_id = :round)
				GROUP BY p.area_code
				""").param("round", fixture.round).query(rs -> {
			if (rs.getLong(2) != 0 || rs.getLong(3) != 0) {
				counts.put(rs.getString(1), rs.getLong(2) + "/" + rs.getLong(3));
			}
		});
		return counts;
	}

	private void assertCountersMatch(long sampled, long exempted) {
		assertThat(counters()).isEqualTo(countedAnotherWay());
		assertThat(counters().getOrDefault(TestData.BILINWAN_COMPOUND, "0/0")).isEqualTo(sampled + "/" + exempted);
		JsonNode compound = api().as("admin")
			.get("/api/v1/rounds/" + fixture.round + "/coverage?area=" + TestData.BILINWAN_COMPOUND)
			.json();
		assertThat(compound.get("sampled").asLong()).isEqualTo(sampled);
		assertThat(compound.get("exempted").asLong()).isEqualTo(exempted);
	}

	private void exempt(long person) {
		Response exempted = api().as("admin").post("/api/v1/rounds/" + fixture.round + "/exemptions",
				Map.of("personId", person, "reason", "AWAY"));
		assertThat(exempted.status()).as(exempted.body()).isEqualTo(204);
	}

	private void accepted(List<Map<String, Object>> events) {
		List<JsonNode> answers = results(send(fixture.registrar, events));
		assertThat(answers).as(answers.toString()).extracting(a -> a.get("status").asString()).containsOnly("ACCEPTED");
	}

	private String openTube(List<Long> people, boolean resample) {
		String tube = unique("T");
		List<Map<String, Object>> events = new ArrayList<>();
		events.add(event("TUBE_OPENED", "roundId", fixture.round, "siteId", fixture.site, "tubeCode", tube, "poolSize", 10));
		for (long person : people) {
			events.add(resample ? event("SAMPLED", "tubeCode", tube, "personCode", fixture.testing.code(person), "resample", true)
					: event("SAMPLED", "tubeCode", tube, "personCode", fixture.testing.code(person)));
		}
		accepted(events);
		return tube;
	}

	private void remove(String tube, long person) {
		accepted(List.of(event("SAMPLE_REMOVED", "tubeCode", tube, "personCode", fixture.testing.code(person))));
	}

	@Test
	void sampledCountersFollowSamplingRemovalAndResamplingOnBothScanPaths() {
		List<Long> people = fixture.people(TestData.BILINWAN_COMPOUND, 3);
		long a = people.get(0);
		long b = people.get(1);
		long c = people.get(2);
		// Only TUBE_OPENED and SAMPLED: the bulk path, one statement for the whole group.
		String first = openTube(List.of(a, b), false);
		assertCountersMatch(2, 0);
		// With a seal in the request: the event-by-event path.
		fixture.tube(List.of(c), 10, false);
		assertCountersMatch(3, 0);
		remove(first, b);
		assertCountersMatch(2, 0);
		String again = openTube(List.of(a), true);
		assertCountersMatch(2, 0);
		remove(first, a);
		assertCountersMatch(2, 0);
		remove(again, a);
		assertCountersMatch(1, 0);
		openTube(List.of(a, b), false);
		assertCountersMatch(3, 0);
	}

	@Test
	void exemptedCountersCountOnlyPeopleWithoutALiveSample() {
		List<Long> people = fixture.people(TestData.BILINWAN_COMPOUND, 3);
		long sampled = people.get(0);
		long away = people.get(1);
		long later = people.get(2);
		String tube = openTube(List.of(sampled), false);
		exempt(sampled);
		exempt(away);
		assertCountersMatch(1, 1);
		exempt(away);
		assertCountersMatch(1, 1);
		remove(tube, sampled);
		assertCountersMatch(0, 2);
		openTube(List.of(sampled, away), false);
		assertCountersMatch(2, 0);
		exempt(later);
		assertCountersMatch(2, 1);
		assertThat(api().as("admin").delete("/api/v1/rounds/" + fixture.round + "/exemptions/" + later).status())
			.isEqualTo(204);
		assertCountersMatch(2, 0);
	}

	@Test
	void anExemptedPersonWhoWasSampledCountsAsSampledNotExempted() {
		List<Long> people = fixture.people(TestData.BILINWAN_COMPOUND, 2);
		openTube(List.of(people.get(0)), false);
		for (long person : people) {
			Response exempted = api().as("admin").post("/api/v1/rounds/" + fixture.round + "/exemptions",
					Map.of("personId", person, "reason", "HOSPITALIZED"));
			assertThat(exempted.status()).as(exempted.body()).isEqualTo(204);
		}
		JsonNode compound = api().as("admin")
			.get("/api/v1/rounds/" + fixture.round + "/coverage?area=" + TestData.BILINWAN_COMPOUND)
			.json();
		assertThat(compound.get("sampled").asLong()).isEqualTo(1);
		assertThat(compound.get("exempted").asLong()).isEqualTo(1);
		long residents = jdbc.sql("SELECT count(*) FROM people_person WHERE area_code = :a")
			.param("a", TestData.BILINWAN_COMPOUND)
			.query(Long.class)
			.single();
		assertThat(compound.get("inScope").asLong()).isEqualTo(residents);
		assertThat(compound.get("notSampled").asLong()).isEqualTo(residents - 2);
		Response missing = api().as("admin")
			.get("/api/v1/rounds/" + fixture.round + "/missing?area=" + TestData.BILINWAN_COMPOUND + "&size=500");
		assertThat(missing.json().get("total").asLong()).isEqualTo(residents - 2);
		List<Long> listed = new ArrayList<>();
		missing.json().get("items").forEach(i -> listed.add(i.get("personId").asLong()));
		assertThat(listed).doesNotContainAnyElementsOf(people);
	}

	@Test
	void residentsPerAreaFollowRegistrationsAndMoves() {
		long person = fixture.testing.person(TestData.BILINWAN_COMPOUND);
		assertResidentCountsMatch();
		Response moved = api().as("admin").put("/api/v1/people/" + person, Map.of("name", "王小明", "idType",
				"RESIDENT_ID", "idNumber", jdbc.sql("SELECT id_number FROM people_person WHERE id = :id")
					.param("id", person)
					.query(String.class)
					.single(),
				"area", TestData.CHENYUAN_COMPOUND, "address", Map.of("building", "1", "unit", "1", "room", "101"),
				"tags", List.of()));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT area_code FROM people_person WHERE id = :id").param("id", person)
			.query(String.class).single()).isEqualTo(TestData.CHENYUAN_COMPOUND);
		assertResidentCountsMatch();
	}

	private void assertResidentCountsMatch() {
		Map<String, Long> kept = new HashMap<>();
		jdbc.sql("SELECT area_code, residents FROM people_residents_by_area WHERE residents <> 0")
			.query(rs -> {
				kept.put(rs.getString(1), rs.getLong(2));
			});
		Map<String, Long> counted = new HashMap<>();
		jdbc.sql("SELECT area_code, count(*) FROM people_person GROUP BY area_code").query(rs -> {
			counted.put(rs.getString(1), rs.getLong(2));
		});
		assertThat(kept).isEqualTo(counted);
	}
}
