package org.frontline.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.frontline.shared.AlertCleared;
import org.frontline.shared.AlertRaised;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.ViewerPrincipal;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/**
 * A subdistrict planned through the API: one site too small for its compound, one for two compounds, one with room,
 * and bedridden residents nobody visits; its proposals applied to the round's sites until the plan meets the norms.
 */
@RecordApplicationEvents
class PlanningApiIntegrationTests extends IntegrationTest {

	@Autowired
	private RoundPlans plans;

	@Autowired
	private ApplicationEvents events;

	private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");

	/** The round starts tomorrow at 7:00. */
	private static Instant tomorrowMorning() {
		return LocalDate.now(DISTRICT).plusDays(1).atTime(7, 0).atZone(DISTRICT).toInstant();
	}

	/** Sites and people of the scenario, and the round over them. */
	private record Scenario(PlanningFixture fixture, String one, String two, String a, String b, String c, String d,
			long tooSmall, long shared, long roomy, long round) {
	}

	private Scenario scenario() {
		PlanningFixture fixture = new PlanningFixture(api());
		String one = fixture.community(1, "规划一社区");
		String two = fixture.community(2, "规划二社区");
		String a = fixture.compound(one, 1, "规划花园");
		String b = fixture.compound(one, 2, "规划新村");
		String c = fixture.compound(one, 3, "规划小区");
		String d = fixture.compound(two, 1, "规划家园");
		fixture.residents(a, 2_000, 6);
		fixture.residents(b, 1_100, 3);
		fixture.residents(c, 800, 2);
		fixture.residents(d, 100, 1);
		long tooSmall = fixture.site("规划花园采样点", "FIXED", a, 2);
		long shared = fixture.site("规划一社区采样点", "FIXED", one, 2);
		long roomy = fixture.site("规划家园采样点", "FIXED", d, 8);
		return new Scenario(fixture, one, two, a, b, c, d, tooSmall, shared, roomy, fixture.round(tomorrowMorning()));
	}

	@Test
	void aPlanShowsEachSitesQueueAndWaitAndWhereTheRoundMissesTheNorms() {
		Scenario s = scenario();
		JsonNode plan = s.fixture().plan(s.round());
		assertThat(plan.get("residents").asInt()).isEqualTo(4_000);
		assertThat(plan.get("walkIn").asInt()).isEqualTo(3_988);
		assertThat(plan.get("doorToDoor").asInt()).isEqualTo(12);
		assertThat(plan.get("meetsNorms").asBoolean()).isFalse();
		assertThat(plan.get("assumptions").get("rateSource").asString()).isEqualTo("REQUEST");
		assertThat(plan.get("assumptions").get("profileSource").asString()).isEqualTo("REQUEST");
		assertThat(plan.get("sites")).hasSize(3);
		JsonNode tooSmall = PlanningFixture.site(plan, s.tooSmall());
		assertThat(tooSmall.get("people").asInt()).isEqualTo(1_994);
		assertThat(tooSmall.get("meetsNorms").asBoolean()).isFalse();
		assertThat(tooSmall.get("violations").get(0).get("norm").asString()).isEqualTo("WAIT");
		// Ten-minute slots over the five hours of arrivals at least, the p90 queue never below the median.
		assertThat(tooSmall.get("queueP90").size()).isGreaterThanOrEqualTo(30);
		for (int slot = 0; slot < tooSmall.get("queueP90").size(); slot++) {
			assertThat(tooSmall.get("queueP90").get(slot).asInt()).isGreaterThanOrEqualTo(tooSmall.get("queueP50").get(slot).asInt());
		}
		JsonNode shared = PlanningFixture.site(plan, s.shared());
		assertThat(shared.get("compounds")).extracting(n -> n.get("name").asString()).containsExactly("规划新村", "规划小区");
		assertThat(shared.get("meetsNorms").asBoolean()).isFalse();
		JsonNode roomy = PlanningFixture.site(plan, s.roomy());
		assertThat(roomy.get("meetsNorms").asBoolean()).isTrue();
		assertThat(roomy.get("tubes").asInt()).isBetween(10, 18);
		assertThat(roomy.get("swabs").asInt()).isEqualTo(99);
		assertThat(plan.get("violations")).extracting(v -> v.get("norm").asString()).contains("WAIT", "SERVED");
		assertThat(plan.get("totals").get("sitesMissingNorms").asInt()).isEqualTo(2);
		assertThat(plan.get("sites").get(2).get("siteId").asLong()).isEqualTo(s.roomy());

		JsonNode again = s.fixture().plan(s.round());
		assertThat(again.get("planId").asLong()).isGreaterThan(plan.get("planId").asLong());
		assertThat(again.get("sites")).isEqualTo(plan.get("sites"));
		Response latest = api().as("commander").get("/api/v1/rounds/" + s.round() + "/plan");
		assertThat(latest.status()).isEqualTo(200);
		assertThat(latest.json().get("planId").asLong()).isEqualTo(again.get("planId").asLong());
		assertThat(latest.json().get("sites")).isEqualTo(plan.get("sites"));
	}

