package org.frontline.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.frontline.command.CommandFixture.BILINWAN;
import static org.frontline.command.CommandFixture.await;
import static org.frontline.command.CommandFixture.unique;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.frontline.shared.AlertRaised;
import org.frontline.shared.AlertSeverity;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
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

	private JsonNode issue(LocalDate day) {
		Response issued = api().as("commander").post("/api/v1/reports/daily", Map.of("date", day.toString()));
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		return issued.json();
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

	private static long value(JsonNode figures, String section, String area, int column) {
		for (JsonNode s : figures.get("sections")) {
			if (s.get("id").asString().equals(section)) {
				return s.get("day").get(area).get(column).asLong();
			}
		}
		throw new AssertionError("no section " + section);
	}
}
