package org.frontline.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A round recorded through the scan protocol (check-ins at the queue's entrance, samples at two stations, each at a
 * generated time with known swab times), compared with its plan and learned from: the next plan uses what it taught.
 */
class PlanningLearningIntegrationTests extends IntegrationTest {

	private static final String PASSWORD = DEMO_PASSWORD + "-Strong!9";

	@Test
	void aRecordedRoundShowsItsActualQueueAndTeachesTheNextPlanItsRateAndArrivals() {
		PlanningFixture fixture = new PlanningFixture(api());
		String community = fixture.community(1, "学习社区");
		String compound = fixture.compound(community, 1, "学习花园");
		List<String> people = fixture.residents(compound, 400, 0);
		long site = fixture.site("学习花园采样点", "FIXED", compound, 2);
		Instant start = Instant.now().minus(Duration.ofHours(6)).truncatedTo(ChronoUnit.MINUTES);
		long round = fixture.round(start);
		assertThat(api().as("admin").post("/api/v1/rounds/" + round + "/open", "").status()).isEqualTo(200);
		Response planned = api().as("commander").post("/api/v1/rounds/" + round + "/plan",
				Map.of("stationRate", 200, "arrivalProfile", List.of(30, 40, 20, 10)));
		assertThat(planned.status()).as(planned.body()).isEqualTo(201);

		// Two stations swabbing 75 people an hour each (0.8 minutes a swab); 160 people come in the busiest hour.
		List<LearningTests.Visit> visits = LearningTests.recordedSite(site, 400, new double[] { 30, 40, 20, 10 }, 2, 0.8, 3);
		List<Map<String, Object>> checkIns = new ArrayList<>();
		Map<String, List<Map<String, Object>>> byStation = new HashMap<>();
		Map<String, String> tubes = new HashMap<>();
		for (int i = 0; i < visits.size(); i++) {
			LearningTests.Visit visit = visits.get(i);
			checkIns.add(event("CHECKED_IN", at(start, visit.checkedIn()), "roundId", round, "siteId", site, "idNumber",
					people.get(i), "temperature", 36.5));
			List<Map<String, Object>> station = byStation.computeIfAbsent(visit.station(), s -> new ArrayList<>());
			long samples = station.stream().filter(e -> e.get("type").equals("SAMPLED")).count();
			if (samples % 10 == 0) {
				String stationNumber = visit.station().substring(visit.station().lastIndexOf('-') + 1);
				tubes.put(visit.station(), "PL" + round + "S" + stationNumber + "T" + samples / 10);
				station.add(event("TUBE_OPENED", at(start, visit.sampled() - 0.1), "roundId", round, "siteId", site,
						"tubeCode", tubes.get(visit.station())));
			}
			station.add(event("SAMPLED", at(start, visit.sampled()), "tubeCode", tubes.get(visit.station()), "idNumber",
					people.get(i)));
		}
		assertAccepted(api().as("admin"), checkIns);
		for (Map.Entry<String, List<Map<String, Object>>> station : byStation.entrySet()) {
			assertAccepted(api().as(stationUser(station.getKey(), site), PASSWORD), station.getValue());
		}

		Response actual = api().as("commander").get("/api/v1/rounds/" + round + "/plan/actual");
		assertThat(actual.status()).as(actual.body()).isEqualTo(200);
		assertThat(actual.json().get("arrivals").asInt()).isEqualTo(400);
		assertThat(actual.json().get("planId").asLong()).isEqualTo(planned.json().get("planId").asLong());
		JsonNode recorded = actual.json().get("sites").get(0);
		assertThat(recorded.get("siteId").asLong()).isEqualTo(site);
		assertThat(recorded.get("sampled").asInt()).isEqualTo(400);
		assertThat(recorded.get("stations").asInt()).isEqualTo(2);
		assertThat(recorded.get("ratePerHour").asDouble()).isCloseTo(75, within(75 * 0.12));
		double lastSample = visits.stream().mapToDouble(LearningTests.Visit::sampled).max().orElseThrow();
		assertThat(recorded.get("doneMinutes").asDouble()).isCloseTo(lastSample, within(0.1));
		int longest = 0;
		for (JsonNode queue : recorded.get("queue")) {
			longest = Math.max(longest, queue.asInt());
		}
		assertThat(longest).isGreaterThan(5);
		assertThat(recorded.get("planned").get("siteId").asLong()).isEqualTo(site);
		double firstHour = 0;
		for (int slot = 0; slot < 6; slot++) {
			firstHour += actual.json().get("arrivalShares").get(slot).asDouble();
		}
		assertThat(firstHour).isCloseTo(0.3, within(0.05));

		Response learned = api().as("commander").post("/api/v1/rounds/" + round + "/plan/learn", "");
		assertThat(learned.status()).as(learned.body()).isEqualTo(200);
		assertThat(learned.json().get("stationRatePerHour").asDouble()).isCloseTo(75, within(75 * 0.12));
		assertThat(learned.json().get("sitesWithOwnRate").asInt()).isEqualTo(1);
		assertThat(learned.json().get("arrivals").asInt()).isEqualTo(400);

		Response next = api().as("commander").post("/api/v1/rounds/" + round + "/plan", Map.of());
		assertThat(next.status()).as(next.body()).isEqualTo(201);
		JsonNode assumptions = next.json().get("assumptions");
		assertThat(assumptions.get("rateSource").asString()).isEqualTo("LEARNED");
		assertThat(assumptions.get("profileSource").asString()).isEqualTo("LEARNED");
		assertThat(assumptions.get("learnedFromRound").asLong()).isEqualTo(round);
		assertThat(assumptions.get("arrivalShares")).hasSameSizeAs(learned.json().get("arrivalShares"));
		for (int slot = 0; slot < assumptions.get("arrivalShares").size(); slot++) {
			assertThat(assumptions.get("arrivalShares").get(slot).asDouble())
				.isCloseTo(learned.json().get("arrivalShares").get(slot).asDouble(), within(1e-9));
		}
		JsonNode nextSite = PlanningFixture.site(next.json(), site);
		assertThat(nextSite.get("rateSource").asString()).isEqualTo("LEARNED");
		assertThat(nextSite.get("ratePerHour").asDouble()).isCloseTo(recorded.get("ratePerHour").asDouble(), within(0.1));
	}

