package org.frontline.zones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.frontline.zones.ZonesFixture.zone;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.frontline.shared.AlertCleared;
import org.frontline.shared.AlertRaised;
import org.frontline.shared.AlertSeverity;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import tools.jackson.databind.JsonNode;

/**
 * The zones read testing's results: a positive among a zone's residents resets its clean days and proposes locking
 * their building down (never by itself), and a full round of the zone's residents all negative meets the
 * negative-round criterion.
 */
class ZoneTestingIntegrationTests extends IntegrationTest {

	@Autowired
	private Zones zones;

	@Autowired
	private ApplicationEventMulticaster multicaster;

	private final List<Object> alerts = new CopyOnWriteArrayList<>();

	/** The command centre's part, which no module plays yet: every alert raised or cleared while a test runs. */
	private final ApplicationListener<ApplicationEvent> alertListener = event -> {
		if (event instanceof PayloadApplicationEvent<?> payload
				&& (payload.getPayload() instanceof AlertRaised || payload.getPayload() instanceof AlertCleared)) {
			alerts.add(payload.getPayload());
		}
	};

	private ZonesFixture fixture;

	private ZoneRound round;

	@BeforeEach
	void roundAndAlerts() {
		clock.reset();
		fixture = new ZonesFixture(api());
		round = new ZoneRound(api(), fixture);
		multicaster.addApplicationListener(alertListener);
	}

	@AfterEach
	void stopListening() {
		multicaster.removeApplicationListener(alertListener);
	}

	private java.time.Instant daysAgo(int days) {
		return LocalDate.now(clock).minusDays(days).atStartOfDay(clock.getZone()).toInstant();
	}

	private List<JsonNode> proposals() {
		Response proposals = api().as("commander").get("/api/v1/zone-proposals?area=" + fixture.subdistrict);
		assertThat(proposals.status()).as(proposals.body()).isEqualTo(200);
		return java.util.stream.StreamSupport.stream(proposals.json().spliterator(), false).toList();
	}

	@Test
	void aConfirmedPositiveProposesLockingDownTheBuildingWithAnAlertAndNothingChangesUntilTheCommanderDecides() {
		fixture.rule("PREVENTION", 20, 14, null, "NONE", daysAgo(10));
		fixture.rule("LOCKDOWN", 1, 7, null, "CONTROL", daysAgo(10));
		fixture.notice(daysAgo(9), List.of(zone(fixture.subdistrict, List.of(), "PREVENTION")));
		long prevention = fixture.zoneOn(fixture.subdistrict, List.of()).get("id").asLong();
		assertThat(fixture.boardRow(prevention).get("daysClean").asInt()).isEqualTo(9);
		long first = fixture.resident(fixture.compound, "7");
		long second = fixture.resident(fixture.compound, "7");

		round.result(round.singleTube(first), "POSITIVE");
		await().atMost(Duration.ofSeconds(20)).until(() -> proposals().size() == 1);
		JsonNode proposal = proposals().get(0);
		assertThat(proposal.get("status").asString()).isEqualTo("PENDING");
		assertThat(proposal.get("area").asString()).isEqualTo(fixture.compound);
		assertThat(proposal.get("building").asString()).isEqualTo("7");
		assertThat(proposal.get("currentLevel").asString()).isEqualTo("PREVENTION");
		long id = proposal.get("id").asLong();
		await().atMost(Duration.ofSeconds(10)).until(() -> alerts.stream()
			.anyMatch(a -> a instanceof AlertRaised raised && raised.key().equals("proposal-" + id)));
		AlertRaised raised = (AlertRaised) alerts.stream()
			.filter(a -> a instanceof AlertRaised r && r.key().equals("proposal-" + id)).findFirst().orElseThrow();
		assertThat(raised.source()).isEqualTo("zones");
		assertThat(raised.severity()).isEqualTo(AlertSeverity.URGENT);
		assertThat(raised.area()).isEqualTo(fixture.compound);
		assertThat(raised.href()).isEqualTo("/zones/proposals");
		// The positive resets the clean days of the zone around it; no zone was set by the proposal.
		JsonNode row = fixture.boardRow(prevention);
		assertThat(row.get("daysClean").asInt()).isZero();
		assertThat(LocalDate.parse(row.get("earliestLift").asString())).isEqualTo(LocalDate.now(clock).plusDays(14));
		assertThat(api().as("commander").get("/api/v1/zones?area=" + fixture.compound).json())
			.extracting(z -> z.get("area").asString()).containsOnly(fixture.subdistrict);

		round.result(round.singleTube(second), "POSITIVE");
		await().atMost(Duration.ofSeconds(20)).until(() -> proposals().get(0).get("positives").asInt() == 2);
		assertThat(proposals()).hasSize(1);

		Response confirmed = api().as("commander").post("/api/v1/zone-proposals/" + id + "/confirm", Map.of());
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		assertThat(confirmed.json().get("status").asString()).isEqualTo("CONFIRMED");
		JsonNode locked = fixture.zoneOn(fixture.compound, List.of("7"));
		assertThat(locked.get("level").asString()).isEqualTo("LOCKDOWN");
		assertThat(confirmed.json().get("zoneId").asLong()).isEqualTo(locked.get("id").asLong());
		JsonNode notice = api().as("commander").get("/api/v1/notices/" + locked.get("noticeId").asLong()).json();
		assertThat(notice.get("text").asString()).contains("2例");
		await().atMost(Duration.ofSeconds(10)).until(() -> alerts.stream()
			.anyMatch(a -> a instanceof AlertCleared cleared && cleared.key().equals("proposal-" + id)));
		assertThat(api().as("commander").post("/api/v1/zone-proposals/" + id + "/dismiss", Map.of("reason", "重复"))
			.status()).isEqualTo(409);

		// A further positive in the locked building proposes nothing more.
		long third = fixture.resident(fixture.compound, "7");
		round.result(round.singleTube(third), "POSITIVE");
		long lateAlerts = alerts.size();
		awaitEventListeners();
		assertThat(proposals()).hasSize(1);
		assertThat(alerts).hasSize((int) lateAlerts);
	}