	@Test
	void theRecommendedProposalsAppliedToTheRoundsSitesMakeTheNextPlanMeetTheNorms() {
		Scenario s = scenario();
		s.fixture().plan(s.round());
		List<JsonNode> proposals = proposals(s.round());
		JsonNode move = only(proposals, s.shared(), "MOVE_COMPOUND");
		assertThat(move.get("recommended").asBoolean()).isTrue();
		assertThat(move.get("compound").asString()).isEqualTo(s.c());
		assertThat(move.get("compoundName").asString()).isEqualTo("规划小区");
		assertThat(move.get("targetSiteId").asLong()).isEqualTo(s.roomy());
		assertThat(move.get("staffHours").asDouble()).isZero();
		JsonNode extra = only(proposals, s.tooSmall(), "EXTRA_STATIONS");
		assertThat(extra.get("recommended").asBoolean()).isTrue();
		assertThat(proposals.stream().filter(p -> p.get("kind").asString().equals("DOOR_TO_DOOR_TEAM")))
			.extracting(p -> p.get("area").asString())
			.containsExactly(s.one(), s.two());

		int sitesBefore = sites();
		for (JsonNode proposal : proposals) {
			if (proposal.get("recommended").asBoolean()) {
				Response applied = apply(s.round(), proposal.get("n").asInt());
				assertThat(applied.status()).as(applied.body()).isEqualTo(200);
				assertThat(applied.json().get("appliedAt").isNull()).isFalse();
			}
		}
		assertThat(sites()).isEqualTo(sitesBefore + 2);
		int peak = 0;
		for (JsonNode hour : extra.get("stationsPerHour")) {
			peak = Math.max(peak, 2 + hour.asInt());
		}
		assertThat(api().as("commander").get("/api/v1/sites/" + s.tooSmall()).json().get("stations").asInt()).isEqualTo(peak);

		// Applying again changes nothing.
		Map<String, Long> before = rowCounts();
		Response twice = apply(s.round(), extra.get("n").asInt());
		assertThat(twice.status()).isEqualTo(200);
		assertThat(twice.json().get("appliedAt")).isEqualTo(apply(s.round(), extra.get("n").asInt()).json().get("appliedAt"));
		assertThat(rowCounts()).isEqualTo(before);

		JsonNode replanned = s.fixture().plan(s.round());
		assertThat(replanned.get("violations")).isEmpty();
		assertThat(replanned.get("meetsNorms").asBoolean()).isTrue();
		assertThat(PlanningFixture.site(replanned, s.roomy()).get("compounds"))
			.extracting(n -> n.get("code").asString())
			.contains(s.c(), s.d());
		assertThat(replanned.get("doorToDoor").asInt()).isEqualTo(12);
		assertThat(replanned.get("proposals").asInt()).isZero();
	}

	@Test
	void aMobilePointProposedForACompoundIsSetUpAsAMobileSiteWithAStopThere() {
		Scenario s = scenario();
		s.fixture().plan(s.round());
		List<JsonNode> proposals = proposals(s.round());
		JsonNode point = only(proposals, s.shared(), "MOBILE_POINT");
		assertThat(point.get("recommended").asBoolean()).isFalse();
		assertThat(point.get("compound").asString()).isEqualTo(s.c());
		Response applied = apply(s.round(), point.get("n").asInt());
		assertThat(applied.status()).as(applied.body()).isEqualTo(200);
		long created = applied.json().get("createdSiteId").asLong();
		JsonNode site = api().as("commander").get("/api/v1/sites/" + created).json();
		assertThat(site.get("kind").asString()).isEqualTo("MOBILE");
		assertThat(site.get("name").asString()).isEqualTo("规划小区流动采样点");
		assertThat(site.get("stops").get(0).get("area").asString()).isEqualTo(s.c());

		JsonNode replanned = s.fixture().plan(s.round());
		JsonNode newPoint = PlanningFixture.site(replanned, created);
		assertThat(newPoint.get("people").asInt()).isEqualTo(798);
		assertThat(newPoint.get("meetsNorms").asBoolean()).isTrue();
		assertThat(PlanningFixture.site(replanned, s.shared()).get("meetsNorms").asBoolean()).isTrue();
		assertThat(PlanningFixture.site(replanned, s.shared()).get("people").asInt()).isEqualTo(1_097);
	}

