package org.frontline.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frontline.testing.ResultsFixture.result;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FollowUpIntegrationTests extends IntegrationTest {

	private ResultsFixture fixture;

	@BeforeEach
	void setUp() {
		fixture = new ResultsFixture(api(), 10);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private Map<Long, JsonNode> tasksByPerson(JsonNode tube) {
		Map<Long, JsonNode> tasks = new HashMap<>();
		tube.get("followUp").forEach(t -> tasks.put(t.get("personId").asLong(), t));
		return tasks;
	}

	@Test
	void aPositivePoolGivesEveryMemberARetestTaskOwnedByTheirCommunity() {
		long bedridden = fixture.testing.person(TestData.BILINWAN_COMPOUND, "卧床老人", TestData.residentId(),
				TestData.phone(), List.of("BEDRIDDEN"));
		long bilinwan = fixture.testing.person(TestData.BILINWAN_COMPOUND);
		long chenyuan = fixture.testing.person(TestData.CHENYUAN_COMPOUND);
		String tube = fixture.tube(List.of(bedridden, bilinwan, chenyuan), 10, true);
		Instant posted = clock.instant();
		assertThat(fixture.post(fixture.labStaff, List.of(result(tube, "POSITIVE"))).get(0).get("status").asString())
			.isEqualTo("ACCEPTED");

		Map<Long, JsonNode> tasks = tasksByPerson(api().as("admin").get("/api/v1/tubes/" + tube).json());
		assertThat(tasks).hasSize(3);
		assertThat(tasks.get(bedridden).get("community").asString()).isEqualTo("320602001001");
		assertThat(tasks.get(bilinwan).get("community").asString()).isEqualTo("320602001001");
		assertThat(tasks.get(chenyuan).get("community").asString()).isEqualTo("320602001002");
		assertThat(tasks.get(bedridden).get("doorToDoor").asBoolean()).isTrue();
		assertThat(tasks.get(bilinwan).get("doorToDoor").asBoolean()).isFalse();
		Duration due = Duration.between(posted, Instant.parse(tasks.get(chenyuan).get("dueAt").asString()));
		assertThat(due).isBetween(Duration.ofMinutes(119), Duration.ofMinutes(121));
		assertThat(tasks.values()).allMatch(t -> t.get("status").asString().equals("OPEN"));

		// The community of 晨苑 sees its member's task only, and can take it.
		Response chenyuanTasks = api().as("community").get("/api/v1/tasks?status=OPEN");
		assertThat(chenyuanTasks.status()).as(chenyuanTasks.body()).isEqualTo(200);
		List<Long> seen = new ArrayList<>();
		chenyuanTasks.json().forEach(t -> seen.add(t.get("personId").asLong()));
		assertThat(seen).contains(chenyuan).doesNotContain(bedridden, bilinwan);
		Response taken = api().as("community").post("/api/v1/tasks/" + tasks.get(chenyuan).get("id").asLong() + "/take", Map.of());
		assertThat(taken.status()).as(taken.body()).isEqualTo(200);
		assertThat(taken.json().get("holder").asString()).isEqualTo("community");
		assertThat(api().as("community").post("/api/v1/tasks/" + tasks.get(bilinwan).get("id").asLong() + "/take",
				Map.of()).status()).isEqualTo(404);

		// Alerts: one per community concerned; the commander sees the pool at the top of the inbox.
		assertThat(jdbc.sql("""
				SELECT count(*) FROM testing_followup_alert a JOIN testing_tube t ON t.id = a.tube_id
				WHERE t.code = :t AND a.kind = 'POSITIVE_POOL'""").param("t", tube).query(Long.class).single()).isEqualTo(2);
		JsonNode inbox = api().as("commander").get("/api/v1/followups").json();
		assertThat(inbox.get("pools").get(0).get("tubeCode").asString()).isEqualTo(tube);
		assertThat(inbox.get("pools").get(0).get("open").asLong()).isEqualTo(3);

		clock.advance(Duration.ofHours(3));
		JsonNode overdue = tasksByPerson(api().as("admin").get("/api/v1/tubes/" + tube).json()).get(bilinwan);
		assertThat(overdue.get("overdue").asBoolean()).isTrue();
	}

	@Test
	void singleTubeResultsClearMembersOrConfirmThemPositive() {
		List<Long> people = fixture.people(TestData.BILINWAN_COMPOUND, 3);
		String pool = fixture.tube(people, 10, true);
		fixture.post(fixture.labStaff, List.of(result(pool, "POSITIVE")));
		String negative = fixture.tube(List.of(people.get(0)), 1, true, true);
		String positive = fixture.tube(List.of(people.get(1)), 1, true, true);
		List<JsonNode> answers = fixture.post(fixture.labStaff, List.of(result(negative, "NEGATIVE"), result(positive, "POSITIVE")));
		assertThat(answers).extracting(a -> a.get("status").asString()).containsOnly("ACCEPTED");

		Map<Long, JsonNode> tasks = tasksByPerson(api().as("admin").get("/api/v1/tubes/" + pool).json());
		assertThat(tasks.get(people.get(0)).get("status").asString()).isEqualTo("CLEARED");
		assertThat(tasks.get(people.get(0)).get("resultTube").asString()).isEqualTo(negative);
		assertThat(tasks.get(people.get(0)).get("singleTubeOutcome").asString()).isEqualTo("NEGATIVE");
		assertThat(tasks.get(people.get(1)).get("status").asString()).isEqualTo("CONFIRMED_POSITIVE");
		assertThat(tasks.get(people.get(2)).get("status").asString()).isEqualTo("OPEN");
		assertThat(jdbc.sql("""
				SELECT count(*) FROM testing_followup_alert WHERE kind = 'CONFIRMED_POSITIVE' AND person_id = :p""")
			.param("p", people.get(1)).query(Long.class).single()).isEqualTo(1);
		JsonNode inbox = api().as("commander").get("/api/v1/followups").json();
		JsonNode top = inbox.get("pools").get(0);
		assertThat(top.get("tubeCode").asString()).isEqualTo(pool);
		assertThat(top.get("resolved").asBoolean()).isFalse();
		assertThat(inbox.get("alerts").get(0).get("kind").asString()).isEqualTo("CONFIRMED_POSITIVE");

		String last = fixture.tube(List.of(people.get(2)), 1, true, true);
		fixture.post(fixture.labStaff, List.of(result(last, "NEGATIVE")));
		JsonNode after = api().as("commander").get("/api/v1/followups").json();
		after.get("pools").forEach(p -> {
			if (p.get("tubeCode").asString().equals(pool)) {
				assertThat(p.get("resolved").asBoolean()).isTrue();
				assertThat(p.get("open").asLong()).isZero();
			}
		});
		assertThat(after.get("pools").get(0).get("tubeCode").asString()).isNotEqualTo(pool);
	}

	@Test
	void anInvalidPoolIsFollowedUpLikeAPositiveOne() {
		List<Long> people = fixture.people(TestData.CHENYUAN_COMPOUND, 2);
		String pool = fixture.tube(people, 10, true);
		fixture.post(fixture.labStaff, List.of(result(pool, "INVALID")));
		JsonNode tube = api().as("admin").get("/api/v1/tubes/" + pool).json();
		assertThat(tube.get("followUp")).hasSize(2);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM testing_followup_alert a JOIN testing_tube t ON t.id = a.tube_id
				WHERE t.code = :t AND a.kind = 'INVALID_POOL'""").param("t", pool).query(Long.class).single()).isEqualTo(1);
	}
}
