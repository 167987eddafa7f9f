package org.frontline.supplies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.frontline.enterprise.BeddingNeeded;
import org.frontline.enterprise.CreditCode;
import org.frontline.enterprise.LoopEnded;
import org.frontline.enterprise.LoopHeadcountChanged;
import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import tools.jackson.databind.JsonNode;

/**
 * A closed loop's bedding becomes a request of the enterprise to the warehouse nearest above it, and the staff living
 * on site plan the enterprise's living supplies (the per-staff-and-day norms) until the loop ends.
 */
@EnableScenarios
class EnterpriseSuppliesIntegrationTests extends IntegrationTest {

	private static final AtomicLong ID = new AtomicLong(700_000_000 + System.nanoTime() % 1_000_000);

	@Test
	void beddingALoopNeedsBecomesOneRequestToTheNearestWarehouseByItsTime(Scenario scenario) {
		Map<String, Object> enterprise = jdbc.sql("SELECT id, area_code FROM enterprise_enterprise ORDER BY id LIMIT 1")
			.query().singleRow();
		long enterpriseId = ((Number) enterprise.get("id")).longValue();
		String area = (String) enterprise.get("area_code");
		long request = ID.incrementAndGet();
		Instant neededBy = Instant.now(clock).plus(Duration.ofHours(24)).truncatedTo(ChronoUnit.SECONDS);
		BeddingNeeded needed = new BeddingNeeded(request, ID.incrementAndGet(), enterpriseId, area, 300, neededBy,
				Instant.now(clock));

		scenario.publish(needed).andWaitForStateChange(() -> requests(request), n -> n == 1);
		scenario.publish(needed).andWaitForStateChange(() -> requests(request), n -> n == 1);
		awaitEventListeners();
		assertThat(requests(request)).isEqualTo(1);

		Map<String, Object> made = jdbc.sql("""
				SELECT r.place, r.warehouse, r.needed_by, r.status, l.item_code, l.requested, w.area_code
				FROM supplies_request r JOIN supplies_request_line l ON l.request_id = r.id
				JOIN supplies_warehouse w ON 'WAREHOUSE:' || w.id = r.warehouse
				WHERE r.client_id = :client""").param("client", clientId(request)).query().singleRow();
		assertThat(made.get("place")).isEqualTo("ENTERPRISE:" + enterpriseId);
		assertThat(made.get("status")).isEqualTo("REQUESTED");
		assertThat(made.get("item_code")).isEqualTo("BEDDING");
		assertThat(((Number) made.get("requested")).longValue()).isEqualTo(300);
		assertThat(((java.sql.Timestamp) made.get("needed_by")).toInstant()).isEqualTo(neededBy);
		String warehouseArea = (String) made.get("area_code");
		assertThat(area).startsWith(org.frontline.shared.AreaCodes.prefix(warehouseArea));
		// No warehouse lies closer above the enterprise than the one asked.
		List<String> closer = jdbc.sql("SELECT area_code FROM supplies_warehouse").query(String.class).list().stream()
			.filter(a -> org.frontline.shared.AreaCodes.contains(a, area))
			.filter(a -> org.frontline.shared.AreaCodes.prefix(a).length() > org.frontline.shared.AreaCodes
				.prefix(warehouseArea).length())
			.toList();
		assertThat(closer).isEmpty();
	}

	@Test
	void staffLivingOnSiteInALoopPlanTheEnterprisesLivingSuppliesUntilTheLoopEnds(Scenario scenario) {
		Map<String, Object> enterprise = jdbc.sql("SELECT id, area_code FROM enterprise_enterprise ORDER BY id DESC LIMIT 1")
			.query().singleRow();
		long enterpriseId = ((Number) enterprise.get("id")).longValue();
		String area = (String) enterprise.get("area_code");
		String place = "ENTERPRISE:" + enterpriseId;
		new SuppliesFixture(api(), jdbc).receive(place, "MEAL", 1_200, null, null);
		awaitEventListeners();
		long others = jdbc.sql("""
				SELECT coalesce(sum(headcount), 0) FROM supplies_loop_staff WHERE enterprise_id = :e AND NOT ended""")
			.param("e", enterpriseId).query(Long.class).single();
		long loop = ID.incrementAndGet();
		Instant now = Instant.now(clock);

		scenario.publish(new LoopHeadcountChanged(loop, enterpriseId, area, 40, now))
			.andWaitForStateChange(() -> headcount(loop), n -> n == 40);
		JsonNode meal = meal(place);
		// Three meals per staff member and day (the seeded norm).
		assertThat(meal.get("basis").asString()).isEqualTo("PLANNED");
		assertThat(meal.get("dailyUse").asDouble()).isCloseTo(3.0 * (others + 40), within(1e-9));
		assertThat(meal.get("days").asDouble())
			.isCloseTo(meal.get("usable").asLong() / (3.0 * (others + 40)), within(1e-9));

		// An older count delivered late changes nothing; a newer one does.
		scenario.publish(new LoopHeadcountChanged(loop, enterpriseId, area, 10, now.minusSeconds(60)))
			.andWaitForStateChange(() -> true);
		awaitEventListeners();
		assertThat(headcount(loop)).isEqualTo(40);
		scenario.publish(new LoopHeadcountChanged(loop, enterpriseId, area, 55, now.plusSeconds(1)))
			.andWaitForStateChange(() -> headcount(loop), n -> n == 55);
		assertThat(meal(place).get("dailyUse").asDouble()).isCloseTo(3.0 * (others + 55), within(1e-9));

		scenario.publish(new LoopEnded(loop, enterpriseId, area, now.plusSeconds(2)))
			.andWaitForStateChange(() -> headcount(loop), n -> n == 0);
		scenario.publish(new LoopHeadcountChanged(loop, enterpriseId, area, 55, now.plusSeconds(3)))
			.andWaitForStateChange(() -> true);
		awaitEventListeners();
		assertThat(headcount(loop)).isZero();
		if (others == 0) {
			assertThat(meal(place).get("basis").asString()).isNotEqualTo("PLANNED");
		}
		else {
			assertThat(meal(place).get("dailyUse").asDouble()).isCloseTo(3.0 * others, within(1e-9));
		}
	}

