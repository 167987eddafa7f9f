package org.frontline.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The workforce API over HTTP on the real database: workers, imports, scope, deployments and every shift rule. */
class WorkforceApiIntegrationTests extends IntegrationTest {

	private final WorkforceFixture fixture = new WorkforceFixture(this::api);

	/** A time far enough ahead that no other test's shift of these workers is near it. */
	/** 08:00 in the district some days ahead: a day's shifts then stay inside that day whenever the tests run. */
	private Instant later(int days) {
		return java.time.LocalDate.now(clock).plusDays(days).atTime(8, 0).atZone(clock.getZone()).toInstant();
	}

	@Test
	void aWorkerWhoIsAResidentIsLinkedToTheResidentRecordAndListsMaskTheirDocumentAndPhone() {
		String idNumber = TestData.residentId();
		Response resident = api().as("community").post("/api/v1/people", Map.of("name", "林下沉", "idNumber", idNumber,
				"area", TestData.CHENYUAN_COMPOUND));
		assertThat(resident.status()).as(resident.body()).isEqualTo(201);
		String phone = TestData.phone();
		JsonNode worker = fixture.worker(Map.of("name", "林下沉", "idNumber", idNumber, "phone", phone, "area",
				WorkforceFixture.CHENYUAN));
		assertThat(worker.get("personId").asLong()).isEqualTo(resident.json().get("id").asLong());
		assertThat(worker.get("idNumber").asString()).isEqualTo(idNumber);

		Response list = fixture.coordinator().get("/api/v1/workers?q=" + phone);
		assertThat(list.status()).isEqualTo(200);
		JsonNode listed = list.json().get("items").get(0);
		assertThat(listed.get("idNumber").asString()).isEqualTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14));
		assertThat(listed.get("phone").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
		long audits = auditRows(worker.get("id").asLong());
		assertThat(fixture.coordinator().get("/api/v1/workers/" + worker.get("id").asLong()).json().get("idNumber")
			.asString()).isEqualTo(idNumber);
		assertThat(auditRows(worker.get("id").asLong())).isEqualTo(audits + 1);
	}

	@Test
	void badWorkersAreRefusedNamingTheFieldAndChangeNothing() {
		String good = TestData.residentId();
		String wrongCheckDigit = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
		fixture.coordinator();
		Map<String, Long> before = rowCounts();
		Response badId = fixture.coordinator().post("/api/v1/workers", Map.of("name", "错号", "idNumber", wrongCheckDigit,
				"kind", "VOLUNTEER", "area", WorkforceFixture.BILINWAN));
		assertThat(badId.status()).isEqualTo(400);
		assertThat(badId.json().get("errors").get(0).get("field").asString()).isEqualTo("idNumber");
		Response cadre = fixture.coordinator().post("/api/v1/workers", Map.of("name", "无单位", "idNumber",
				TestData.residentId(), "kind", "CADRE"));
		assertThat(cadre.status()).isEqualTo(400);
		assertThat(cadre.json().get("errors").get(0).get("field").asString()).isEqualTo("unit");
		Response sampler = fixture.coordinator().acceptLanguage("en").post("/api/v1/workers", Map.of("name", "志愿采样",
				"idNumber", TestData.residentId(), "kind", "VOLUNTEER", "canSample", true, "area", WorkforceFixture.BILINWAN));
		assertThat(sampler.status()).isEqualTo(400);
		assertThat(sampler.body()).contains("canSample", "licence", "Only medical staff may take samples.");
		assertThat(rowCounts()).isEqualTo(before);

		JsonNode first = fixture.worker(Map.of("idNumber", good));
		Response twice = fixture.coordinator().post("/api/v1/workers", Map.of("name", "重复", "idNumber", good, "kind",
				"VOLUNTEER", "area", WorkforceFixture.BILINWAN));
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().get("type").asString()).endsWith("/duplicate-worker");
		assertThat(first.get("id").asLong()).isPositive();
	}

	@Test
	void aUnitsListIsImportedWithEveryBadRowReportedAndImportingItAgainChangesNothing() throws IOException {
		String unit = WorkforceFixture.unique("区测试局");
		assertThat(fixture.coordinator().post("/api/v1/units", Map.of("name", unit)).status()).isEqualTo(201);
		String a = TestData.residentId();
		String b = TestData.residentId();
		String csv = "姓名,证件号码,手机号,派出单位,技能\n"
				+ "甲干部," + a + "," + TestData.phone() + "," + unit + ",信息登记|秩序维护\n"
				+ "乙干部," + b + ",," + unit + ",驾驶\n"
				+ "丙干部," + wrongCheckDigit() + ",," + unit + ",\n"
				+ "丁干部," + TestData.residentId() + ",,不存在的局,\n"
				+ "戊干部," + a + ",," + unit + ",\n"
				+ "己干部," + TestData.residentId() + ",," + unit + ",飞行\n";
		Response first = fixture.coordinator().postRaw("/api/v1/workers/import", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8));
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		JsonNode report = first.json();
		assertThat(report.get("rows").asInt()).isEqualTo(6);
		assertThat(report.get("inserted").asInt()).isEqualTo(2);
		assertThat(report.get("rejected").asInt()).isEqualTo(4);
		assertThat(report.get("errors").valueStream().map(e -> e.get("line").asInt() + ":" + e.get("field").asString())
			.toList()).containsExactly("4:idNumber", "5:unit", "6:idNumber", "7:skills");
		Map<String, Long> before = rowCounts();
		Response again = fixture.coordinator().postRaw("/api/v1/workers/import", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8));
		assertThat(again.json().get("inserted").asInt()).isZero();
		assertThat(again.json().get("updated").asInt()).isZero();
		assertThat(again.json().get("unchanged").asInt()).isEqualTo(2);
		assertThat(withoutAudit(rowCounts())).isEqualTo(withoutAudit(before));

		byte[] xlsx = workbook(List.of(List.of("name", "id_number", "unit", "kind"),
				List.of("庚干部", TestData.residentId(), unit, "CADRE")));
		Response fromXlsx = fixture.coordinator().postRaw("/api/v1/workers/import",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx);
		assertThat(fromXlsx.status()).as(fromXlsx.body()).isEqualTo(200);
		assertThat(fromXlsx.json().get("inserted").asInt()).isEqualTo(1);
		assertThat(fromXlsx.json().get("encoding").asString()).isEqualTo("XLSX");
	}

	@Test
	void aUnitsCoordinatorSeesOnlyThatUnitsCadres() {
		long own = unit();
		long other = unit();
		JsonNode ours = fixture.worker(Map.of("kind", "CADRE", "unit", own));
		JsonNode theirs = fixture.worker(Map.of("kind", "CADRE", "unit", other));
		String coordinator = fixture.user("WORKFORCE_COORDINATOR", null, Map.of("unit", own));
		Api.As unitUser = fixture.as(coordinator);
		JsonNode list = unitUser.get("/api/v1/workers?size=500").json();
		assertThat(list.get("items").valueStream().map(w -> w.get("id").asLong()).toList())
			.contains(ours.get("id").asLong())
			.doesNotContain(theirs.get("id").asLong());
		assertThat(list.get("items").valueStream().allMatch(w -> w.get("unit").asLong() == own)).isTrue();
		assertThat(unitUser.get("/api/v1/workers/" + theirs.get("id").asLong()).status()).isEqualTo(404);
		assertThat(unitUser.get("/api/v1/workers/" + ours.get("id").asLong()).status()).isEqualTo(200);
		assertThat(unitUser.get("/api/v1/units/" + other).status()).isEqualTo(404);
		assertThat(unitUser.get("/api/v1/units").json().valueStream().map(u -> u.get("id").asLong()).toList())
			.containsExactly(own);
		Response foreignCadre = unitUser.post("/api/v1/workers", Map.of("name", "越权", "idNumber", TestData.residentId(),
				"kind", "CADRE", "unit", other));
		assertThat(foreignCadre.status()).isEqualTo(400);
		assertThat(unitUser.post("/api/v1/deployments", Map.of("workerId", theirs.get("id").asLong(), "post",
				WorkforceFixture.community(WorkforceFixture.BILINWAN), "from", today(), "to", today())).status())
			.isEqualTo(404);
	}

	@Test
	void aWorkerIsDeployedToOnePostAtATime() {
		long worker = fixture.volunteer().get("id").asLong();
		Response first = fixture.coordinator().post("/api/v1/deployments", Map.of("workerId", worker, "post",
				WorkforceFixture.community(WorkforceFixture.BILINWAN), "from", today(), "to", day(5)));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.json().get("post").get("name").asString()).isEqualTo("碧林湾社区");
		Response second = fixture.coordinator().post("/api/v1/deployments", Map.of("workerId", worker, "post",
				WorkforceFixture.community(WorkforceFixture.CHENYUAN), "from", day(5), "to", day(8)));
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.json().get("type").asString()).endsWith("/already-deployed");
		assertThat(fixture.coordinator().post("/api/v1/deployments", Map.of("workerId", worker, "post",
				WorkforceFixture.community(WorkforceFixture.CHENYUAN), "from", day(6), "to", day(8))).status())
			.isEqualTo(201);
		Response unknown = fixture.coordinator().post("/api/v1/deployments", Map.of("workerId", worker, "post",
				Map.of("kind", "SITE", "id", "999999999"), "from", day(20), "to", day(21)));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("post.id");
	}

	@Test
	void exactlyEightHoursOfRestPassAndSevenHoursFiftyNineMinutesAreRefusedNamingTheRuleAndFigures() {
		Map<String, Object> post = WorkforceFixture.community(WorkforceFixture.CHENYUAN);
		long worker = fixture.volunteer().get("id").asLong();
		Instant start = later(40);
		fixture.assigned(fixture.shift(post, "DUTY", start, start.plus(Duration.ofHours(4)), 1), worker);
		Instant afterEight = start.plus(Duration.ofHours(12));
		long tooSoon = fixture.shift(post, "DUTY", afterEight.minus(Duration.ofMinutes(1)),
				afterEight.plus(Duration.ofHours(2)), 1);
		Response refused = fixture.assign(tooSoon, worker);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		JsonNode body = refused.json();
		assertThat(body.get("type").asString()).endsWith("/shift-rule");
		assertThat(body.get("rule").asString()).isEqualTo("REST");
		assertThat(body.get("figures").get("restMinutes").asInt()).isEqualTo(479);
		assertThat(body.get("figures").get("requiredMinutes").asInt()).isEqualTo(480);
		assertThat(body.get("limitsVersion").asInt()).isEqualTo(1);
		assertThat(body.get("detail").asString()).contains("8", "7", "59");
		assertThat(fixture.assign(fixture.shift(post, "DUTY", afterEight, afterEight.plus(Duration.ofHours(2)), 1), worker)
			.status()).isEqualTo(201);
	}

	@Test
	void aSamplerShiftIsForMedicalStaffWhoMaySampleAndSickWorkersGetNone() {
		Map<String, Object> site = fixture.site();
		Instant start = later(41);
		long shift = fixture.shift(site, "SAMPLER", start, start.plus(Duration.ofHours(4)), 2);
		long volunteer = fixture.volunteer().get("id").asLong();
		fixture.tested(volunteer, Instant.now().minus(Duration.ofHours(1)), "NEGATIVE");
		Response qualification = fixture.assign(shift, volunteer);
		assertThat(qualification.status()).isEqualTo(422);
		assertThat(qualification.json().get("rule").asString()).isEqualTo("QUALIFICATION");
		JsonNode medic = fixture.medic();
		assertThat(fixture.coordinator().post("/api/v1/workers/" + medic.get("id").asLong() + "/status",
				Map.of("status", "SICK")).status()).isEqualTo(200);
		Response sick = fixture.assign(shift, medic.get("id").asLong());
		assertThat(sick.status()).isEqualTo(422);
		assertThat(sick.json().get("rule").asString()).isEqualTo("STATUS");
		assertThat(sick.json().get("figures").get("status").asString()).isEqualTo("SICK");
	}

	@Test
	void aSamplingSiteNeedsANegativeTestAtMostFortyEightHoursOldAtTheShiftsStart() {
		Map<String, Object> site = fixture.site();
		Instant start = Instant.now().plus(Duration.ofHours(30)).truncatedTo(ChronoUnit.MINUTES);
		long exactly = fixture.medic().get("id").asLong();
		fixture.tested(exactly, start.minus(Duration.ofHours(48)), "NEGATIVE");
		long older = fixture.medic().get("id").asLong();
		fixture.tested(older, start.minus(Duration.ofHours(48)).minus(Duration.ofMinutes(1)), "NEGATIVE");
		long never = fixture.medic().get("id").asLong();
		long positive = fixture.medic().get("id").asLong();
		fixture.tested(positive, Instant.now().minus(Duration.ofHours(2)), "POSITIVE");
		long shift = fixture.shift(site, "SAMPLER", start, start.plus(Duration.ofHours(4)), 4);
		assertThat(fixture.assign(shift, exactly).status()).isEqualTo(201);
		Response old = fixture.assign(shift, older);
		assertThat(old.status()).isEqualTo(422);
		assertThat(old.json().get("rule").asString()).isEqualTo("TEST");
		assertThat(old.json().get("figures").get("ageMinutes").asInt()).isEqualTo(2881);
		assertThat(fixture.assign(shift, never).json().get("figures").get("latestTestAt").isNull()).isTrue();
		assertThat(fixture.assign(shift, positive).json().get("figures").get("outcome").asString()).isEqualTo("POSITIVE");
		// A community post outside any zone needs no test; one in a control zone (the demo's 碧林湾社区) does.
		Instant duty = later(42);
		assertThat(fixture.assign(fixture.shift(WorkforceFixture.community(WorkforceFixture.CHENYUAN), "DUTY", duty,
				duty.plus(Duration.ofHours(4)), 1), never).status()).isEqualTo(201);
		Instant controlled = later(43);
		Response zone = fixture.assign(fixture.shift(WorkforceFixture.community(WorkforceFixture.BILINWAN), "DUTY",
				controlled, controlled.plus(Duration.ofHours(4)), 1), never);
		assertThat(zone.status()).as(zone.body()).isEqualTo(422);
		assertThat(zone.json().get("rule").asString()).isEqualTo("TEST");
	}

	@Test
	void aShiftInAProtectiveSuitLongerThanTheLimitIsSharedInARotation() {
		Map<String, Object> site = fixture.site();
		Instant start = Instant.now().plus(Duration.ofHours(6)).truncatedTo(ChronoUnit.HOURS);
		long shift = fixture.shift(site, "SAMPLER", start, start.plus(Duration.ofHours(6)), 1);
		long first = fixture.medic().get("id").asLong();
		long second = fixture.medic().get("id").asLong();
		fixture.tested(first, Instant.now().minus(Duration.ofHours(1)), "NEGATIVE");
		fixture.tested(second, Instant.now().minus(Duration.ofHours(1)), "NEGATIVE");
		Response whole = fixture.assign(shift, first);
		assertThat(whole.status()).isEqualTo(422);
		assertThat(whole.json().get("rule").asString()).isEqualTo("SUIT");
		assertThat(whole.json().get("figures").get("minutes").asInt()).isEqualTo(360);
		Instant half = start.plus(Duration.ofHours(3));
		assertThat(fixture.assign(shift, first, start, half).status()).isEqualTo(201);
		Response overlapping = fixture.assign(shift, second, half.minus(Duration.ofMinutes(30)), start.plus(Duration.ofHours(6)));
		assertThat(overlapping.status()).isEqualTo(409);
		assertThat(overlapping.json().get("type").asString()).endsWith("/shift-full");
		Response rotation = fixture.assign(shift, second, half, start.plus(Duration.ofHours(6)));
		assertThat(rotation.status()).as(rotation.body()).isEqualTo(201);
		assertThat(rotation.json().get("assignments")).hasSize(2);
	}

	@Test
	void onAHeatWarningDayTwoHoursInASuitPassAndTwoHoursAndAMinuteAreRefused() {
		Map<String, Object> site = fixture.site();
		Instant start = later(45);
		String day = start.atZone(clock.getZone()).toLocalDate().toString();
		assertThat(fixture.coordinator().post("/api/v1/workforce/heat-days", Map.of("day", day, "note", "高温橙色预警"))
			.status()).isEqualTo(200);
		long shift = fixture.shift(site, "SAMPLER", start, start.plus(Duration.ofHours(4)), 2);
		long medic = fixture.medic().get("id").asLong();
		long other = fixture.medic().get("id").asLong();
		Response tooLong = fixture.assign(shift, medic, start, start.plus(Duration.ofMinutes(121)));
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(tooLong.json().get("rule").asString()).isEqualTo("HEAT");
		assertThat(tooLong.json().get("figures").get("limitMinutes").asInt()).isEqualTo(120);
		assertThat(tooLong.json().get("figures").get("day").asString()).isEqualTo(day);
		// The test rule is checked too: neither medic has a test.
		assertThat(tooLong.json().get("violations").valueStream().map(v -> v.get("rule").asString()).toList())
			.containsExactly("HEAT", "TEST");
		Response twoHours = fixture.assign(shift, other, start, start.plus(Duration.ofHours(2)));
		assertThat(twoHours.json().get("violations").valueStream().map(v -> v.get("rule").asString()).toList())
			.containsExactly("TEST");
	}

	@Test
	void aShiftKeepsTheLimitsVersionItWasPlannedUnder() {
		Map<String, Object> post = WorkforceFixture.community(WorkforceFixture.CHENYUAN);
		long worker = fixture.volunteer().get("id").asLong();
		Instant start = later(50);
		long planned = fixture.shift(post, "DUTY", start, start.plus(Duration.ofHours(4)), 1);
		fixture.assigned(planned, worker);
		// A stricter version from next year on: 10 h of rest.
		Instant from = Instant.now().plus(Duration.ofDays(365));
		Response added = api().as("commander").post("/api/v1/workforce/limits", Map.of("effectiveFrom", from.toString(),
				"restMinutes", 600, "suitMinutes", 240, "heatSuitMinutes", 120, "testMaxAgeMinutes", 2880, "note", "测试版本"));
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		int version = added.json().get("version").asInt();
		assertThat(version).isGreaterThan(1);
		Instant nineHoursLater = start.plus(Duration.ofHours(13));
		long underOld = fixture.shift(post, "DUTY", nineHoursLater, nineHoursLater.plus(Duration.ofHours(2)), 1);
		assertThat(fixture.assign(underOld, worker).status()).isEqualTo(201);
		clock.advance(Duration.ofDays(366));
		try {
			// The tokens signed in a year ago have expired: sign in afresh.
			Api signedInAgain = new Api(api().port());
			WorkforceFixture fixture = new WorkforceFixture(() -> signedInAgain);
			long other = fixture.volunteer().get("id").asLong();
			long first = fixture.shift(post, "DUTY", start, start.plus(Duration.ofHours(4)), 1);
			fixture.assigned(first, other);
			long underNew = fixture.shift(post, "DUTY", nineHoursLater, nineHoursLater.plus(Duration.ofHours(2)), 1);
			Response refused = fixture.assign(underNew, other);
			assertThat(refused.status()).isEqualTo(422);
			assertThat(refused.json().get("rule").asString()).isEqualTo("REST");
			assertThat(refused.json().get("limitsVersion").asInt()).isEqualTo(version);
			assertThat(refused.json().get("figures").get("requiredMinutes").asInt()).isEqualTo(600);
		}
		finally {
			clock.reset();
		}
		assertThat(api().as("commander").get("/api/v1/workforce/limits").json().get(0).get("createdBy").asString())
			.isEqualTo("commander");
	}

	@Test
	void aVolunteerWorksAtMostEightHoursADayAndACadreTen() {
		Map<String, Object> post = WorkforceFixture.community(WorkforceFixture.CHENYUAN);
		Instant start = later(55);
		long volunteer = fixture.volunteer().get("id").asLong();
		long cadre = fixture.worker(Map.of("kind", "CADRE", "unit", unit())).get("id").asLong();
		long shift = fixture.shift(post, "DUTY", start, start.plus(Duration.ofHours(10)), 2);
		Response daily = fixture.assign(shift, volunteer);
		assertThat(daily.status()).isEqualTo(422);
		assertThat(daily.json().get("rule").asString()).isEqualTo("DAILY_HOURS");
		assertThat(daily.json().get("figures").get("limitMinutes").asInt()).isEqualTo(480);
		assertThat(fixture.assign(shift, cadre).status()).isEqualTo(201);
		assertThat(fixture.assign(shift, volunteer, start, start.plus(Duration.ofHours(8))).status()).isEqualTo(201);
	}

	@Test
	void aSitesShiftsAreGeneratedFromItsStationsForARoundAndGeneratingAgainAddsNothing() {
		Response site = api().as("commander").post("/api/v1/sites", Map.of("name", WorkforceFixture.unique("生成采样点"),
				"kind", "FIXED", "area", WorkforceFixture.BILINWAN, "location", "测试", "stations", 2));
		assertThat(site.status()).as(site.body()).isEqualTo(201);
		Instant starts = later(30);
		Response round = api().as("admin").post("/api/v1/rounds", Map.of("name", WorkforceFixture.unique("生成轮次"),
				"areas", List.of("320602"), "startsAt", starts.toString(), "endsAt",
				starts.plus(Duration.ofHours(11)).toString(), "poolSize", 10));
		assertThat(round.status()).as(round.body()).isEqualTo(201);
		Map<String, Object> form = Map.of("siteId", site.json().get("id").asLong(), "roundId",
				round.json().get("id").asLong());

		Response generated = fixture.coordinator().post("/api/v1/shifts/generate", form);

		assertThat(generated.status()).as(generated.body()).isIn(200, 201);
		JsonNode shifts = generated.json();
		// 07-11, 11-15 and 15-19: per window two samplers and two registrars (one a station), a leader, order keepers.
		assertThat(shifts).hasSize(18);
		long samplers = 0;
		for (JsonNode shift : shifts) {
			if (shift.get("role").asString().equals("SAMPLER")) {
				samplers++;
				assertThat(shift.get("suit").asBoolean()).isTrue();
				assertThat(shift.get("station").asInt()).isBetween(1, 2);
			}
			if (shift.get("role").asString().equals("ORDER_KEEPER")) {
				assertThat(shift.get("needed").asInt()).isEqualTo(2);
			}
		}
		assertThat(samplers).isEqualTo(6);
		assertThat(fixture.coordinator().post("/api/v1/shifts/generate", form).json()).hasSize(18);
	}

	private static String wrongCheckDigit() {
		String good = TestData.residentId();
		return good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
	}

	private long unit() {
		Response created = fixture.coordinator().post("/api/v1/units", Map.of("name", WorkforceFixture.unique("区测试局")));
		assertThat(created.status()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private String today() {
		return day(0);
	}

	private String day(int offset) {
		return java.time.LocalDate.now(clock).plusDays(offset).toString();
	}

	private long auditRows(long workerId) {
		return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'WORKER_READ' AND record_id = :id")
			.param("id", Long.toString(workerId))
			.query(Long.class)
			.single();
	}

	private static Map<String, Long> withoutAudit(Map<String, Long> counts) {
		Map<String, Long> copy = new java.util.LinkedHashMap<>(counts);
		copy.remove("audit_entry");
		return copy;
	}

	private static byte[] workbook(List<List<String>> rows) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet();
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					row.createCell(c).setCellValue(rows.get(r).get(c));
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}
}
