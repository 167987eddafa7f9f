package org.frontline.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.frontline.command.CommandFixture.BILINWAN;
import static org.frontline.command.CommandFixture.PASSWORD;
import static org.frontline.command.CommandFixture.await;
import static org.frontline.command.CommandFixture.figure;
import static org.frontline.command.CommandFixture.part;
import static org.frontline.command.CommandFixture.unique;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.frontline.enterprise.CreditCode;
import org.frontline.shared.AlertRaised;
import org.frontline.shared.AlertSeverity;
import org.frontline.supplies.SuppliesFixture;
import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

class DailyReportIntegrationTests extends IntegrationTest {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	private JsonNode issue(Api.As as, LocalDate day) {
		Response issued = as.post("/api/v1/reports/daily", Map.of("date", day.toString()));
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		return issued.json();
	}

	private static Row totalRow(Sheet sheet) {
		for (Row row : sheet) {
			if ("全区合计".equals(row.getCell(0).getStringCellValue())) {
				return row;
			}
		}
		throw new AssertionError("no total in " + sheet.getSheetName());
	}

	private static Map<String, Object> newcomer(String name, String room) {
		return Map.of("name", name, "idType", "RESIDENT_ID", "idNumber", TestData.residentId(), "phone",
				TestData.phone(), "shiftGroup", "甲班", "building", "1号楼", "room", room);
	}

	private static String creditCode() {
		String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
		StringBuilder code = new StringBuilder("91320602");
		for (int i = 0; i < 9; i++) {
			code.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
		}
		return code.append(CreditCode.checkCharacter(code.toString())).toString();
	}

	private JsonNode issue(LocalDate day) {
		Response issued = api().as("commander").post("/api/v1/reports/daily", Map.of("date", day.toString()));
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		return issued.json();
	}

	/** A report issued by a commander signed in afresh once the clock has moved on, and its figures. */
	record PastReport(Api api, Api.As commander, long id, JsonNode figures) {
	}

	/** Moves the clock on, signs the commander in afresh, issues the day's report and reads its figures. */
	private PastReport issueLater(Duration later, LocalDate day) {
		clock.advance(later);
		Api fresh = new Api(port);
		Api.As commander = fresh.signedInNow("commander");
		long id = issue(commander, day).get("id").asLong();
		JsonNode figures = commander.get("/api/v1/reports/daily/" + id).json().get("figures");
		return new PastReport(fresh, commander, id, figures);
	}

	private byte[] download(long id, String kind) {
		Response file = api().as("commander").get("/api/v1/reports/daily/" + id + "." + kind);
		assertThat(file.status()).as(file.body()).isEqualTo(200);
		return file.raw().body();
	}

	@Test
	void anIssuedReportNeverChangesAndACorrectionIsANewVersionSayingWhatChanged() {
		LocalDate day = LocalDate.now(clock).minusDays(20);
		JsonNode first = issue(day);
		long id = first.get("id").asLong();
		byte[] pdf = download(id, "pdf");
		byte[] xlsx = download(id, "xlsx");
		assertThat(issue(day).get("id").asLong()).as("the same figures give back the issued report").isEqualTo(id);

		ZoneId zone = clock.getZone();
		Instant noon = day.atTime(12, 0).atZone(zone).toInstant();
		String key = unique("late-report");
		transactions.executeWithoutResult(tx -> events.publishEvent(new AlertRaised("test", key, AlertSeverity.WARNING,
				BILINWAN, "command.alert.title", List.of(), null, null, noon)));
		await(() -> jdbc.sql("SELECT count(*) FROM command_alert WHERE key = :k").param("k", key).query(Long.class)
			.single() == 1);

		JsonNode second = issue(day);
		assertThat(second.get("id").asLong()).isNotEqualTo(id);
		assertThat(second.get("version").asInt()).isEqualTo(first.get("version").asInt() + 1);
		assertThat(second.get("changes").asString()).contains("告警").contains("城东街道");
		assertThat(download(id, "pdf")).isEqualTo(pdf);
		assertThat(download(id, "xlsx")).isEqualTo(xlsx);
		assertThatThrownBy(() -> jdbc.sql("UPDATE command_report SET changes = 'x' WHERE id = :id").param("id", id).update())
			.hasMessageContaining("never changed");
		List<Integer> versions = api().as("commander").get("/api/v1/reports/daily?date=" + day).json().valueStream()
			.map(r -> r.get("version").asInt()).toList();
		assertThat(versions).contains(first.get("version").asInt(), second.get("version").asInt());
		assertThat(api().as("commander").post("/api/v1/reports/daily", Map.of("date", LocalDate.now(clock).plusDays(1)
			.toString())).json().get("errors").get(0).get("field").asString()).isEqualTo("date");
	}