	@Test
	void aLoopsRosterAndBeddingThroughTheEnterpriseApiReachSupplies() {
		Api.As commander = api().as("commander");
		Response created = commander.post("/api/v1/enterprises", Map.of("name", SuppliesFixture.unique("物资企业-"),
				"creditCode", creditCode(), "address", "崇川区测试路 2 号", "area", TestData.BILINWAN_COMPOUND,
				"industry", "制造业", "staffCount", 50));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long enterprise = created.json().get("id").asLong();
		Response started = commander.post("/api/v1/enterprises/" + enterprise + "/loops", Map.of("notice", "第38号通告"));
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		long loop = started.json().get("id").asLong();
		List<Map<String, Object>> staff = List.of(staffMember("王一", "101"), staffMember("王二", "102"),
				staffMember("王三", "103"));
		Response roster = commander.post("/api/v1/loops/" + loop + "/roster", Map.of("staff", staff));
		assertThat(roster.status()).as(roster.body()).isEqualTo(200);
		awaitEventListeners();
		assertThat(headcount(loop)).isEqualTo(3);

		Response bedding = commander.post("/api/v1/loops/" + loop + "/bedding", Map.of());
		assertThat(bedding.status()).as(bedding.body()).isIn(200, 201);
		awaitEventListeners();
		long beddingRequest = bedding.json().get("requestId").asLong();
		assertThat(jdbc.sql("""
				SELECT l.requested FROM supplies_request r JOIN supplies_request_line l ON l.request_id = r.id
				WHERE r.client_id = :client AND r.place = :place AND l.item_code = 'BEDDING'""")
			.param("client", clientId(beddingRequest)).param("place", "ENTERPRISE:" + enterprise)
			.query(Long.class).single()).isEqualTo(3);

		assertThat(commander.post("/api/v1/loops/" + loop + "/end", Map.of()).status()).isEqualTo(200);
		awaitEventListeners();
		assertThat(headcount(loop)).isZero();
	}

	private static Map<String, Object> staffMember(String name, String room) {
		Map<String, Object> row = new java.util.HashMap<>();
		row.put("name", name);
		row.put("idType", "RESIDENT_ID");
		row.put("idNumber", TestData.residentId());
		row.put("phone", TestData.phone());
		row.put("shiftGroup", "A");
		row.put("building", "1号楼");
		row.put("room", room);
		return row;
	}

	/** A valid credit code nobody has: a random body of digits, its check character. */
	private static String creditCode() {
		StringBuilder code = new StringBuilder("91320602");
		for (int i = 0; i < 9; i++) {
			code.append(ThreadLocalRandom.current().nextInt(10));
		}
		return code.append(CreditCode.checkCharacter(code.toString())).toString();
	}

	private long requests(long beddingRequest) {
		return jdbc.sql("SELECT count(*) FROM supplies_request WHERE client_id = :client")
			.param("client", clientId(beddingRequest)).query(Long.class).single();
	}

	private static java.util.UUID clientId(long beddingRequest) {
		return java.util.UUID.nameUUIDFromBytes(("supplies-bedding:" + beddingRequest)
			.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	/** The loop's headcount as supplies keeps it: 0 once ended, -1 before it heard of the loop. */
	private long headcount(long loop) {
		return jdbc.sql("SELECT CASE WHEN ended THEN 0 ELSE headcount END FROM supplies_loop_staff WHERE loop_id = :l")
			.param("l", loop).query(Long.class).optional().orElse(-1L);
	}

	private JsonNode meal(String place) {
		return api().as("admin").get("/api/v1/stock?place=" + place + "&item=MEAL").json().get("items").get(0);
	}
}
