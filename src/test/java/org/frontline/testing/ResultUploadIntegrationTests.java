package org.frontline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ResultUploadIntegrationTests extends IntegrationTest {

	private ResultsFixture fixture;

	@BeforeEach
	void setUp() {
		fixture = new ResultsFixture(api(), 10);
	}

	static Response upload(Api.As as, String filename, String contentType, byte[] content) {
		String boundary = "----frontline" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return as.postRaw("/api/v1/results/file", "multipart/form-data; boundary=" + boundary, body.toByteArray());
	}

	private String outcomeOf(String tube) {
		return jdbc.sql("SELECT r.outcome FROM testing_result r JOIN testing_tube t ON t.id = r.tube_id WHERE t.code = :c")
			.param("c", tube).query(String.class).optional().orElse(null);
	}

	@Test
	void aFileWithErrorsWritesNothingAndReportsEveryRowWithItsReason() {
		String good = fixture.tube(fixture.people(TestData.BILINWAN_COMPOUND, 2), 10, true);
		String alsoGood = fixture.tube(fixture.people(TestData.BILINWAN_COMPOUND, 1), 10, true);
		String notReceived = fixture.tube(fixture.people(TestData.BILINWAN_COMPOUND, 1), 10, false);
		String csv = """
				管码,结果,ORF1ab,N,检测时间
				%s,阴性,,,2026-11-29 08:30
				%s,POSITIVE,31.2,30.8,2026-11-29T08:31:00+08:00
				T-NO-SUCH,NEGATIVE,,,2026-11-29 08:32
				%s,NEGATIVE,,,2026-11-29 08:33
				%s,MAYBE,,,2026-11-29 08:34
				%s,NEGATIVE,abc,,2026-11-29 08:35
				""".formatted(good, alsoGood, notReceived, good, good);
		Response checked = upload(fixture.labStaff, "results.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(checked.status()).as(checked.body()).isEqualTo(200);
		JsonNode report = checked.json();
		assertThat(report.get("rows").asInt()).isEqualTo(6);
		assertThat(report.get("imported").asBoolean()).isFalse();
		assertThat(report.get("accepted").asLong()).isEqualTo(2);
		List<String> errors = new java.util.ArrayList<>();
		report.get("errors").forEach(e -> errors.add(e.get("row").asInt() + ":" + e.get("reason").asString()));
		assertThat(errors).containsExactly("4:TUBE_UNKNOWN", "5:NOT_RECEIVED", "6:INVALID_ITEM", "7:INVALID_ITEM");
		assertThat(outcomeOf(good)).isNull();
		assertThat(outcomeOf(alsoGood)).isNull();

		long uploadId = report.get("uploadId").asLong();
		Response imported = fixture.labStaff.post("/api/v1/results/uploads/" + uploadId + "/import", "");
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("imported").asBoolean()).isTrue();
		assertThat(outcomeOf(good)).isEqualTo("NEGATIVE");
		assertThat(outcomeOf(alsoGood)).isEqualTo("POSITIVE");
		assertThat(fixture.labStaff.post("/api/v1/results/uploads/" + uploadId + "/import", "").status()).isEqualTo(404);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM testing_task k JOIN testing_tube t ON t.id = k.source_tube_id WHERE t.code = :c""")
			.param("c", alsoGood).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aCleanFileIsImportedAtOnceAndImportingItAgainChangesNothing() throws IOException {
		String first = fixture.tube(fixture.people(TestData.BILINWAN_COMPOUND, 1), 10, true);
		String second = fixture.tube(fixture.people(TestData.BILINWAN_COMPOUND, 1), 10, true);
		byte[] xlsx;
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("结果");
			Row header = sheet.createRow(0);
			String[] names = { "tubeCode", "outcome", "ctOrf1ab", "ctN", "testedAt" };
			for (int i = 0; i < names.length; i++) {
				header.createCell(i).setCellValue(names[i]);
			}
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
			String[] tubes = { first, second };
			for (int r = 0; r < 2; r++) {
				Row row = sheet.createRow(r + 1);
				row.createCell(0).setCellValue(tubes[r]);
				row.createCell(1).setCellValue("NEGATIVE");
				row.createCell(4).setCellValue(LocalDateTime.of(2026, 11, 29, 9, 0));
				row.getCell(4).setCellStyle(date);
			}
			workbook.write(out);
			xlsx = out.toByteArray();
		}
		String type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
		Response imported = upload(fixture.labStaff, "results.xlsx", type, xlsx);
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("imported").asBoolean()).isTrue();
		assertThat(imported.json().get("accepted").asLong()).isEqualTo(2);
		assertThat(outcomeOf(first)).isEqualTo("NEGATIVE");
		assertThat(jdbc.sql("SELECT tested_at AT TIME ZONE 'Asia/Shanghai' FROM testing_result r JOIN testing_tube t ON t.id = r.tube_id WHERE t.code = :c")
			.param("c", first).query(LocalDateTime.class).single()).isEqualTo(LocalDateTime.of(2026, 11, 29, 9, 0));
		Response again = upload(fixture.labStaff, "results.xlsx", type, xlsx);
		assertThat(again.json().get("duplicates").asLong()).isEqualTo(2);
		assertThat(again.json().get("accepted").asLong()).isZero();
		assertThat(again.json().get("errors")).isEmpty();
	}

	@Test
	void anUnreadableFileIsAProblem() {
		Response garbage = upload(fixture.labStaff, "x.xlsx", "application/octet-stream", new byte[] { 'P', 'K', 3, 4, 0, 0 });
		assertThat(garbage.status()).isEqualTo(400);
		Response noHeader = upload(fixture.labStaff, "x.csv", "text/csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
		assertThat(noHeader.status()).isEqualTo(400);
		assertThat(noHeader.json().get("type").asString()).contains("invalid");
	}
}