	@Test
	void aProposalIsDismissedOnlyWithAReason() {
		fixture.rule("LOCKDOWN", 1, 7, null, "CONTROL", daysAgo(10));
		long person = fixture.resident(fixture.otherCompound, "12");
		round.result(round.singleTube(person), "POSITIVE");
		await().atMost(Duration.ofSeconds(20)).until(() -> proposals().size() == 1);
		long id = proposals().get(0).get("id").asLong();
		Response noReason = api().as("commander").post("/api/v1/zone-proposals/" + id + "/dismiss", Map.of());
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
		Response dismissed = api().as("commander").post("/api/v1/zone-proposals/" + id + "/dismiss",
				Map.of("reason", "阳性人员为外地返通人员，已在隔离点"));
		assertThat(dismissed.status()).as(dismissed.body()).isEqualTo(200);
		assertThat(dismissed.json().get("status").asString()).isEqualTo("DISMISSED");
		assertThat(api().as("commander").get("/api/v1/zones?area=" + fixture.otherCompound).json()).isEmpty();
	}

	@Test
	void aFullRoundOfTheZonesResidentsAllNegativeMeetsTheNegativeRoundCriterion() {
		fixture.rule("LOCKDOWN", 1, 1, 1, "CONTROL", daysAgo(3));
		fixture.notice(daysAgo(2), List.of(zone(fixture.compound, List.of("5"), "LOCKDOWN")));
		long zone = fixture.zoneOn(fixture.compound, List.of("5")).get("id").asLong();
		long one = fixture.resident(fixture.compound, "5");
		long two = fixture.resident(fixture.compound, "5");
		fixture.resident(fixture.compound, "6");

		zones.checkRounds();
		JsonNode before = fixture.boardRow(zone);
		assertThat(before.get("daysClean").asInt()).isEqualTo(2);
		assertThat(before.get("negativeRound").asString()).isEqualTo("PENDING");
		assertThat(before.get("eligible").asBoolean()).isFalse();
		assertThat(api().as("commander").post("/api/v1/zones/" + zone + "/lift", Map.of("to", "CONTROL")).status())
			.isEqualTo(409);

		String first = round.singleTube(one);
		String secondTube = round.singleTube(two);
		round.result(first, "NEGATIVE");
		zones.checkRounds();
		assertThat(fixture.boardRow(zone).get("negativeRound").asString()).isEqualTo("PENDING");

		round.result(secondTube, "NEGATIVE");
		zones.checkRounds();
		JsonNode after = fixture.boardRow(zone);
		assertThat(after.get("negativeRound").asString()).isEqualTo("MET");
		assertThat(after.get("roundName").asString()).startsWith("分区轮次-");
		assertThat(after.get("eligible").asBoolean()).isTrue();
		Response lifted = api().as("commander").post("/api/v1/zones/" + zone + "/lift", Map.of("to", "CONTROL"));
		assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
	}