	@Test
	void theReportsFiguresEqualCountsDoneAnotherWayAndThePdfAndWorkbookCarryThem() throws IOException {
		LocalDate day = LocalDate.now(clock);
		JsonNode issued = issue(day);
		long id = issued.get("id").asLong();
		JsonNode figures = api().as("commander").get("/api/v1/reports/daily/" + id).json().get("figures");
		ZoneId zone = clock.getZone();
		Timestamp from = Timestamp.from(day.atStartOfDay(zone).toInstant());
		Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant());

		long samples = jdbc.sql("""
				SELECT count(*) FROM testing_sample s JOIN testing_site st ON st.id = s.site_id
				WHERE s.removed_at IS NULL AND s.sampled_at >= :from AND s.sampled_at < :to AND st.area_code LIKE '320602%'""")
			.param("from", from).param("to", to).query(Long.class).single();
		long admitted = jdbc.sql("""
				SELECT count(*) FROM quarantine_stay s JOIN quarantine_facility f ON f.id = s.facility_id
				WHERE s.admitted_at >= :from AND s.admitted_at < :to AND f.area_code LIKE '320602%'""")
			.param("from", from).param("to", to).query(Long.class).single();
		long staying = jdbc.sql("""
				SELECT count(*) FROM quarantine_stay s JOIN quarantine_facility f ON f.id = s.facility_id
				WHERE s.admitted_at < :to AND (s.released_at IS NULL OR s.released_at >= :to) AND f.area_code LIKE '320602%'""")
			.param("to", to).query(Long.class).single();
		long positives = jdbc.sql("""
				SELECT count(*) FROM command_positive WHERE confirmed_at >= :from AND confirmed_at < :to AND area LIKE '320602%'""")
			.param("from", from).param("to", to).query(Long.class).single();
		long subdistrictSamples = jdbc.sql("""
				SELECT count(*) FROM testing_sample s JOIN testing_site st ON st.id = s.site_id
				WHERE s.removed_at IS NULL AND s.sampled_at >= :from AND s.sampled_at < :to AND st.area_code LIKE '320602001%'""")
			.param("from", from).param("to", to).query(Long.class).single();
		assertThat(admitted).as("the demo admits people today").isPositive();
		String shiftsOfTheDay = """
				FROM workforce_shift s JOIN workforce_post p ON p.id = s.post_id
				WHERE s.starts_at >= :from AND s.starts_at < :to AND p.area_code LIKE '320602%'""";
		long needed = jdbc.sql("SELECT coalesce(sum(s.needed), 0) " + shiftsOfTheDay).param("from", from).param("to", to)
			.query(Long.class).single();
		long missing = jdbc.sql("""
				SELECT coalesce(sum(greatest(0, s.needed - (SELECT count(*) FROM workforce_assignment a
				                                             WHERE a.shift_id = s.id AND a.checked_in_at IS NOT NULL))), 0)
				""" + shiftsOfTheDay).param("from", from).param("to", to).query(Long.class).single();
		assertThat(needed).as("the demo's shifts start today").isPositive();
		assertThat(value(figures, "workforce.shifts", "320602", 0)).isEqualTo(needed);
		assertThat(value(figures, "workforce.shifts", "320602", 1)).isEqualTo(needed - missing);
		assertThat(value(figures, "workforce.shifts", "320602", 2)).isEqualTo(missing);
		long requestsMade = jdbc.sql("""
				SELECT count(*) FROM supplies_request r JOIN supplies_place p ON p.place = r.place
				WHERE r.created_at >= :from AND r.created_at < :to AND p.area_code LIKE '320602%'""")
			.param("from", from).param("to", to).query(Long.class).single();
		long requestsOverdue = jdbc.sql("""
				SELECT count(*) FROM supplies_request r JOIN supplies_place p ON p.place = r.place
				WHERE r.needed_by < :to AND r.created_at < :to AND coalesce(r.received_at, 'infinity') >= :to
				  AND (r.status <> 'DECLINED' OR r.approved_at >= :to) AND p.area_code LIKE '320602%'""")
			.param("to", to).query(Long.class).single();
		assertThat(value(figures, "supplies.requests", "320602", 0)).isEqualTo(requestsMade);
		assertThat(value(figures, "supplies.requests", "320602", 2)).isEqualTo(requestsOverdue);