	@Test
	void aWhatIfSimulatesOneSiteWithOtherStationsAndStoresNothing() {
		Scenario s = scenario();
		JsonNode plan = s.fixture().plan(s.round());
		JsonNode tooSmall = PlanningFixture.site(plan, s.tooSmall());
		Map<String, Long> before = rowCounts();
		Response same = api().as("commander").post("/api/v1/rounds/" + s.round() + "/plan/what-if",
				Map.of("siteId", s.tooSmall(), "stationsPerHour", List.of(2, 2, 2, 2, 2)));
		assertThat(same.status()).as(same.body()).isEqualTo(200);
		assertThat(same.json().get("waitP90")).isEqualTo(tooSmall.get("waitP90"));
		assertThat(same.json().get("doneP90Minutes")).isEqualTo(tooSmall.get("doneP90Minutes"));
		Response more = api().as("commander").post("/api/v1/rounds/" + s.round() + "/plan/what-if",
				Map.of("siteId", s.tooSmall(), "stationsPerHour", List.of(3, 4, 3, 2, 2)));
		assertThat(more.status()).as(more.body()).isEqualTo(200);
		assertThat(more.json().get("meetsNorms").asBoolean()).isTrue();
		assertThat(more.json().get("staffPerHour").get(1).asInt()).isEqualTo(4 * 2 + 2);
		Response opensLate = api().as("commander").post("/api/v1/rounds/" + s.round() + "/plan/what-if",
				Map.of("siteId", s.roomy(), "stationsPerHour", List.of(0, 8, 8, 8, 8)));
		assertThat(opensLate.json().get("waitP50").get(0).asDouble()).isGreaterThan(20);
		assertThat(rowCounts()).isEqualTo(before);
	}

	@Test
	void badRequestsAreRefusedByFieldAndChangeNothing() {
		Scenario s = scenario();
		String base = "/api/v1/rounds/" + s.round() + "/plan";
		assertThat(api().as("commander").get(base + "/proposals").status()).isEqualTo(404);
		// Signing in writes its audit row and token: before counting.
		api().as("community");
		api().as("leader");
		Map<String, Long> before = rowCounts();
		assertField(api().as("commander").post(base, Map.of("runs", 0)), "runs");
		assertField(api().as("commander").post(base, Map.of("runs", 101)), "runs");
		assertField(api().as("commander").post(base, Map.of("stationRate", 0)), "stationRate");
		assertField(api().as("commander").post(base, Map.of("arrivalProfile", List.of())), "arrivalProfile");
		assertField(api().as("commander").post(base, Map.of("arrivalProfile", List.of(0, 0))), "arrivalProfile");
		assertField(api().as("commander").post(base, Map.of("arrivalProfile", List.of(1, -1))), "arrivalProfile");
		assertThat(api().as("commander").post(base, Map.of("runs", "many")).status()).isEqualTo(400);
		assertThat(api().as("commander").post(base + "/what-if", Map.of("siteId", s.roomy(), "stationsPerHour",
				List.of(1))).status()).isEqualTo(404);
		assertThat(api().as("commander").post(base + "/proposals/1/apply", "").status()).isEqualTo(404);
		assertThat(api().as("community").post(base, Map.of()).status()).isEqualTo(403);
		assertThat(api().as("leader").get(base).status()).isEqualTo(403);
		assertThat(api().as("commander").post("/api/v1/rounds/999999999/plan", Map.of()).status()).isEqualTo(404);
		assertThat(rowCounts()).isEqualTo(before);

		s.fixture().plan(s.round());
		Map<String, Long> planned = rowCounts();
		assertField(api().as("commander").post(base + "/what-if", Map.of("stationsPerHour", List.of(1))), "siteId");
		assertField(api().as("commander").post(base + "/what-if", Map.of("siteId", s.roomy(), "stationsPerHour",
				List.of(1, -1))), "stationsPerHour");
		assertField(api().as("commander").post(base + "/what-if", Map.of("siteId", s.roomy(), "stationsPerHour",
				List.of(201))), "stationsPerHour");
		assertThat(api().as("commander").post(base + "/what-if", Map.of("siteId", 999_999_999, "stationsPerHour",
				List.of(1))).status()).isEqualTo(404);
		assertThat(api().as("commander").post(base + "/proposals/999/apply", "").status()).isEqualTo(404);
		assertThat(rowCounts()).isEqualTo(planned);
	}

