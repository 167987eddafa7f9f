package org.frontline.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.frontline.shared.AlertRaised;
import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.frontline.testing.ResultsFixture;
import org.frontline.testing.TestingFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

@RecordApplicationEvents
class EnterpriseIntegrationTests extends IntegrationTest {

	@Autowired
	ApplicationEvents events;

	@Autowired
	DailyReports dailyReports;

	@Autowired
	LoopTesting loopTesting;

	@Autowired
	Loops loops;

	/** Runs a service call as the district's commander on this thread. */
	static <T> T asCommander(java.util.function.Supplier<T> call) {
		org.frontline.shared.Viewer viewer = new org.frontline.shared.Viewer(0, "commander",
				java.util.Set.of(org.frontline.shared.Role.COMMANDER), "320602");
		var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new org.springframework.security.authentication.TestingAuthenticationToken(
				(org.frontline.shared.ViewerPrincipal) () -> viewer, null));
		org.springframework.security.core.context.SecurityContextHolder.setContext(context);
		try {
			return call.get();
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
		}
	}

	private Api client;

	@Override
	protected Api api() {
		if (client == null) {
			client = new Api(port);
		}
		return client;
	}

	@AfterEach
	void resetClock() {
		clock.reset();
		client = null;
	}

	private EnterpriseFixture fixture() {
		return new EnterpriseFixture(api());
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void aWrongCreditCodeIsA422OnItsFieldAndWritesNothing() {
		long before = count("SELECT count(*) FROM enterprise_enterprise");
		String good = EnterpriseFixture.creditCode();
		String wrong = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
		Response response = api().as("commander").post("/api/v1/enterprises", Map.of("name", "南亚塑胶测试",
				"creditCode", wrong, "area", EnterpriseFixture.COMPOUND, "staffCount", 690));
		assertThat(response.status()).as(response.body()).isEqualTo(422);
		assertThat(response.json().get("type").asString()).endsWith("/invalid-credit-code");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("creditCode");
		assertThat(count("SELECT count(*) FROM enterprise_enterprise")).isEqualTo(before);

		Response created = api().as("commander").post("/api/v1/enterprises", Map.of("name", "南亚塑胶测试",
				"creditCode", good.toLowerCase(), "area", EnterpriseFixture.COMPOUND, "staffCount", 690));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("creditCode").asString()).isEqualTo(good);
		Response again = api().as("commander").post("/api/v1/enterprises", Map.of("name", "另一家",
				"creditCode", good, "area", EnterpriseFixture.COMPOUND));
		assertThat(again.status()).isEqualTo(409);
		Response community = api().as("commander").post("/api/v1/enterprises", Map.of("name", "不在小区",
				"creditCode", EnterpriseFixture.creditCode(), "area", "320602001001"));
		assertThat(community.status()).isEqualTo(400);
		assertThat(community.json().get("errors").get(0).get("field").asString()).isEqualTo("area");
	}

	@Test
	void importAnswersEveryRowAndImportingAgainChangesNothing() {
		String one = EnterpriseFixture.creditCode();
		String two = EnterpriseFixture.creditCode();
		String bad = one.substring(0, 17) + (one.charAt(17) == 'A' ? 'B' : 'A');
		String csv = "企业名称,统一社会信用代码,地址,小区代码,行业,员工人数\n" + "甲厂," + one + ",一路," + EnterpriseFixture.COMPOUND
				+ ",制造,10\n" + "乙厂," + two + ",二路," + EnterpriseFixture.COMPOUND + ",纺织,20\n" + "丙厂," + bad + ",三路,"
				+ EnterpriseFixture.COMPOUND + ",食品,5\n";
		Response first = api().as("commander").postRaw("/api/v1/enterprises/import", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8));
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(statuses(first.json())).containsExactly("ACCEPTED", "ACCEPTED", "REJECTED");
		assertThat(first.json().get(2).get("row").asInt()).isEqualTo(4);
		assertThat(first.json().get(2).get("field").asString()).isEqualTo("creditCode");
		long after = count("SELECT count(*) FROM enterprise_enterprise");
		Response second = api().as("commander").postRaw("/api/v1/enterprises/import", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8));
		assertThat(statuses(second.json())).containsExactly("DUPLICATE", "DUPLICATE", "REJECTED");
		assertThat(count("SELECT count(*) FROM enterprise_enterprise")).isEqualTo(after);
	}

	@Test
	void rosterUploadAnswersEveryRowInOrderAndSendingItAgainChangesNothing() {
		EnterpriseFixture f = fixture();
		long enterprise = f.enterprise();
		long loop = f.loop(enterprise);
		Api.As liaison = f.as(f.liaison(enterprise));
		long resident = new TestingFixture(api()).person(TestData.BILINWAN_COMPOUND);
		Map<String, Object> newcomer = EnterpriseFixture.newcomer("张三", "A", "101");
		Map<String, Object> wrongId = EnterpriseFixture.newcomer("李四", "A", "102");
		wrongId.put("idNumber", "320602199001011234");
		List<Map<String, Object>> staff = List.of(Map.of("personId", resident, "shiftGroup", "B", "room", "201"),
				newcomer, wrongId, newcomer, Map.of("personId", 987_654_321L));
		long members = count("SELECT count(*) FROM enterprise_member");
		long people = count("SELECT count(*) FROM people_person");
		List<JsonNode> answers = f.roster(liaison, loop, staff);
		assertThat(answers).extracting(a -> a.get("status").asString())
			.containsExactly("ACCEPTED", "ACCEPTED", "REJECTED", "DUPLICATE", "REJECTED");
		assertThat(answers).extracting(a -> a.get("row").asInt()).containsExactly(1, 2, 3, 4, 5);
		assertThat(answers.get(0).get("id").asLong()).isEqualTo(resident);
		assertThat(answers.get(2).get("field").asString()).isEqualTo("idNumber");
		assertThat(answers.get(3).get("id").asLong()).isEqualTo(answers.get(1).get("id").asLong());
		assertThat(answers.get(4).get("field").asString()).isEqualTo("personId");
		assertThat(count("SELECT count(*) FROM enterprise_member")).isEqualTo(members + 2);
		assertThat(count("SELECT count(*) FROM people_person")).isEqualTo(people + 1);

		List<JsonNode> again = f.roster(liaison, loop, staff);
		assertThat(again).extracting(a -> a.get("status").asString())
			.containsExactly("DUPLICATE", "DUPLICATE", "REJECTED", "DUPLICATE", "REJECTED");
		assertThat(count("SELECT count(*) FROM enterprise_member")).isEqualTo(members + 2);
		assertThat(count("SELECT count(*) FROM people_person")).isEqualTo(people + 1);
		assertThat(count("SELECT count(*) FROM enterprise_movement WHERE loop_id = " + loop)).isEqualTo(2);

		String csv = "姓名,证件号码,手机,班组,宿舍楼,房间\n王五," + TestData.residentId() + "," + TestData.phone()
				+ ",C,2号楼,301\n赵六,12345,,C,2号楼,302\n";
		Response upload = liaison.postRaw("/api/v1/loops/" + loop + "/roster", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8));
		assertThat(upload.status()).as(upload.body()).isEqualTo(200);
		assertThat(statuses(upload.json())).containsExactly("ACCEPTED", "REJECTED");
		assertThat(upload.json().get(1).get("row").asInt()).isEqualTo(3);

		JsonNode untested = liaison.get("/api/v1/loops/" + loop + "/untested").json();
		assertThat(untested.get("total").asLong()).isEqualTo(3);
		JsonNode day = liaison.get("/api/v1/loops/" + loop).json();
		assertThat(day.get("headcount").asLong()).isEqualTo(3);
		assertThat(day.get("meals").asLong()).isEqualTo(9);
	}

	@Test
	void aLiaisonSeesOnlyTheirEnterprise() {
		EnterpriseFixture f = fixture();
		long mine = f.enterprise();
		long other = f.enterprise();
		long myLoop = f.loop(mine);
		long otherLoop = f.loop(other);
		Api.As liaison = f.as(f.liaison(mine));
		JsonNode list = liaison.get("/api/v1/enterprises").json();
		assertThat(list).hasSize(1);
		assertThat(list.get(0).get("id").asLong()).isEqualTo(mine);
		assertThat(liaison.get("/api/v1/enterprises/" + other).status()).isEqualTo(404);
		assertThat(liaison.get("/api/v1/loops/" + otherLoop + "/untested").status()).isEqualTo(404);
		Response foreign = liaison.post("/api/v1/loops/" + otherLoop + "/roster",
				Map.of("staff", List.of(EnterpriseFixture.newcomer("钱七", "A", "1"))));
		assertThat(foreign.status()).isEqualTo(404);
		JsonNode loops = liaison.get("/api/v1/loops").json();
		assertThat(loops).hasSize(1);
		assertThat(loops.get(0).get("loopId").asLong()).isEqualTo(myLoop);
		assertThat(liaison.post("/api/v1/enterprises", Map.of("name", "x")).status()).isEqualTo(403);
		assertThat(liaison.post("/api/v1/loops/" + myLoop + "/end", Map.of()).status()).isEqualTo(403);
		JsonNode commands = api().as("commander").get("/api/v1/loops?status=ACTIVE&area=320602").json();
		List<Long> ids = new ArrayList<>();
		commands.forEach(l -> ids.add(l.get("loopId").asLong()));
		assertThat(ids).contains(myLoop, otherLoop);
	}

	@Test
	void enteringAfterTheRosterClosedOrComingBackNeedsANegativeTestWithin48Hours() {
		EnterpriseFixture f = fixture();
		long enterprise = f.enterprise();
		long loop = f.loop(enterprise);
		Api.As liaison = f.as(f.liaison(enterprise));
		long tested = new TestingFixture(api()).person(TestData.BILINWAN_COMPOUND);
		long untested = new TestingFixture(api()).person(TestData.BILINWAN_COMPOUND);
		assertThat(f.roster(liaison, loop, List.of(Map.of("personId", tested), Map.of("personId", untested))))
			.extracting(a -> a.get("status").asString())
			.containsExactly("ACCEPTED", "ACCEPTED");
		for (long person : List.of(tested, untested)) {
			Response left = liaison.post("/api/v1/loops/" + loop + "/leave", Map.of("personId", person, "reason", "回家"));
			assertThat(left.status()).as(left.body()).isEqualTo(200);
			assertThat(left.json().get("kind").asString()).isEqualTo("LEFT");
		}
		assertThat(liaison.post("/api/v1/loops/" + loop + "/leave", Map.of("personId", tested, "reason", "x")).status())
			.isEqualTo(404);

		ResultsFixture results = new ResultsFixture(api(), 10);
		String tube = results.tube(List.of(tested), 10, true);
		assertThat(results.post(results.labStaff, List.of(ResultsFixture.result(tube, "NEGATIVE"))).get(0)
			.get("status").asString()).isIn("CREATED", "ACCEPTED", "STORED");

		List<JsonNode> back = f.roster(liaison, loop, List.of(Map.of("personId", tested), Map.of("personId", untested)));
		assertThat(back).extracting(a -> a.get("status").asString()).containsExactly("ACCEPTED", "REJECTED");
		assertThat(back.get(1).get("reason").asString()).contains("48");
		JsonNode movements = liaison.get("/api/v1/loops/" + loop + "/movements").json();
		assertThat(movements).extracting(m -> m.get("kind").asString()).containsExactly("ENTERED", "LEFT", "LEFT",
				"JOINED", "JOINED");
		assertThat(movements.get(0).get("testAt").isNull()).isFalse();

		clock.advance(Duration.ofHours(49));
		client = null;
		f = fixture();
		Response leaving = f.as(f.liaison(enterprise)).post("/api/v1/loops/" + loop + "/leave",
				Map.of("personId", tested, "reason", "休假"));
		assertThat(leaving.status()).as(leaving.body()).isEqualTo(200);
		List<JsonNode> late = f.roster(f.as(f.liaison(enterprise)), loop, List.of(Map.of("personId", tested)));
		assertThat(late.get(0).get("status").asString()).isEqualTo("REJECTED");
	}

	@Test
	void aFeverFlagsTheShiftGroupHandsThePersonToQuarantineAndAlertsTheCommand() {
		EnterpriseFixture f = fixture();
		long enterprise = f.enterprise();
		long loop = f.loop(enterprise);
		Api.As liaison = f.as(f.liaison(enterprise));
		List<JsonNode> rows = f.roster(liaison, loop, List.of(EnterpriseFixture.newcomer("孙八", "夜班", "501"),
				EnterpriseFixture.newcomer("周九", "夜班", "502")));
		long sick = rows.get(0).get("id").asLong();
		Response wrong = liaison.post("/api/v1/loops/" + loop + "/exceptions", Map.of("personId", sick, "kind", "COLD"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
		// Called on this thread (as the API does) so that the events it publishes are recorded here.
		LoopException fever = asCommander(() -> loopTesting.report(loop, new ExceptionReport(sick, "FEVER", "38.6℃")));
		assertThat(fever.shiftGroup()).isEqualTo("夜班");
		JsonNode day = liaison.get("/api/v1/loops/" + loop).json();
		assertThat(day.get("flaggedShiftGroups").get(0).asString()).isEqualTo("夜班");
		assertThat(day.get("headcount").asLong()).isEqualTo(1);
		assertThat(events.stream(org.frontline.shared.QuarantineReferral.class)
			.filter(e -> e.key().equals("exception:" + fever.id())))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.personId()).isEqualTo(sick);
				assertThat(e.name()).isEqualTo("孙八");
				assertThat(e.reason()).isEqualTo("FEVER");
			});
		// The quarantine module plans the arrival after the commit, on its own.
		assertThat(awaitCount("SELECT count(*) FROM quarantine_arrival WHERE person_id = " + sick + " AND status = 'PLANNED'"))
			.isEqualTo(1);
		assertThat(events.stream(AlertRaised.class).filter(a -> a.href().equals("/enterprise/loops/" + loop)))
			.singleElement()
			.satisfies(a -> assertThat(a.titleKey()).isEqualTo("enterprise.alert.exception.fever"));
		JsonNode summary = null;
		for (JsonNode l : api().as("commander").get("/api/v1/loops").json()) {
			if (l.get("loopId").asLong() == loop) {
				summary = l;
			}
		}
		assertThat(summary.get("exceptionsOpen").asLong()).isEqualTo(1);
	}

	@Test
	void aReportNotFiledByTheDeadlineRaisesAnAlertThatEscalatesAndFilingClearsIt() {
		EnterpriseFixture f = fixture();
		long enterprise = f.enterprise();
		LocalDate today = LocalDate.now(clock);
		long loop = f.loop(enterprise, today.atStartOfDay(clock.getZone()).toInstant());
		java.time.Instant due = dailyReports.deadline(today);
		clock.advance(Duration.between(clock.instant(), due.minusSeconds(60)));
		dailyReports.checkDeadlines();
		assertThat(alerts(loop)).isEmpty();

		clock.advance(Duration.ofMinutes(2));
		dailyReports.checkDeadlines();
		dailyReports.checkDeadlines();
		assertThat(alerts(loop)).singleElement().satisfies(a -> {
			assertThat(a.titleKey()).isEqualTo("enterprise.alert.report-missing");
			assertThat(a.area()).isEqualTo(EnterpriseFixture.COMPOUND);
		});
		// The clock moved to today's deadline, up to 18 hours: a token of before would have expired.
		Api.As commander = api().signedInNow("commander");
		JsonNode listed = find(commander.get("/api/v1/loops").json(), loop);
		assertThat(listed.get("reportMissing").asBoolean()).isTrue();

		clock.advance(Duration.ofHours(1));
		dailyReports.checkDeadlines();
		assertThat(alerts(loop)).hasSize(2).last().satisfies(a -> {
			assertThat(a.titleKey()).isEqualTo("enterprise.alert.report-escalated");
			assertThat(a.area()).isEqualTo("320602");
		});

		client = null;
		Api.As liaison = f.as(f.liaison(enterprise));
		Response bad = liaison.post("/api/v1/loops/" + loop + "/reports", Map.of("inLoop", -1, "tested", 0,
				"positives", 0, "fevers", 0, "meals", 0));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("inLoop");
		DailyReport filed = asCommander(
				() -> dailyReports.file(loop, new ReportForm(today, 0, 0, 0, 0, 0, "缺少口罩")));
		assertThat(filed.problems()).isEqualTo("缺少口罩");
		assertThat(liaison.get("/api/v1/loops/" + loop + "/reports").json().get(0).get("problems").asString())
			.isEqualTo("缺少口罩");
		listed = find(commander.get("/api/v1/loops").json(), loop);
		assertThat(listed.get("reportMissing").asBoolean()).isFalse();
		assertThat(listed.get("reportFiled").asBoolean()).isTrue();
		assertThat(events.stream(org.frontline.shared.AlertCleared.class)
			.filter(c -> c.key().equals("report:" + loop + ":" + today))).hasSize(1);
	}

	@Test
	void aPositiveResultOfSomeoneInTheLoopIsAnExceptionOfTheLoop() {
		EnterpriseFixture f = fixture();
		long enterprise = f.enterprise();
		long loop = f.loop(enterprise);
		Api.As liaison = f.as(f.liaison(enterprise));
		long person = f.roster(liaison, loop, List.of(EnterpriseFixture.newcomer("陈十", "乙班", "601"))).get(0)
			.get("id").asLong();
		long round = liaison.get("/api/v1/loops/" + loop).json().get("roundId").asLong();
		ResultsFixture results = new ResultsFixture(api(), 10);
		String tube = results.tube(round, List.of(person), 1, true, false);
		assertThat(results.post(results.labStaff, List.of(ResultsFixture.result(tube, "POSITIVE"))).get(0)
			.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(awaitCount("SELECT count(*) FROM enterprise_exception WHERE loop_id = " + loop + " AND person_id = "
				+ person + " AND kind = 'POSITIVE'")).isEqualTo(1);
		assertThat(awaitCount("SELECT count(*) FROM enterprise_member WHERE loop_id = " + loop + " AND person_id = "
				+ person + " AND left_at IS NOT NULL")).isEqualTo(1);
	}

	@Test
	void aNoticeOrderingTheEnterpriseIntoClosedLoopStartsItsLoopAndALaterOneLiftsIt() {
		long enterprise = fixture().enterprise();
		Response ordered = api().as("commander").post("/api/v1/notices", Map.of("title", "关于企业闭环管理的通告",
				"text", "自即日起实行闭环管理。", "closedLoop", List.of(enterprise)));
		assertThat(ordered.status()).as(ordered.body()).isEqualTo(201);
		assertThat(awaitCount("SELECT count(*) FROM enterprise_loop WHERE ends_at IS NULL AND enterprise_id = " + enterprise))
			.isEqualTo(1);
		String notice = jdbc.sql("SELECT notice FROM enterprise_loop WHERE enterprise_id = :e").param("e", enterprise)
			.query(String.class).single();
		assertThat(notice).isEqualTo("第" + ordered.json().get("number").asInt() + "号通告");
		Response lifted = api().as("commander").post("/api/v1/notices", Map.of("title", "关于解除企业闭环管理的通告",
				"text", "解除闭环管理。", "closedLoopLifted", List.of(enterprise)));
		assertThat(lifted.status()).as(lifted.body()).isEqualTo(201);
		assertThat(awaitCount("SELECT count(*) FROM enterprise_loop WHERE ends_at IS NOT NULL AND enterprise_id = " + enterprise))
			.isEqualTo(1);
	}

	@Test
	void eachNewDayOfALoopGetsATestingRoundOverThePeopleInTheLoop() {
		EnterpriseFixture f = fixture();
		long enterprise = f.enterprise();
		long loop = f.loop(enterprise);
		f.roster(f.as(f.liaison(enterprise)), loop, List.of(EnterpriseFixture.newcomer("林一", "甲班", "101"),
				EnterpriseFixture.newcomer("林二", "乙班", "102")));
		LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
		clock.advance(Duration.ofDays(1));
		assertThat(loops.openToday()).isPositive();
		assertThat(loops.openToday()).isZero();
		Long round = jdbc.sql("SELECT round_id FROM enterprise_loop_day WHERE loop_id = :l AND day = :d")
			.param("l", loop).param("d", tomorrow).query(Long.class).single();
		assertThat(count("SELECT count(*) FROM testing_round_member WHERE round_id = " + round)).isEqualTo(2);
		client = null;
		JsonNode untested = fixture().as(fixture().liaison(enterprise)).get("/api/v1/loops/" + loop + "/untested").json();
		assertThat(untested.get("total").asLong()).isEqualTo(2);
	}

	/** A count that module listeners change after the commit: asked again for up to 20 s until it is not 0. */
	private long awaitCount(String sql) {
		long deadline = System.nanoTime() + 20_000_000_000L;
		long value = count(sql);
		while (value == 0 && System.nanoTime() < deadline) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			value = count(sql);
		}
		return value;
	}

	private List<AlertRaised> alerts(long loop) {
		return events.stream(AlertRaised.class).filter(a -> a.href().equals("/enterprise/loops/" + loop)).toList();
	}

	private static JsonNode find(JsonNode loops, long loop) {
		for (JsonNode l : loops) {
			if (l.get("loopId").asLong() == loop) {
				return l;
			}
		}
		throw new AssertionError("loop " + loop + " not listed");
	}

	private static List<String> statuses(JsonNode answers) {
		List<String> statuses = new ArrayList<>();
		answers.forEach(a -> statuses.add(a.get("status").asString()));
		return statuses;
	}
}
