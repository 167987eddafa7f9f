package org.frontline.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ResidentImportIntegrationTests extends IntegrationTest {

	private static final String HEADER = "name,id_type,id_number,phone,area,building,unit,room,tags";

	private Response importCsv(String user, byte[] csv) {
		return api().as(user).postRaw("/api/v1/people/import", "text/csv", csv);
	}

	private long countIn(List<String> idNumbers) {
		return jdbc.sql("SELECT count(*) FROM people_person WHERE id_number IN (:ids)")
			.param("ids", idNumbers)
			.query(Long.class)
			.single();
	}

	@Test
	void importsValidRowsReportsEveryBadRowByLineAndChangesNothingTheSecondTime() {
		String a = TestData.residentId();
		String b = TestData.residentId();
		String c = TestData.residentId();
		String wrongCheck = TestData.residentId();
		wrongCheck = wrongCheck.substring(0, 17) + (wrongCheck.charAt(17) == '1' ? '2' : '1');
		String compound = TestData.CHENYUAN_COMPOUND;
		String csv = String.join("\n", HEADER,
				"张三,RESIDENT_ID," + a + ",13800000001," + compound + ",1,1,101,NO_SMARTPHONE|BEDRIDDEN",
				"李四,," + b + ",," + compound + ",2,1,202,",
				"王五,RESIDENT_ID," + wrongCheck + ",13800000003," + compound + ",3,1,303,",
				"赵六,RESIDENT_ID," + c + ",1380000000," + compound + ",4,1,404,",
				"钱七,RESIDENT_ID," + a + ",13800000005," + compound + ",5,1,505,",
				"孙八,RESIDENT_ID," + TestData.residentId() + ",13800000006," + TestData.ZHONGXINCUN_COMPOUND + ",6,1,606,",
				"周九,RESIDENT_ID," + TestData.residentId() + ",13800000007," + compound + ",7,1,707,FLYING",
				"Smith John,PASSPORT,E12345678,13800000008," + compound + ",8,1,808,") + "\n";
		byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);

		Response first = importCsv("community", bytes);
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		JsonNode report = first.json();
		assertThat(report.get("rows").asInt()).isEqualTo(8);
		assertThat(report.get("inserted").asInt()).isEqualTo(3);
		assertThat(report.get("rejected").asInt()).isEqualTo(5);
		List<String> errors = new ArrayList<>();
		report.get("errors").forEach(e -> errors.add(e.get("line").asInt() + " " + e.get("reason").asString()));
		assertThat(errors).hasSize(5);
		assertThat(errors.get(0)).startsWith("4 ").contains("校验位");
		assertThat(errors.get(1)).startsWith("5 ").contains("手机号");
		assertThat(errors.get(2)).startsWith("6 ").contains("第 2 行");
		assertThat(errors.get(3)).startsWith("7 ").contains("管辖范围");
		assertThat(errors.get(4)).startsWith("8 ").contains("tags 列");
		assertThat(countIn(List.of(a, b, "E12345678"))).isEqualTo(3);
		assertThat(jdbc.sql("SELECT tags::text FROM people_person WHERE id_number = :a").param("a", a).query(String.class).single())
			.contains("NO_SMARTPHONE", "BEDRIDDEN");

		long total = jdbc.sql("SELECT count(*) FROM people_person").query(Long.class).single();
		Response second = importCsv("community", bytes);
		assertThat(second.json().get("inserted").asInt()).isZero();
		assertThat(second.json().get("updated").asInt()).isZero();
		assertThat(second.json().get("unchanged").asInt()).isEqualTo(3);
		assertThat(jdbc.sql("SELECT count(*) FROM people_person").query(Long.class).single()).isEqualTo(total);

		byte[] changed = csv.replace("李四,," + b + ",,", "李四,," + b + ",13911112222,").getBytes(StandardCharsets.UTF_8);
		Response third = importCsv("community", changed);
		assertThat(third.json().get("updated").asInt()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT phone FROM people_person WHERE id_number = :b").param("b", b).query(String.class).single())
			.isEqualTo("13911112222");
	}

	@Test
	void readsAGbkFileAndSaysSo() {
		String id = TestData.residentId();
		String csv = "姓名,证件号码,手机号,小区代码,楼栋,单元,房号,标签\n" + "陈小红," + id + ",13700000000,"
				+ TestData.CHENYUAN_COMPOUND + ",9,2,901,ELDERLY_LIVING_ALONE\n";
		Response response = importCsv("community", csv.getBytes(Charset.forName("GBK")));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("encoding").asString()).isEqualTo("GB18030");
		assertThat(response.json().get("inserted").asInt()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT name FROM people_person WHERE id_number = :id").param("id", id).query(String.class).single())
			.isEqualTo("陈小红");
	}

	@Test
	void readsAnXlsxWorkbookWhoseNumbersAreCellsOfNumbers() throws IOException {
		String id = TestData.residentId();
		byte[] xlsx;
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet();
			Row header = sheet.createRow(0);
			List<String> names = List.of("姓名", "证件号码", "手机号", "小区代码", "房号", "");
			for (int c = 0; c < names.size(); c++) {
				header.createCell(c).setCellValue(names.get(c));
			}
			Row row = sheet.createRow(1);
			row.createCell(0).setCellValue("陈小兰");
			row.createCell(1).setCellValue(id);
			row.createCell(2).setCellValue(13700000001d);
			row.createCell(3).setCellValue(Double.parseDouble(TestData.CHENYUAN_COMPOUND));
			row.createCell(4).setCellValue(902d);
			workbook.write(out);
			xlsx = out.toByteArray();
		}

		Response response = api().as("community").postRaw("/api/v1/people/import", "application/octet-stream", xlsx);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("encoding").asString()).isEqualTo("XLSX");
		assertThat(response.json().get("inserted").asInt()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT phone || ' ' || area_code || ' ' || room FROM people_person WHERE id_number = :id")
			.param("id", id).query(String.class).single())
			.isEqualTo("13700000001 " + TestData.CHENYUAN_COMPOUND + " 902");
	}

	@Test
	void aWrongHeaderIsAProblemAndImportsNothing() {
		String id = TestData.residentId();
		Response response = importCsv("community",
				("fullname,idcard\n张三," + id + "\n").getBytes(StandardCharsets.UTF_8));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).contains("fullname");
		assertThat(countIn(List.of(id))).isZero();
	}

	@Test
	void aFileThatIsNeitherUtf8NorGbkIsRejected() {
		byte[] garbage = { 'n', 'a', 'm', 'e', '\n', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0x80 };
		Response response = importCsv("community", garbage);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("detail").asString()).contains("UTF-8");
	}

	@Test
	void anOversizedUploadIsRefusedWithoutWriting() {
		long before = jdbc.sql("SELECT count(*) FROM people_person").query(Long.class).single();
		byte[] big = new byte[21 * 1024 * 1024];
		byte[] header = (HEADER + "\n").getBytes(StandardCharsets.UTF_8);
		System.arraycopy(header, 0, big, 0, header.length);
		for (int i = header.length; i < big.length; i++) {
			big[i] = (byte) (i % 64 == 0 ? '\n' : 'a');
		}
		Response response = importCsv("community", big);
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(jdbc.sql("SELECT count(*) FROM people_person").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aCommunityWorkerCannotTakeOverAPersonOfAnotherCommunityByImport() {
		String id = TestData.residentId();
		Response own = importCsv("zhongxin", (HEADER + "\n甲," + "RESIDENT_ID," + id + ",13600000000,"
				+ TestData.ZHONGXINCUN_COMPOUND + ",1,1,101,\n").getBytes(StandardCharsets.UTF_8));
		assertThat(own.json().get("inserted").asInt()).isEqualTo(1);
		Response takeover = importCsv("community", (HEADER + "\n甲," + "RESIDENT_ID," + id + ",13600000000,"
				+ TestData.CHENYUAN_COMPOUND + ",1,1,101,\n").getBytes(StandardCharsets.UTF_8));
		assertThat(takeover.json().get("rejected").asInt()).isEqualTo(1);
		assertThat(takeover.json().get("errors").get(0).get("reason").asString()).contains("无法在此登记").doesNotContain("甲");
		assertThat(jdbc.sql("SELECT area_code FROM people_person WHERE id_number = :id").param("id", id).query(String.class).single())
			.isEqualTo(TestData.ZHONGXINCUN_COMPOUND);
	}
}