	@Test
	void aPlanMissingTheNormsRaisesAnAlertForTheCommandCentreAndAPlanMeetingThemClearsIt() {
		Scenario s = scenario();
		String key = "round-plan:" + s.round();
		PlanRequest request = new PlanRequest(5L, 20, 200.0, List.of(24.0, 26.0, 20.0, 16.0, 14.0));
		asCommander(() -> plans.plan(s.round(), request));
		AlertRaised raised = events.stream(AlertRaised.class).filter(a -> a.key().equals(key)).findFirst().orElseThrow();
		assertThat(raised.source()).isEqualTo("planning");
		assertThat(raised.area()).isEqualTo(s.fixture().subdistrict);
		assertThat(raised.href()).isEqualTo("/planning/rounds/" + s.round());
		assertThat(raised.deadline()).isEqualTo(tomorrowMorning());
		assertThat(raised.args()).startsWith("规划测试轮次" + s.fixture().subdistrict, "2");
		assertThat(events.stream(AlertCleared.class).filter(a -> a.key().equals(key))).isEmpty();
		asCommander(() -> {
			plans.proposals(s.round()).stream().filter(Proposal::recommended).forEach(p -> plans.apply(s.round(), p.n()));
			return plans.plan(s.round(), request);
		});
		assertThat(events.stream(AlertCleared.class).filter(a -> a.key().equals(key))).hasSize(1);
	}

	@Test
	void aSiteWhoseShiftsAreGeneratedIsStaffedAsTheySayAndThePlannedNeedsGoOutForSupplies() {
		Scenario s = scenario();
		Response generated = api().as("admin").post("/api/v1/shifts/generate",
				Map.of("siteId", s.roomy(), "roundId", s.round()));
		assertThat(generated.status()).as(generated.body()).isEqualTo(200);
		PlanRequest request = new PlanRequest(5L, 20, 200.0, List.of(24.0, 26.0, 20.0, 16.0, 14.0));

		RoundPlan plan = asCommander(() -> plans.plan(s.round(), request));

		assertThat(plan.assumptions().sitesStaffedByShifts()).isOne();
		SitePlan roomy = plan.sites().stream().filter(site -> site.siteId() == s.roomy()).findFirst().orElseThrow();
		// Per station and window a sampler and a registrar; per window a leader and the two order keepers.
		assertThat(roomy.staffPerHour().get(0)).isEqualTo(8 * 2 + 3);
		SitePlan shared = plan.sites().stream().filter(site -> site.siteId() == s.shared()).findFirst().orElseThrow();
		assertThat(shared.staffPerHour().get(0))
			.isEqualTo(2 * plan.assumptions().staffPerStation() + plan.assumptions().staffPerSite());
		RoundPlanned planned = events.stream(RoundPlanned.class)
			.filter(e -> e.planId() == plan.planId())
			.findFirst()
			.orElseThrow();
		assertThat(planned.roundId()).isEqualTo(s.round());
		assertThat(planned.sites()).hasSameSizeAs(plan.sites());
		for (SitePlan site : plan.sites()) {
			RoundPlanned.SiteNeeds needs = planned.sites()
				.stream()
				.filter(n -> n.siteId() == site.siteId())
				.findFirst()
				.orElseThrow();
			assertThat(needs.tubesByPool().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(site.tubes());
			assertThat(needs.swabs()).isEqualTo(site.swabs());
			assertThat(needs.ppeSets()).isEqualTo(site.ppeSets());
		}
		assertThat(planned.sites().stream().mapToInt(RoundPlanned.SiteNeeds::swabs).sum())
			.isEqualTo(plan.totals().swabs());
	}

	/** Calls the service as the demo commander would through a page or the API. */
	private <T> T asCommander(Supplier<T> call) {
		long id = jdbc.sql("SELECT id FROM security_user WHERE username = 'commander'").query(Long.class).single();
		Viewer viewer = new Viewer(id, "commander", Set.of(Role.COMMANDER), "320602");
		ViewerPrincipal principal = () -> viewer;
		SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(principal, null,
				List.of(new SimpleGrantedAuthority("ROLE_COMMANDER"))));
		try {
			return call.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static void assertField(Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
	}

	private List<JsonNode> proposals(long round) {
		Response response = api().as("commander").get("/api/v1/rounds/" + round + "/plan/proposals");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<JsonNode> proposals = new ArrayList<>();
		response.json().forEach(proposals::add);
		return proposals;
	}

	private static JsonNode only(List<JsonNode> proposals, long site, String kind) {
		List<JsonNode> found = proposals.stream()
			.filter(p -> !p.get("siteId").isNull() && p.get("siteId").asLong() == site && p.get("kind").asString().equals(kind))
			.toList();
		assertThat(found).as(proposals.toString()).hasSize(1);
		return found.get(0);
	}

	private Response apply(long round, int n) {
		return api().as("commander").post("/api/v1/rounds/" + round + "/plan/proposals/" + n + "/apply", "");
	}

	private int sites() {
		return jdbc.sql("SELECT count(*) FROM testing_site").query(Integer.class).single();
	}
}