	@Test
	void aRoundWithNothingRecordedHasNothingToTeach() {
		PlanningFixture fixture = new PlanningFixture(api());
		String compound = fixture.compound(fixture.community(1, "空社区"), 1, "空花园");
		fixture.residents(compound, 5, 0);
		long round = fixture.round(Instant.now().plus(Duration.ofDays(2)));
		// Signing in writes its audit row and token: before counting.
		api().as("commander");
		Map<String, Long> before = rowCounts();
		Response learned = api().as("commander").post("/api/v1/rounds/" + round + "/plan/learn", "");
		assertThat(learned.status()).isEqualTo(409);
		assertThat(learned.json().get("type").asString()).endsWith("/nothing-recorded");
		assertThat(rowCounts()).isEqualTo(before);
		Response actual = api().as("commander").get("/api/v1/rounds/" + round + "/plan/actual");
		assertThat(actual.status()).isEqualTo(200);
		assertThat(actual.json().get("arrivals").asInt()).isZero();
	}

	private String stationUser(String station, long site) {
		String username = "plan-" + station + "-" + System.nanoTime() % 1_000_000;
		Response created = api().as("admin").post("/api/v1/users",
				Map.of("username", username, "password", PASSWORD, "roles", Set.of("REGISTRAR"), "site", site));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return username;
	}

	private static String at(Instant start, double minutes) {
		return start.plusMillis(Math.round(minutes * 60_000)).toString();
	}

	private static Map<String, Object> event(String type, String at, Object... pairs) {
		Map<String, Object> event = new HashMap<>();
		event.put("eventId", Api.uuid());
		event.put("type", type);
		event.put("at", at);
		for (int i = 0; i < pairs.length; i += 2) {
			event.put((String) pairs[i], pairs[i + 1]);
		}
		return event;
	}

	private static void assertAccepted(Api.As as, List<Map<String, Object>> events) {
		Response response = as.post("/api/v1/scans", Map.of("deviceId", "planning-test", "events", events));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		for (JsonNode result : response.json().get("results")) {
			assertThat(result.get("status").asString()).as(result.toString()).isIn("ACCEPTED", "DUPLICATE");
		}
	}
}