		assertThat(value(figures, "testing.samples", "320602", 0)).isEqualTo(samples);
		assertThat(value(figures, "testing.samples", "320602001", 0)).isEqualTo(subdistrictSamples);
		assertThat(value(figures, "testing.positives", "320602", 0)).isEqualTo(positives);
		assertThat(value(figures, "quarantine.stays", "320602", 0)).isEqualTo(admitted);
		assertThat(value(figures, "quarantine.stays", "320602", 2)).isEqualTo(staying);
		assertThat(figures.get("trend").get(day.toString()).get("quarantine.stays.2").asLong()).isEqualTo(staying);

		String text;
		try (PDDocument document = Loader.loadPDF(download(id, "pdf"))) {
			text = new PDFTextStripper().getText(document);
		}
		assertThat(text).contains("崇川区疫情防控日报").contains("全区合计").contains("尚未解决的问题").contains("近14天趋势");
		List<String> lines = Arrays.stream(text.split("\\R")).map(String::strip).toList();
		String totalLine = lines.subList(lines.indexOf("核酸采样"), lines.size()).stream()
			.filter(l -> l.startsWith("全区合计")).findFirst().orElseThrow();
		assertThat(totalLine).contains(String.format(Locale.ROOT, "%,d（", samples));
		assertThat(text).contains(String.format(Locale.ROOT, "%,d（", staying));

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download(id, "xlsx")))) {
			Sheet sampling = workbook.getSheet("核酸采样");
			Row total = null;
			for (Row row : sampling) {
				if ("全区合计".equals(row.getCell(0).getStringCellValue())) {
					total = row;
				}
			}
			assertThat(total).isNotNull();
			assertThat(total.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat((long) total.getCell(1).getNumericCellValue()).isEqualTo(samples);
			Sheet quarantine = workbook.getSheet("集中隔离");
			double stayingCell = 0;
			for (Row row : quarantine) {
				if ("全区合计".equals(row.getCell(0).getStringCellValue())) {
					stayingCell = row.getCell(7).getNumericCellValue();
				}
			}
			assertThat((long) stayingCell).isEqualTo(staying);
			double neededCell = 0;
			for (Row row : workbook.getSheet("当日班次到岗")) {
				if ("全区合计".equals(row.getCell(0).getStringCellValue())) {
					neededCell = row.getCell(1).getNumericCellValue();
				}
			}
			assertThat((long) neededCell).isEqualTo(needed);
		}
	}

	@Test
	void aPastDaysReportHasTheEnterprisesAtTheDaysEndCountedAnotherWayAndKeepsThemWhenTheLoopsMoveOn()
			throws IOException {
		LocalDate day = LocalDate.now(clock);
		Response created = api().as("commander").post("/api/v1/enterprises", Map.of("name", unique("日报企业-"),
				"creditCode", creditCode(), "address", "崇川区测试路 2 号", "area", TestData.BILINWAN_COMPOUND,
				"industry", "制造业", "staffCount", 10));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long enterprise = created.json().get("id").asLong();
		Response started = api().as("commander").post("/api/v1/enterprises/" + enterprise + "/loops",
				Map.of("notice", "第37号通告"));
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		long loop = started.json().get("id").asLong();
		String liaison = unique("report-liaison-");
		assertThat(api().as("admin").post("/api/v1/users", Map.of("username", liaison, "password", PASSWORD, "roles",
				List.of("ENTERPRISE_LIAISON"), "enterprise", enterprise)).status()).isEqualTo(201);
		Response roster = api().as(liaison, PASSWORD).post("/api/v1/loops/" + loop + "/roster",
				Map.of("staff", List.of(newcomer("甲", "101"), newcomer("乙", "102"))));
		assertThat(roster.status()).as(roster.body()).isEqualTo(200);
		List<Long> people = roster.json().valueStream().map(r -> r.get("id").asLong()).toList();
		String subdistrictCommander = CommandFixture.user(api(), "COMMANDER", CommandFixture.SUBDISTRICT);

		try {
			PastReport report = issueLater(Duration.ofDays(1), day);
			Api.As commander = report.commander();
			long id = report.id();
			ZoneId zone = clock.getZone();
			Timestamp end = Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant());
			for (String area : List.of(CommandFixture.DISTRICT, CommandFixture.SUBDISTRICT)) {
				List<Long> counted = enterprisesAtTheEnd(area, day, end);
				for (int c = 0; c < counted.size(); c++) {
					assertThat(value(report.figures(), "enterprise.loops", area, c)).as(area + " column " + c)
						.isEqualTo(counted.get(c));
				}
			}
			List<Long> district = enterprisesAtTheEnd(CommandFixture.DISTRICT, day, end);
			assertThat(district.get(0)).as("the demo's loops and this one").isGreaterThanOrEqualTo(5);
			assertThat(district.get(1)).as("the demo's staff and these two").isGreaterThan(2);
			assertThat(district.get(2)).as("the demo samples its loops' staff").isPositive();
			assertThat(district.get(3)).as("the demo's loops without reports").isPositive();

			String text;
			try (PDDocument document = Loader.loadPDF(commander.get("/api/v1/reports/daily/" + id + ".pdf").raw().body())) {
				text = new PDFTextStripper().getText(document);
			}
			List<String> lines = Arrays.stream(text.split("\\R")).map(String::strip).toList();
			String totalLine = lines.subList(lines.indexOf("闭环企业（日终）"), lines.size()).stream()
				.filter(l -> l.startsWith("全区合计")).findFirst().orElseThrow();
			assertThat(totalLine).contains(String.format(Locale.ROOT, "%,d（", district.get(0)))
				.contains(String.format(Locale.ROOT, "%,d（", district.get(1)))
				.contains(String.format(Locale.ROOT, "%,d（", district.get(2)));
			try (XSSFWorkbook workbook = new XSSFWorkbook(
					new ByteArrayInputStream(commander.get("/api/v1/reports/daily/" + id + ".xlsx").raw().body()))) {
				Row total = totalRow(workbook.getSheet("闭环企业（日终）"));
				for (int c = 0; c < district.size(); c++) {
					assertThat(total.getCell(1 + 3 * c).getCellType()).isEqualTo(CellType.NUMERIC);
					assertThat((long) total.getCell(1 + 3 * c).getNumericCellValue()).isEqualTo(district.get(c));
				}
			}

			Api.As scoped = report.api().as(subdistrictCommander, PASSWORD);
			Response own = scoped.post("/api/v1/reports/daily", Map.of("date", day.toString()));
			assertThat(own.status()).as(own.body()).isEqualTo(201);
			JsonNode ownFigures = scoped.get("/api/v1/reports/daily/" + own.json().get("id").asLong()).json()
				.get("figures");
			assertThat(ownFigures.get("rows").valueStream().map(r -> r.get("code").asString()))
				.allMatch(code -> code.startsWith(CommandFixture.SUBDISTRICT));
			for (int c = 0; c < district.size(); c++) {
				assertThat(value(ownFigures, "enterprise.loops", CommandFixture.SUBDISTRICT, c))
					.isEqualTo(value(report.figures(), "enterprise.loops", CommandFixture.SUBDISTRICT, c));
			}
			assertThat(scoped.post("/api/v1/reports/daily", Map.of("date", day.toString(), "area",
					CommandFixture.DISTRICT)).status()).isEqualTo(404);
			assertThat(scoped.get("/api/v1/reports/daily/" + id).status()).isEqualTo(404);

			byte[] pdf = commander.get("/api/v1/reports/daily/" + id + ".pdf").raw().body();
			Response left = report.api().as(liaison, PASSWORD).post("/api/v1/loops/" + loop + "/leave",
					Map.of("personId", people.get(0), "reason", "休假"));
			assertThat(left.status()).as(left.body()).isEqualTo(200);
			assertThat(enterprisesAtTheEnd(CommandFixture.DISTRICT, day, end)).isEqualTo(district);
			assertThat(issue(commander, day).get("id").asLong()).as("a leaving after the day's end changes nothing")
				.isEqualTo(id);
			assertThat(commander.get("/api/v1/reports/daily/" + id + ".pdf").raw().body()).isEqualTo(pdf);
		}
		finally {
			clock.reset();
		}
	}

	@Test
	void theEnterprisesOfTodaysReportEqualTheLiveView() {
		LocalDate day = LocalDate.now(clock);
		JsonNode figures = api().as("commander").get("/api/v1/reports/daily/" + issue(day).get("id").asLong()).json()
			.get("figures");
		// Subdistricts whose only loops running today are the demo's: no other test starts one there.
		for (String area : List.of("320602002", "320602003")) {
			JsonNode part = part(api().as("commander").get("/api/v1/command/overview?area=" + area).json(), "enterprise");
			List<String> ids = List.of("loops", "staff", "testedToday", "reportsMissing");
			for (int c = 0; c < ids.size(); c++) {
				long live = figure(part, ids.get(c)).get("value").asLong();
				assertThat(value(figures, "enterprise.loops", area, c)).as(area + " " + ids.get(c)).isEqualTo(live);
			}
		}
	}

	@Test
	void aLoopThatBeginsTomorrowIsInNeitherTodaysReportNorTheLiveView() {
		Instant now = clock.instant();
		Instant tomorrow = now.plus(Duration.ofDays(1));
		Response created = api().as("commander").post("/api/v1/enterprises", Map.of("name", unique("明日企业-"),
				"creditCode", creditCode(), "address", "崇川区测试路 3 号", "area", "320602003001001", "industry", "制造业",
				"staffCount", 5));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		Response started = api().as("commander").post("/api/v1/enterprises/" + created.json().get("id").asLong()
				+ "/loops", Map.of("notice", "第38号通告", "from", tomorrow.toString()));
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		long loop = started.json().get("id").asLong();
		try {
			String loops = """
					SELECT count(*) FROM enterprise_loop l JOIN enterprise_enterprise e ON e.id = l.enterprise_id
					WHERE e.area_code LIKE '320602003%' AND l.ends_at IS NULL AND l.starts_at < :before
					""";
			long running = jdbc.sql(loops).param("before", Timestamp.from(now)).query(Long.class).single();
			long open = jdbc.sql(loops).param("before", Timestamp.from(tomorrow.plusSeconds(1))).query(Long.class)
				.single();
			assertThat(open).as("the loop that begins tomorrow is open").isEqualTo(running + 1);
			JsonNode part = part(api().as("commander").get("/api/v1/command/overview?area=320602003").json(), "enterprise");
			assertThat(figure(part, "loops").get("value").asLong()).isEqualTo(running);
			JsonNode figures = api().as("commander")
				.get("/api/v1/reports/daily/" + issue(LocalDate.now(clock)).get("id").asLong()).json().get("figures");
			assertThat(value(figures, "enterprise.loops", "320602003", 0)).isEqualTo(running);
		}
		finally {
			// Lifted when it would have begun, so that no other test meets it.
			Response ended = api().as("commander").post("/api/v1/loops/" + loop + "/end",
					Map.of("at", started.json().get("startsAt").asString()));
			assertThat(ended.status()).as(ended.body()).isEqualTo(200);
		}
	}

	@Test
	void aPastDaysReportHasTheDaysOfCoverAtItsEndReplayedFromTheLedgerAndKeepsThemWhenStockMovesOn() throws IOException {
		LocalDate today = LocalDate.now(clock);
		String warehouse = jdbc.sql("""
				SELECT place FROM supplies_place WHERE place LIKE 'WAREHOUSE:%' AND area_code = :area ORDER BY place LIMIT 1""")
			.param("area", CommandFixture.SUBDISTRICT).query(String.class).single();
		assertThat(move("admin", "RECEIPT", "MASK", 40, null, warehouse, "EXPIRING-" + unique(""), today)).isEqualTo(
				"ACCEPTED");
		assertThat(move("admin", "ISSUE", "MASK", 50, warehouse, null, null, null)).isEqualTo("ACCEPTED");
		LocalDate day = today.plusDays(1);

		try {
			PastReport report = issueLater(Duration.ofDays(2), day);
			Api.As commander = report.commander();
			long id = report.id();
			Timestamp end = Timestamp.from(day.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
			for (String area : List.of(CommandFixture.DISTRICT, CommandFixture.SUBDISTRICT)) {
				Cover cover = coverReplayed(area, day, end);
				assertThat(cover.least()).as(area).isNotNull();
				assertThat(value(report.figures(), "supplies.cover", area, 0)).as(area)
					.isEqualTo(Math.round(cover.least() * 10));
				assertThat(value(report.figures(), "supplies.cover", area, 1)).as(area).isEqualTo(cover.low());
			}
			Cover district = coverReplayed(CommandFixture.DISTRICT, day, end);
			JsonNode least = report.figures().get("lists").valueStream()
				.filter(l -> l.get("id").asString().equals("supplies.leastCovered")).findFirst().orElseThrow();
			List<JsonNode> leastLines = least.get("lines").valueStream().toList();
			assertThat(leastLines).isNotEmpty().hasSizeLessThanOrEqualTo(5);
			assertThat(leastLines.get(0).get("values").get(0).asLong()).isEqualTo(Math.round(district.least() * 10));
			assertThat(leastLines).extracting(l -> l.get("values").get(0).asLong()).isSorted();
			String leastName = leastLines.get(0).get("name").asString();

			byte[] pdf = commander.get("/api/v1/reports/daily/" + id + ".pdf").raw().body();
			String text;
			try (PDDocument document = Loader.loadPDF(pdf)) {
				text = new PDFTextStripper().getText(document);
			}
			List<String> lines = Arrays.stream(text.split("\\R")).map(String::strip).toList();
			String totalLine = lines.subList(lines.indexOf("物资可用天数（日终，按前3日消耗）"), lines.size()).stream()
				.filter(l -> l.startsWith("全区合计")).findFirst().orElseThrow();
			assertThat(totalLine).contains(String.format(Locale.ROOT, "%,.1f（", Math.round(district.least() * 10) / 10.0))
				.contains(String.format(Locale.ROOT, "%,d（", district.low()));
			assertThat(text).contains("可用天数最少的点位和物资（日终）").contains(leastName.substring(0, Math.min(8,
					leastName.length())));
			try (XSSFWorkbook workbook = new XSSFWorkbook(
					new ByteArrayInputStream(commander.get("/api/v1/reports/daily/" + id + ".xlsx").raw().body()))) {
				Row total = totalRow(workbook.getSheet("物资可用天数（日终，按前3日消耗）"));
				assertThat(total.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
				assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(Math.round(district.least() * 10) / 10.0);
				assertThat((long) total.getCell(4).getNumericCellValue()).isEqualTo(district.low());
				Row first = workbook.getSheet("可用天数最少的点位和物资（日终）").getRow(1);
				assertThat(first.getCell(0).getStringCellValue()).isEqualTo(leastName);
				assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(Math.round(district.least() * 10) / 10.0);
			}

			assertThat(move(report.api(), "ISSUE", "MASK", 5, warehouse)).isEqualTo("ACCEPTED");
			assertThat(coverReplayed(CommandFixture.DISTRICT, day, end)).isEqualTo(district);
			assertThat(issue(commander, day).get("id").asLong()).as("stock moving after the day's end changes nothing")
				.isEqualTo(id);
			assertThat(commander.get("/api/v1/reports/daily/" + id + ".pdf").raw().body()).isEqualTo(pdf);
		}
		finally {
			clock.reset();
		}
	}

	private String move(String user, String type, String item, long quantity, String from, String to, String lot,
			LocalDate expiresOn) {
		return move(api().as(user), type, item, quantity, from, to, lot, expiresOn);
	}

	private static String move(Api fresh, String type, String item, long quantity, String from) {
		return move(fresh.signedInNow("admin"), type, item, quantity, from, null, null, null);
	}

	private static String move(Api.As as, String type, String item, long quantity, String from, String to, String lot,
			LocalDate expiresOn) {
		Response sent = as.post("/api/v1/movements", Map.of("movements",
				List.of(SuppliesFixture.movement(type, item, quantity, from, to, lot, expiresOn, null))));
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		return sent.json().get("results").get(0).get("status").asString();
	}

	record Cover(Double least, long low) {
	}

	/**
	 * The least days of cover and how many places and items were under the threshold at the day's end inside an area,
	 * replaying the whole ledger up to then: stock from every movement and receipt, use from the issues and transfers
	 * of the three days before that were not reversed by then.
	 */
	private Cover coverReplayed(String area, LocalDate day, Timestamp end) {
		ZoneId zone = clock.getZone();
		double threshold = jdbc.sql("SELECT value::float8 FROM supplies_setting WHERE name = 'low-cover-days'")
			.query(Double.class).optional().orElse(1.0);
		return jdbc.sql("""
				WITH moves AS (
				  SELECT from_place AS place, item_code, lot, -quantity AS q, expires_on FROM supplies_movement
				  WHERE at <= :end AND from_place IS NOT NULL
				  UNION ALL
				  SELECT to_place, item_code, lot, quantity, expires_on FROM supplies_movement
				  WHERE at <= :end AND to_place IS NOT NULL AND type <> 'TRANSFER'
				  UNION ALL
				  SELECT m.to_place, m.item_code, m.lot, c.received, m.expires_on FROM supplies_receipt c
				  JOIN supplies_movement m ON m.id = c.movement_id WHERE c.at <= :end
				), lots AS (
				  SELECT place, item_code, lot, max(expires_on) AS expires_on, sum(q) AS q FROM moves GROUP BY place, item_code, lot
				), usable AS (
				  SELECT place, item_code, coalesce(sum(q) FILTER (WHERE expires_on IS NULL OR expires_on >= :day), 0) AS q
				  FROM lots GROUP BY place, item_code
				), used AS (
				  SELECT from_place AS place, item_code, sum(quantity) AS q FROM supplies_movement m
				  WHERE type IN ('ISSUE', 'TRANSFER') AND at >= :useStart AND at < :dayStart
				    AND NOT EXISTS (SELECT 1 FROM supplies_movement r WHERE r.reverses = m.id AND r.at <= :end)
				  GROUP BY from_place, item_code
				), days AS (
				  SELECT coalesce(s.q, 0)::float8 / (x.q::float8 / 3) AS days
				  FROM used x JOIN supplies_place p ON p.place = x.place
				  LEFT JOIN usable s ON s.place = x.place AND s.item_code = x.item_code
				  WHERE x.q > 0 AND p.area_code LIKE :area || '%'
				)
				SELECT min(days), count(*) FILTER (WHERE days < :threshold) FROM days
				""")
			.param("end", end).param("day", day).param("area", area).param("threshold", threshold)
			.param("useStart", Timestamp.from(day.minusDays(3).atStartOfDay(zone).toInstant()))
			.param("dayStart", Timestamp.from(day.atStartOfDay(zone).toInstant()))
			.query((rs, n) -> new Cover((Double) rs.getObject(1), rs.getLong(2))).single();
	}

	/** Loops, staff, tested and reports missing at the day's end, from the roster and the rounds' own samples. */
	private List<Long> enterprisesAtTheEnd(String area, LocalDate day, Timestamp end) {
		ZoneId zone = clock.getZone();
		String running = """
				FROM enterprise_loop l JOIN enterprise_enterprise e ON e.id = l.enterprise_id
				WHERE e.area_code LIKE :area || '%' AND l.starts_at < :end AND coalesce(l.ends_at, 'infinity') > :end
				""";
		long loops = jdbc.sql("SELECT count(*) " + running).param("area", area).param("end", end).query(Long.class)
			.single();
		long staff = jdbc.sql("SELECT count(*) FROM enterprise_member m WHERE m.joined_at <= :end"
				+ " AND coalesce(m.left_at, 'infinity') > :end AND m.loop_id IN (SELECT l.id " + running + ")")
			.param("area", area).param("end", end).query(Long.class).single();
		long tested = jdbc.sql("""
				SELECT count(DISTINCT s.person_id) FROM enterprise_loop_day d JOIN testing_sample s ON s.round_id = d.round_id
				WHERE d.day = :day AND s.removed_at IS NULL AND d.loop_id IN (SELECT l.id\s""" + running + ")")
			.param("day", day).param("area", area).param("end", end).query(Long.class).single();
		String overdue = """
				(l.starts_at < :due%1$s AND coalesce(l.ends_at, 'infinity') > :due%1$s AND :due%1$s < :end
				 AND NOT EXISTS (SELECT 1 FROM enterprise_report r WHERE r.loop_id = l.id AND r.day = :day%1$s
				                 AND r.filed_at <= :end))""";
		long missing = jdbc.sql("SELECT count(*) " + running + " AND (" + overdue.formatted("0") + " OR "
				+ overdue.formatted("1") + ")")
			.param("area", area).param("end", end)
			.param("due0", Timestamp.from(day.atTime(18, 0).atZone(zone).toInstant())).param("day0", day)
			.param("due1", Timestamp.from(day.minusDays(1).atTime(18, 0).atZone(zone).toInstant()))
			.param("day1", day.minusDays(1))
			.query(Long.class).single();
		return List.of(loops, staff, tested, missing);
	}

	private static long value(JsonNode figures, String section, String area, int column) {
		for (JsonNode s : figures.get("sections")) {
			if (s.get("id").asString().equals(section)) {
				return s.get("day").get(area).get(column).asLong();
			}
		}
		throw new AssertionError("no section " + section);
	}
}
