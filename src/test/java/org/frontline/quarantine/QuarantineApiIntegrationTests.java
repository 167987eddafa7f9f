package org.frontline.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class QuarantineApiIntegrationTests extends IntegrationTest {

	private Api client;

	/** Session tokens live 12 hours of the (test) clock: after moving it by days, sign in again. */
	@Override
	protected Api api() {
		if (client == null) {
			client = new Api(port);
		}
		return client;
	}

	private void advance(Duration by) {
		clock.advance(by);
		client = null;
	}

	private QuarantineFixture fixture() {
		return new QuarantineFixture(this::api);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private long count(String sql, Object id) {
		return jdbc.sql(sql).param("id", id).query(Long.class).single();
	}

	private String roomStatus(long roomId) {
		return jdbc.sql("SELECT status FROM quarantine_room WHERE id = :id").param("id", roomId).query(String.class).single();
	}

	@Test
	void createsAFacilityWithRoomsAndShowsItsCapacity() {
		JsonNode facility = fixture().facility(3);
		long id = facility.get("id").asLong();
		assertThat(facility.get("rooms")).hasSize(3);
		assertThat(facility.get("area").asString()).isEqualTo("320602");
		Response capacity = api().as("commander").get("/api/v1/quarantine/capacity");
		assertThat(capacity.status()).isEqualTo(200);
		JsonNode mine = null;
		for (JsonNode f : capacity.json().get("facilities")) {
			if (f.get("facilityId").asLong() == id) {
				mine = f;
			}
		}
		assertThat(mine).isNotNull();
		assertThat(mine.get("available").asLong()).isEqualTo(3);
		assertThat(mine.get("total").asLong()).isEqualTo(3);
		JsonNode district = capacity.json().get("district");
		assertThat(district.get("total").asLong()).isEqualTo(district.get("available").asLong()
				+ district.get("occupied").asLong() + district.get("awaitingDisinfection").asLong()
				+ district.get("outOfService").asLong());
		assertThat(district.get("total").asLong())
			.isEqualTo(jdbc.sql("SELECT count(*) FROM quarantine_room").query(Long.class).single());
	}

	@Test
	void badFacilityInputIsAProblemAndWritesNothing() {
		long before = jdbc.sql("SELECT count(*) FROM quarantine_facility").query(Long.class).single();
		Response response = api().as("commander").post("/api/v1/facilities", Map.of("name", "", "address", "x",
				"rooms", List.of(Map.of("number", "101", "floor", 1), Map.of("number", "101", "floor", 1))));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").toString()).contains("\"field\":\"name\"", "rooms[1].number");
		assertThat(api().as("facility").post("/api/v1/facilities", Map.of("name", "x", "address", "y", "rooms",
				List.of(Map.of("number", "1", "floor", 1)))).status()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT count(*) FROM quarantine_facility").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aFacilityWithWrongFieldsIsRefusedNamingEachFieldInTheCallersLanguageAndWritesNothing() {
		long facilities = jdbc.sql("SELECT count(*) FROM quarantine_facility").query(Long.class).single();
		long rooms = jdbc.sql("SELECT count(*) FROM quarantine_room").query(Long.class).single();
		Map<String, Object> body = Map.of("name", " ", "address", "滨江路8号", "rooms",
				List.of(Map.of("number", "101", "floor", 1), Map.of("number", "101", "floor", 300)), "team",
				List.of(Map.of("name", "钱护士", "phone", "1234", "role", "NURSE")));

		Response chinese = api().as("commander").post("/api/v1/facilities", body);
		assertThat(chinese.status()).as(chinese.body()).isEqualTo(400);
		assertThat(chinese.json().get("errors").findValuesAsString("field"))
			.containsExactly("name", "rooms[1].floor", "team[0].phone", "rooms[1].number");
		assertThat(chinese.json().get("errors").findValuesAsString("message")).containsExactly("请填写隔离点名称。",
				"楼层不能大于 200。", "手机号应为 11 位数字，以 13 至 19 开头。", "101 房间重复填写了。");
		assertThat(chinese.json().get("title").asString()).isEqualTo("输入有误");

		Response english = api().as("commander").acceptLanguage("en").post("/api/v1/facilities", body);
		assertThat(english.status()).isEqualTo(400);
		assertThat(english.json().get("errors").findValuesAsString("field"))
			.isEqualTo(chinese.json().get("errors").findValuesAsString("field"));
		assertThat(english.json().get("errors").get(0).get("message").asString()).isEqualTo("Facility name is required.");
		assertThat(english.json().get("errors").get(3).get("message").asString()).isEqualTo("Room 101 is listed twice.");

		assertThat(jdbc.sql("SELECT count(*) FROM quarantine_facility").query(Long.class).single()).isEqualTo(facilities);
		assertThat(jdbc.sql("SELECT count(*) FROM quarantine_room").query(Long.class).single()).isEqualTo(rooms);
	}

	@Test
	void aFastTrackIntakeOrACategoryWithWrongFieldsIsRefusedInChineseAndChangesNothing() {
		QuarantineFixture f = fixture();
		long facility = f.facility(2).get("id").asLong();
		String category = f.category(14, List.of(1), List.of());

		Response intake = api().as("facility").post("/api/v1/facilities/" + facility + "/stays",
				Map.of("phone", "139", "category", category, "room", "101"));
		assertThat(intake.status()).as(intake.body()).isEqualTo(400);
		assertThat(intake.json().get("errors").findValuesAsString("field")).containsExactly("phone", "name");
		assertThat(intake.json().get("errors").findValuesAsString("message"))
			.containsExactly("手机号应为 11 位数字，以 13 至 19 开头。", "请填写姓名。");
		Response noRoom = api().as("facility").post("/api/v1/facilities/" + facility + "/stays",
				Map.of("name", "孙一", "phone", "13912340001", "category", category, "room", "909"));
		assertThat(noRoom.json().get("errors").get(0).get("message").asString()).isEqualTo("本隔离点没有 909 房间。");
		assertThat(count("SELECT count(*) FROM quarantine_stay WHERE facility_id = :id", facility)).isZero();
		assertThat(count("SELECT count(*) FROM quarantine_room WHERE facility_id = :id AND status = 'AVAILABLE'",
				facility)).isEqualTo(2);

		Response rule = api().as("commander").post("/api/v1/categories/" + category + "/rules",
				Map.of("facilityDays", 7, "homeDays", 61, "natDays", List.of(1, 9)));
		assertThat(rule.status()).as(rule.body()).isEqualTo(400);
		assertThat(rule.json().get("errors").findValuesAsString("field")).containsExactly("homeDays", "natDays");
		assertThat(rule.json().get("errors").findValuesAsString("message"))
			.containsExactly("居家健康监测天数不能大于 60。", "核酸检测日须为隔离期内的第 1 到第 7 天。");
		assertThat(jdbc.sql("SELECT count(*) FROM quarantine_rule r JOIN quarantine_category c ON c.id = r.category_id"
				+ " WHERE c.code = :code").param("code", category).query(Long.class).single()).isEqualTo(1);

		Response unknown = api().as("commander").get("/api/v1/anomalies?status=LOST");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("errors").get(0).get("message").asString())
			.isEqualTo("状态须为 OPEN（待确认）、ACKNOWLEDGED（处置中）或 CLOSED（已办结）。");
	}

	@Test
	void newRuleVersionAppliesToNewIntakesWhileEarlierStaysKeepTheirsUntilReclassified() {
		QuarantineFixture f = fixture();
		long facility = f.facility(3).get("id").asLong();
		String category = f.category(14, List.of(1, 4, 7, 14), List.of(2, 3));
		Response first = f.fastTrack(facility, category, "101");
		assertThat(first.json().get("ruleVersion").asInt()).isEqualTo(1);
		String firstRelease = first.json().get("plannedRelease").asString();

		Response published = api().as("commander").post("/api/v1/categories/" + category + "/rules",
				Map.of("facilityDays", 7, "homeDays", 7, "natDays", List.of(1, 3, 5, 7), "notice", "新版防控方案"));
		assertThat(published.status()).as(published.body()).isEqualTo(201);
		assertThat(published.json().get("rules").get(0).get("version").asInt()).isEqualTo(2);

		Response second = f.fastTrack(facility, category, "102");
		assertThat(second.json().get("ruleVersion").asInt()).isEqualTo(2);
		String admittedOn = second.json().get("admittedOn").asString();
		assertThat(second.json().get("plannedRelease").asString())
			.isEqualTo(java.time.LocalDate.parse(admittedOn).plusDays(7).toString());

		long firstId = first.json().get("id").asLong();
		Response kept = api().as("facility").get("/api/v1/stays/" + firstId);
		assertThat(kept.json().get("ruleVersion").asInt()).isEqualTo(1);
		assertThat(kept.json().get("plannedRelease").asString()).isEqualTo(firstRelease);

		Response reclassified = api().as("facility").post("/api/v1/stays/" + firstId + "/reclassify",
				Map.of("category", category));
		assertThat(reclassified.status()).as(reclassified.body()).isEqualTo(200);
		assertThat(reclassified.json().get("ruleVersion").asInt()).isEqualTo(2);
		assertThat(reclassified.json().get("plannedRelease").asString()).isNotEqualTo(firstRelease);
	}

	@Test
	void aRuleEffectiveLaterDoesNotApplyYet() {
		QuarantineFixture f = fixture();
		long facility = f.facility(2).get("id").asLong();
		String category = f.category(14, List.of(1), List.of());
		api().as("commander").post("/api/v1/categories/" + category + "/rules", Map.of("facilityDays", 10,
				"homeDays", 7, "effectiveFrom", clock.instant().plus(Duration.ofDays(1)).toString()));
		assertThat(f.fastTrack(facility, category, "101").json().get("ruleVersion").asInt()).isEqualTo(1);
		advance(Duration.ofDays(1).plusMinutes(1));
		assertThat(f.fastTrack(facility, category, "102").json().get("ruleVersion").asInt()).isEqualTo(2);
	}

	@Test
	void fastTrackIntakeIsListedIncompleteUntilTheRegistrationIsCompleted() {
		QuarantineFixture f = fixture();
		long facility = f.facility(2).get("id").asLong();
		String category = f.category(1, List.of(), List.of());
		Response stay = f.fastTrack(facility, category, null);
		assertThat(stay.status()).as(stay.body()).isEqualTo(201);
		assertThat(stay.json().get("room").asString()).isEqualTo("101");
		assertThat(stay.json().get("registrationComplete").asBoolean()).isFalse();
		long id = stay.json().get("id").asLong();
		Response list = api().as("facility").get("/api/v1/facilities/" + facility + "/stays?status=ACTIVE");
		assertThat(list.json().get(0).get("registrationComplete").asBoolean()).isFalse();
		assertThat(list.json().get(0).get("phone").asString()).isEqualTo("139****5678");

		advance(Duration.ofDays(1));
		Response blocked = api().as("facility").post("/api/v1/stays/" + id + "/release", Map.of("destination", "OTHER"));
		assertThat(blocked.status()).isEqualTo(409);
		assertThat(blocked.json().get("type").asString()).endsWith("/release-registration-incomplete");

		Response wrong = api().as("facility").post("/api/v1/stays/" + id + "/registration",
				Map.of("idNumber", "123", "community", "320602001002", "address", "3-2-501"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.json().get("errors").toString()).contains("idNumber");

		Response completed = api().as("facility").post("/api/v1/stays/" + id + "/registration",
				Map.of("idNumber", TestData.residentId(), "community", "320602001002", "address", "晨苑花园3幢501"));
		assertThat(completed.status()).as(completed.body()).isEqualTo(200);
		assertThat(completed.json().get("registrationComplete").asBoolean()).isTrue();
		assertThat(api().as("facility").get("/api/v1/facilities/" + facility + "/stays?status=ACTIVE").json().get(0)
			.get("registrationComplete").asBoolean()).isTrue();
	}

	@Test
	void intakeOfARegisteredPersonTakesTheirKeyPopulationTagsAndRefusesASecondStay() {
		QuarantineFixture f = fixture();
		long facility = f.facility(2).get("id").asLong();
		String category = f.category(14, List.of(1), List.of());
		Response person = api().as("community").post("/api/v1/people", Map.of("name", "钱高压", "idType", "RESIDENT_ID",
				"idNumber", TestData.residentId(), "phone", TestData.phone(), "area", TestData.CHENYUAN_COMPOUND,
				"address", Map.of("building", "3", "unit", "2", "room", "501"), "tags", List.of("HYPERTENSION")));
		long personId = person.json().get("id").asLong();
		Response stay = api().as("facility").post("/api/v1/facilities/" + facility + "/stays",
				Map.of("personId", personId, "category", category, "needs", "每日降压药"));
		assertThat(stay.status()).as(stay.body()).isEqualTo(201);
		assertThat(stay.json().get("registrationComplete").asBoolean()).isTrue();
		assertThat(stay.json().get("community").asString()).isEqualTo("320602001002");
		assertThat(stay.json().get("keyGroups").toString()).contains("HYPERTENSION");
		Response again = api().as("facility").post("/api/v1/facilities/" + facility + "/stays",
				Map.of("personId", personId, "category", category));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("type").asString()).endsWith("/already-in-facility");
		assertThat(count("SELECT count(*) FROM quarantine_stay WHERE person_id = :id", personId)).isEqualTo(1);

		Response keys = api().as("facility").get("/api/v1/facilities/" + facility + "/key-population");
		assertThat(keys.json()).hasSize(1);
		long stayId = stay.json().get("id").asLong();
		assertThat(api().as("facility").post("/api/v1/stays/" + stayId + "/follow-ups", Map.of("outcome", "血压平稳，药已送达"))
			.status()).isEqualTo(201);
		assertThat(api().as("facility").get("/api/v1/facilities/" + facility + "/key-population").json().get(0)
			.get("today")).hasSize(1);
	}

	@Test
	void doubleBookingARoomIsAConflictAndTheRoomKeepsItsFirstStay() {
		QuarantineFixture f = fixture();
		long facility = f.facility(2).get("id").asLong();
		String category = f.category(14, List.of(1), List.of());
		f.admit(facility, category, "101");
		Response second = f.fastTrack(facility, category, "101");
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.json().get("type").asString()).endsWith("/room-not-available");
		Response missingRoom = f.fastTrack(facility, category, "999");
		assertThat(missingRoom.status()).isEqualTo(400);
		assertThat(missingRoom.json().get("errors").toString()).contains("\"field\":\"room\"");
		assertThat(count("SELECT count(*) FROM quarantine_stay WHERE facility_id = :id", facility)).isEqualTo(1);
	}

	@Test
	void aRetriedIntakeWithTheSameRequestIdIsStoredOnce() {
		QuarantineFixture f = fixture();
		long facility = f.facility(3).get("id").asLong();
		String category = f.category(14, List.of(1), List.of());
		Map<String, Object> body = Map.of("name", "孙重试", "phone", "13912340000", "category", category, "requestId",
				QuarantineFixture.unique("req-"));
		Response first = api().as("facility").post("/api/v1/facilities/" + facility + "/stays", body);
		Response retried = api().as("facility").post("/api/v1/facilities/" + facility + "/stays", body);
		assertThat(first.status()).isEqualTo(201);
		assertThat(retried.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
		assertThat(count("SELECT count(*) FROM quarantine_stay WHERE facility_id = :id", facility)).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM quarantine_room WHERE facility_id = :id AND status = 'OCCUPIED'", facility))
			.isEqualTo(1);
	}

	@Test
	void impossibleTemperaturesAndObservationsForReleasedPeopleAreRejected() {
		QuarantineFixture f = fixture();
		long facility = f.facility(2).get("id").asLong();
		String category = f.category(0, List.of(), List.of());
		long stay = f.admit(facility, category, "101");
		for (String t : List.of("33.9", "43.1")) {
			Response response = api().as("facility").post("/api/v1/stays/" + stay + "/observations",
					"{\"temperature\": " + t + "}");
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().get("errors").toString()).contains("\"field\":\"temperature\"");
			assertThat(response.json().get("errors").get(0).get("message").asString()).isEqualTo("体温应在 34 到 43 °C 之间。");
		}
		assertThat(count("SELECT count(*) FROM quarantine_observation WHERE stay_id = :id", stay)).isZero();
		api().as("facility").post("/api/v1/stays/" + stay + "/registration", Map.of("idNumber", TestData.residentId(),
				"community", "320602001002", "address", "晨苑"));
		Response released = api().as("facility").post("/api/v1/stays/" + stay + "/release",
				Map.of("destination", "OTHER", "address", "外地"));
		assertThat(released.status()).as(released.body()).isEqualTo(200);
		Response late = api().as("facility").post("/api/v1/stays/" + stay + "/observations", Map.of("temperature", 36.5));
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.json().get("type").asString()).endsWith("/stay-released");
		assertThat(count("SELECT count(*) FROM quarantine_observation WHERE stay_id = :id", stay)).isZero();
	}

	@Test
	void feverOpensAnAnomalyThatEscalatesWhenNotAcknowledgedInTime() {
		QuarantineFixture f = fixture();
		long facility = f.facility(2).get("id").asLong();
		String category = f.category(14, List.of(1), List.of());
		long stay = f.admit(facility, category, "101");
		Response normal = api().as("facility").post("/api/v1/stays/" + stay + "/observations", Map.of("temperature", 36.6));
		assertThat(normal.json().get("anomalyId").isNull()).isTrue();
		Response fever = api().as("facility").post("/api/v1/stays/" + stay + "/observations",
				Map.of("temperature", 37.3, "symptoms", List.of("COUGH")));
		assertThat(fever.status()).as(fever.body()).isEqualTo(201);
		long anomalyId = fever.json().get("anomalyId").asLong();

		Response open = api().as("commander").get("/api/v1/anomalies?status=OPEN");
		assertThat(open.body()).contains("\"id\":" + anomalyId);
		JsonNode anomaly = api().as("commander").get("/api/v1/anomalies/" + anomalyId).json();
		assertThat(anomaly.get("level").asInt()).isEqualTo(1);
		assertThat(anomaly.get("reasons").toString()).contains("TEMPERATURE 37.3", "SYMPTOM COUGH");
		assertThat(anomaly.get("steps").toString()).contains("OPENED", "ALERTED");

		clock.advance(Duration.ofMinutes(14));
		anomalies.escalateOverdue();
		assertThat(api().as("commander").get("/api/v1/anomalies/" + anomalyId).json().get("level").asInt()).isEqualTo(1);

		clock.advance(Duration.ofMinutes(2));
		anomalies.escalateOverdue();
		JsonNode escalated = api().as("commander").get("/api/v1/anomalies/" + anomalyId).json();
		assertThat(escalated.get("level").asInt()).isEqualTo(2);
		assertThat(escalated.get("steps").toString()).contains("ESCALATED");

		clock.advance(Duration.ofMinutes(16));
		anomalies.escalateOverdue();
		assertThat(api().as("commander").get("/api/v1/anomalies/" + anomalyId).json().get("level").asInt()).isEqualTo(3);

		Response ack = api().as("commander").post("/api/v1/anomalies/" + anomalyId + "/acknowledge", Map.of("note", "已派医生"));
		assertThat(ack.status()).as(ack.body()).isEqualTo(200);
		assertThat(ack.json().get("acknowledgedBy").asString()).isEqualTo("commander");
		clock.advance(Duration.ofMinutes(30));
		anomalies.escalateOverdue();
		assertThat(api().as("commander").get("/api/v1/anomalies/" + anomalyId).json().get("level").asInt()).isEqualTo(3);

		Response closed = api().as("facility").post("/api/v1/anomalies/" + anomalyId + "/close",
				Map.of("outcome", "转运至定点医院"));
		assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
		List<String> actions = jdbc.sql("SELECT action FROM quarantine_anomaly_step WHERE anomaly_id = :id ORDER BY id")
			.param("id", anomalyId).query(String.class).list();
		assertThat(actions).containsExactly("OPENED", "ALERTED", "ESCALATED", "ESCALATED", "ACKNOWLEDGED", "CLOSED");
		assertThat(jdbc.sql("SELECT by_user FROM quarantine_anomaly_step WHERE anomaly_id = :id AND action = 'CLOSED'")
			.param("id", anomalyId).query(String.class).single()).isEqualTo("facility");
	}

	@org.springframework.beans.factory.annotation.Autowired
	Anomalies anomalies;

	@Test
	void positiveAntigenOpensAnAnomalyAtOnce() {
		QuarantineFixture f = fixture();
		long facility = f.facility(1).get("id").asLong();
		long stay = f.admit(facility, f.category(14, List.of(1), List.of()), "101");
		Response positive = api().as("facility").post("/api/v1/stays/" + stay + "/observations", Map.of("antigen", "POSITIVE"));
		assertThat(positive.json().get("anomalyId").isNull()).isFalse();
		assertThat(count("SELECT count(*) FROM quarantine_anomaly WHERE stay_id = :id AND status = 'OPEN'", stay)).isEqualTo(1);
		for (JsonNode f2 : api().as("commander").get("/api/v1/quarantine/capacity").json().get("facilities")) {
			if (f2.get("facilityId").asLong() == facility) {
				assertThat(f2.get("openAnomalies").asLong()).isEqualTo(1);
			}
		}
	}

	@Test
	void releaseIsBlockedByAMissingTestAndByAFailedHomeCheckThenFreesTheRoomOnlyAfterDisinfection() {
		QuarantineFixture f = fixture();
		JsonNode facilityJson = f.facility(2);
		long facility = facilityJson.get("id").asLong();
		long room = f.roomId(facilityJson, "101");
		String category = f.category(2, List.of(1, 2), List.of());
		long stay = f.admit(facility, category, "101");
		api().as("facility").post("/api/v1/stays/" + stay + "/registration", Map.of("idNumber", TestData.residentId(),
				"community", "320602001002", "address", "晨苑花园3幢501"));
		api().as("facility").post("/api/v1/stays/" + stay + "/observations", Map.of("natSampled", true, "natResult", "NEGATIVE"));

		Response early = release(stay);
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.json().get("type").asString()).endsWith("/release-not-due");

		advance(Duration.ofDays(2));
		Response missingTest = release(stay);
		assertThat(missingTest.status()).isEqualTo(409);
		assertThat(missingTest.json().get("type").asString()).endsWith("/release-missing-test");
		assertThat(missingTest.json().get("detail").asString()).isEqualTo("暂不能解除隔离，尚缺：第 2 天核酸；未做居家条件核查。");
		assertThat(missingTest.json().get("title").asString()).isEqualTo("暂不能解除隔离");
		assertThat(missingTest.json().get("errors").get(0).get("field").asString()).isEqualTo("NAT");
		assertThat(missingTest.json().get("errors").get(0).get("message").asString()).isEqualTo("第 2 天核酸");
		Response due = api().as("facility").get("/api/v1/facilities/" + facility + "/due-for-release");
		assertThat(due.body()).contains("\"what\":\"NAT\",\"day\":2");

		api().as("facility").post("/api/v1/stays/" + stay + "/observations", Map.of("natResult", "NEGATIVE"));
		Response noCheck = release(stay);
		assertThat(noCheck.json().get("type").asString()).endsWith("/home-check-missing");

		Response failed = api().as("community").post("/api/v1/stays/" + stay + "/home-check",
				Map.of("result", "FAIL", "inspector", "晨苑社区 周网格员", "note", "与老人同住，无独立卫生间"));
		assertThat(failed.status()).as(failed.body()).isEqualTo(200);
		Response blocked = release(stay);
		assertThat(blocked.status()).isEqualTo(409);
		assertThat(blocked.json().get("type").asString()).endsWith("/home-check-failed");
		assertThat(roomStatus(room)).isEqualTo("OCCUPIED");
		assertThat(count("SELECT count(*) FROM quarantine_stay WHERE id = :id AND status = 'ACTIVE'", stay)).isEqualTo(1);

		api().as("community").post("/api/v1/stays/" + stay + "/home-check",
				Map.of("result", "PASS", "inspector", "晨苑社区 周网格员", "note", "老人已移居子女家"));
		Response released = release(stay);
		assertThat(released.status()).as(released.body()).isEqualTo(200);
		assertThat(released.json().get("status").asString()).isEqualTo("RELEASED");
		assertThat(released.json().get("homeMonitoringUntil").asString())
			.isEqualTo(java.time.LocalDate.now(clock).plusDays(7).toString());
		assertThat(roomStatus(room)).isEqualTo("AWAITING_DISINFECTION");
		assertThat(release(stay).status()).isEqualTo(409);

		assertThat(f.fastTrack(facility, category, "101").status()).isEqualTo(409);
		Response notStaff = api().as("facility").post("/api/v1/rooms/" + room + "/disinfected", Map.of());
		assertThat(notStaff.status()).isEqualTo(400);
		Response disinfected = api().as("facility").post("/api/v1/rooms/" + room + "/disinfected",
				Map.of("staffId", f.disinfectionStaff(facilityJson)));
		assertThat(disinfected.status()).as(disinfected.body()).isEqualTo(200);
		assertThat(roomStatus(room)).isEqualTo("AVAILABLE");
		assertThat(api().as("facility").post("/api/v1/rooms/" + room + "/disinfected",
				Map.of("staffId", f.disinfectionStaff(facilityJson))).status()).isEqualTo(409);
		assertThat(f.fastTrack(facility, category, "101").status()).isEqualTo(201);
	}

	@Test
	void aHomeCheckOrAReleaseWithWrongFieldsIsRefusedNamingEachFieldInChineseAndChangesNothing() {
		QuarantineFixture f = fixture();
		long facility = f.facility(1).get("id").asLong();
		long stay = f.admit(facility, f.category(2, List.of(1), List.of()), "101");

		Response check = api().as("facility").post("/api/v1/stays/" + stay + "/home-check",
				Map.of("result", "MAYBE", "note", "未见本人"));
		assertThat(check.status()).as(check.body()).isEqualTo(400);
		assertThat(check.json().get("errors").findValuesAsString("field")).containsExactly("inspector", "result");
		assertThat(check.json().get("errors").findValuesAsString("message"))
			.containsExactly("请填写核查人。", "核查结果须为 PASS（通过）或 FAIL（不通过）。");

		Response release = api().as("facility").post("/api/v1/stays/" + stay + "/release",
				Map.of("address", "晨苑花园".repeat(60)));
		assertThat(release.status()).as(release.body()).isEqualTo(400);
		assertThat(release.json().get("errors").findValuesAsString("field")).containsExactly("address", "destination");
		assertThat(release.json().get("errors").get(1).get("message").asString()).isEqualTo("请填写解除去向。");

		assertThat(count("""
				SELECT count(*) FROM quarantine_stay
				WHERE id = :id AND status = 'ACTIVE' AND home_check_result IS NULL AND home_check_inspector IS NULL""",
				stay)).isEqualTo(1);
	}

	private Response release(long stay) {
		return api().as("facility").post("/api/v1/stays/" + stay + "/release",
				Map.of("destination", "HOME", "address", "晨苑花园3幢501"));
	}

	@Test
	void staffOfOneFacilityCannotReadAnotherFacilitysPeople() {
		QuarantineFixture f = fixture();
		long mine = f.facility(2).get("id").asLong();
		long other = f.facility(2).get("id").asLong();
		String category = f.category(14, List.of(1), List.of());
		long myStay = f.admit(mine, category, "101");
		long otherStay = f.admit(other, category, "101");
		String staff = f.staffOf(mine);

		assertThat(f.as(staff).get("/api/v1/stays/" + myStay).status()).isEqualTo(200);
		Response foreign = f.as(staff).get("/api/v1/stays/" + otherStay);
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.body()).doesNotContain("赵夜归");
		assertThat(f.as(staff).get("/api/v1/facilities/" + other).status()).isEqualTo(404);
		assertThat(f.as(staff).get("/api/v1/facilities/" + other + "/stays").status()).isEqualTo(404);
		assertThat(f.as(staff).post("/api/v1/stays/" + otherStay + "/observations", Map.of("temperature", 36.5)).status())
			.isEqualTo(404);
		assertThat(f.as(staff).get("/api/v1/facilities").json()).hasSize(1);
		JsonNode capacity = f.as(staff).get("/api/v1/quarantine/capacity").json();
		assertThat(capacity.get("facilities")).hasSize(1);
		assertThat(capacity.get("facilities").get(0).get("facilityId").asLong()).isEqualTo(mine);
		for (JsonNode anomaly : f.as(staff).get("/api/v1/anomalies").json()) {
			assertThat(anomaly.get("facilityId").asLong()).isEqualTo(mine);
		}
		assertThat(api().as("commander").get("/api/v1/stays/" + otherStay).status()).isEqualTo(200);
		assertThat(api().as("community").get("/api/v1/stays/" + otherStay).status()).isEqualTo(403);
	}

	@Test
	void plannedArrivalsAreListedAndCountedForTheNext24Hours() {
		QuarantineFixture f = fixture();
		long facility = f.facility(2).get("id").asLong();
		String category = f.category(14, List.of(1), List.of());
		Response planned = api().as("commander").post("/api/v1/facilities/" + facility + "/arrivals",
				Map.of("source", "G15沈海高速南通收费站", "expectedAt", clock.instant().plus(Duration.ofHours(3)).toString(),
						"people", List.of(Map.of("name", "周一", "phone", "13900001111", "category", category),
								Map.of("name", "吴二", "category", category))));
		assertThat(planned.status()).as(planned.body()).isEqualTo(201);
		assertThat(planned.json()).hasSize(2);
		for (JsonNode f2 : api().as("commander").get("/api/v1/quarantine/capacity").json().get("facilities")) {
			if (f2.get("facilityId").asLong() == facility) {
				assertThat(f2.get("arrivalsNext24h").asLong()).isEqualTo(2);
			}
		}
		long arrival = planned.json().get(0).get("id").asLong();
		api().as("facility").post("/api/v1/facilities/" + facility + "/stays",
				Map.of("name", "周一", "phone", "13900001111", "category", category, "arrival", arrival));
		assertThat(api().as("facility").get("/api/v1/facilities/" + facility + "/arrivals").json()).hasSize(1);
	}

	@Test
	void aRetriedObservationIsStoredOnceAndAFutureOneIsRejected() {
		QuarantineFixture f = fixture();
		long facility = f.facility(1).get("id").asLong();
		long stay = f.admit(facility, f.category(14, List.of(1), List.of()), "101");
		Map<String, Object> body = Map.of("temperature", 36.7, "requestId", QuarantineFixture.unique("obs-"));
		Response first = api().as("facility").post("/api/v1/stays/" + stay + "/observations", body);
		Response retried = api().as("facility").post("/api/v1/stays/" + stay + "/observations", body);
		assertThat(retried.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
		Response future = api().as("facility").post("/api/v1/stays/" + stay + "/observations",
				Map.of("temperature", 36.7, "at", clock.instant().plus(Duration.ofHours(1)).toString()));
		assertThat(future.status()).isEqualTo(400);
		assertThat(future.json().get("errors").toString()).contains("\"field\":\"at\"");
		Response empty = api().as("facility").post("/api/v1/stays/" + stay + "/observations", Map.of());
		assertThat(empty.status()).isEqualTo(400);
		assertThat(count("SELECT count(*) FROM quarantine_observation WHERE stay_id = :id", stay)).isEqualTo(1);
	}

	@Test
	void dailyMeetingReportsAreKeptPerDayAndGroup() {
		QuarantineFixture f = fixture();
		long facility = f.facility(1).get("id").asLong();
		String staff = f.staffOf(facility);
		assertThat(f.as(staff).post("/api/v1/facilities/" + facility + "/meetings",
				Map.of("group", "医疗组", "report", "在住 1 人，体温均正常")).status()).isEqualTo(201);
		assertThat(f.as(staff).post("/api/v1/facilities/" + facility + "/meetings",
				Map.of("group", "医疗组", "report", "在住 1 人，1 人低热已上报")).status()).isEqualTo(201);
		f.as(staff).post("/api/v1/facilities/" + facility + "/meetings", Map.of("group", "MINUTES", "report", "明日接收 3 人"));
		JsonNode today = f.as(staff).get("/api/v1/facilities/" + facility + "/meetings").json();
		assertThat(today).hasSize(2);
		assertThat(today.toString()).contains("1 人低热已上报").doesNotContain("体温均正常");
		assertThat(f.as(staff).post("/api/v1/facilities/" + facility + "/meetings",
				Map.of("group", "", "report", "x")).status()).isEqualTo(400);
	}

	@Test
	void aFamilySharesARoomOnlyWhenTheRulesAllowAndTheRoomWaitsForTheLastOneToLeave() {
		QuarantineFixture f = fixture();
		JsonNode facilityJson = f.facility(2);
		long facility = facilityJson.get("id").asLong();
		long room = f.roomId(facilityJson, "101");
		String single = f.category(0, List.of(), List.of());
		String family = QuarantineFixture.unique("FAM");
		assertThat(api().as("commander").post("/api/v1/categories", Map.of("code", family, "name", "入境家庭",
				"rule", Map.of("facilityDays", 0, "homeDays", 7, "familyAllowed", true))).status()).isEqualTo(201);

		long mother = f.admit(facility, family, "101");
		Response child = api().as("facility").post("/api/v1/facilities/" + facility + "/stays",
				Map.of("name", "顾小宝", "phone", "13900002222", "category", family, "family", mother));
		assertThat(child.status()).as(child.body()).isEqualTo(201);
		assertThat(child.json().get("room").asString()).isEqualTo("101");
		Response notFamily = api().as("facility").post("/api/v1/facilities/" + facility + "/stays",
				Map.of("name", "路人", "phone", "13900003333", "category", single, "family", mother));
		assertThat(notFamily.status()).isEqualTo(409);
		assertThat(notFamily.json().get("type").asString()).endsWith("/family-not-allowed");
		long singleStay = f.admit(facility, single, "102");
		Response intoSingle = api().as("facility").post("/api/v1/facilities/" + facility + "/stays",
				Map.of("name", "顾大宝", "phone", "13900004444", "category", family, "family", singleStay));
		assertThat(intoSingle.status()).isEqualTo(409);
		assertThat(count("SELECT count(*) FROM quarantine_stay WHERE room_id = :id AND status = 'ACTIVE'", room)).isEqualTo(2);

		long childId = child.json().get("id").asLong();
		for (long stay : List.of(mother, childId)) {
			api().as("facility").post("/api/v1/stays/" + stay + "/registration", Map.of("idNumber", TestData.residentId(),
					"community", "320602001002", "address", "晨苑"));
		}
		assertThat(api().as("facility").post("/api/v1/stays/" + mother + "/release",
				Map.of("destination", "OTHER", "address", "外地")).status()).isEqualTo(200);
		assertThat(roomStatus(room)).isEqualTo("OCCUPIED");
		assertThat(api().as("facility").post("/api/v1/stays/" + childId + "/release",
				Map.of("destination", "OTHER", "address", "外地")).status()).isEqualTo(200);
		assertThat(roomStatus(room)).isEqualTo("AWAITING_DISINFECTION");
	}
}