	@Test
	void theRoundPlanSamplesACompoundLockedDownAsAWholeAndTheLockedDownBuildingsOfAnotherDoorToDoorInTheirZonesTubes() {
		// Long before any other test's rules (rules are district-wide): only that the level has rules matters here.
		fixture.rule("LOCKDOWN", 1, 7, null, "CONTROL", daysAgo(60));
		fixture.resident(fixture.compound, "1");
		fixture.resident(fixture.compound, "2");
		fixture.resident(fixture.otherCompound, "1");
		fixture.resident(fixture.otherCompound, "2");
		fixture.resident(fixture.otherCompound, "3");
		Response team = api().as("admin").post("/api/v1/sites", Map.of("name", ZonesFixture.unique("分区上门队-"),
				"kind", "DOOR_TO_DOOR", "area", fixture.community, "location", "社区", "stations", 1));
		assertThat(team.status()).as(team.body()).isEqualTo(201);
		Map<String, Object> request = Map.of("seed", 5, "runs", 5, "stationRate", 200, "arrivalProfile",
				List.of(24, 26, 20, 16, 14));

		JsonNode before = api().as("commander").post("/api/v1/rounds/" + round.id + "/plan", request).json();
		assertThat(before.get("doorToDoor").asInt()).as(before.toString()).isZero();

		fixture.notice(daysAgo(1), List.of(zone(fixture.compound, List.of(), "LOCKDOWN"),
				zone(fixture.otherCompound, List.of("3"), "LOCKDOWN")));
		Response planned = api().as("commander").post("/api/v1/rounds/" + round.id + "/plan", request);
		assertThat(planned.status()).as(planned.body()).isEqualTo(201);
		assertThat(planned.json().get("residents").asInt()).isEqualTo(5);
		assertThat(planned.json().get("doorToDoor").asInt()).isEqualTo(3);
		assertThat(planned.json().get("walkIn").asInt()).isEqualTo(2);
		int pool = fixture.zoneOn(fixture.compound, List.of()).get("rule").get("poolSize").asInt();
		assertThat(fixture.zoneOn(fixture.otherCompound, List.of("3")).get("rule").get("poolSize").asInt())
			.isEqualTo(pool);
		JsonNode visits = site(planned.json(), team.json().get("id").asLong());
		assertThat(visits.get("people").asInt()).isEqualTo(3);
		assertThat(visits.get("tubesByPool").get(String.valueOf(pool)).asInt()).isEqualTo((3 + pool - 1) / pool);
		assertThat(visits.get("tubesByPool").size()).isOne();
		List<Integer> teams = new java.util.ArrayList<>();
		visits.get("stationsPerHour").forEach(n -> teams.add(n.asInt() + 1));
		Response whatIf = api().as("commander").post("/api/v1/rounds/" + round.id + "/plan/what-if",
				Map.of("siteId", team.json().get("id").asLong(), "stationsPerHour", teams));
		assertThat(whatIf.status()).as(whatIf.body()).isEqualTo(200);
		assertThat(whatIf.json().get("tubesByPool")).as("more teams, the same people in the same zones")
			.isEqualTo(visits.get("tubesByPool"));
		JsonNode walkIns = site(planned.json(), round.site);
		assertThat(walkIns.get("tubesByPool").get("10").asInt())
			.as("the other compound's two, as the round pools (a tube a station at most)").isBetween(1, 2);
	}

	private static JsonNode site(JsonNode plan, long siteId) {
		for (JsonNode site : plan.get("sites")) {
			if (site.get("siteId").asLong() == siteId) {
				return site;
			}
		}
		throw new AssertionError("Site " + siteId + " is not in the plan: " + plan);
	}
}
