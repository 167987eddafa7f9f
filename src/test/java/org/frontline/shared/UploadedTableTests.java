package org.frontline.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class UploadedTableTests {

	private static final Map<String, String> NAMES = Map.of("管码", "tube", "tube", "tube", "结果", "outcome");

	@Test
	void aCsvSavedAsUtf8WithAByteOrderMarkReadsItsHeaderAndNumbersRowsAsASpreadsheetDoesLeavingBlankRowsOut() {
		byte[] file = "\uFEFF管码, 结果 ,备注\nT001,阴性,\n,,\nT002,,\"a, b\"\n".getBytes(StandardCharsets.UTF_8);
		UploadedTable table = UploadedTable.read(file, 10);
		assertThat(table.encoding()).isEqualTo("UTF-8");
		assertThat(table.header()).containsExactly("管码", "结果", "备注");
		assertThat(table.columns(NAMES)).containsExactlyInAnyOrderEntriesOf(Map.of("tube", 0, "outcome", 1));
		assertThat(table.rows()).extracting(UploadedTable.Row::number).containsExactly(2, 4);
		UploadedTable.Row second = table.rows().get(1);
		assertThat(second.cell(0)).isEqualTo("T002");
		assertThat(second.cell(1)).as("a blank cell").isNull();
		assertThat(second.cell(2)).isEqualTo("a, b");
		assertThat(second.cell(7)).as("a column the row does not reach").isNull();
	}

	@Test
	void aCsvSavedByAChineseSpreadsheetProgramIsReadAsGb18030() {
		byte[] file = "管码,结果\nT001,阳性\n".getBytes(Charset.forName("GB18030"));
		UploadedTable table = UploadedTable.read(file, 10);
		assertThat(table.encoding()).isEqualTo("GB18030");
		assertThat(table.rows().get(0).cell(1)).isEqualTo("阳性");
	}

	@Test
	void anXlsxWorkbookGivesNumbersAsPlainDecimalsAndDatesAsLocalDateTimes() throws Exception {
		byte[] file;
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet();
			Row header = sheet.createRow(0);
			header.createCell(0).setCellValue("管码");
			header.createCell(1).setCellValue("Ct");
			header.createCell(2).setCellValue("检测时间");
			Row row = sheet.createRow(1);
			row.createCell(0).setCellValue("T001");
			row.createCell(1).setCellValue(31.50);
			CellStyle date = book.createCellStyle();
			date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
			row.createCell(2).setCellValue(LocalDateTime.of(2022, 4, 5, 21, 30));
			row.getCell(2).setCellStyle(date);
			book.write(out);
			file = out.toByteArray();
		}
		UploadedTable table = UploadedTable.read(file, 10);
		assertThat(table.encoding()).isEqualTo("XLSX");
		assertThat(table.rows()).singleElement().satisfies(row -> {
			assertThat(row.cell(1)).isEqualTo("31.5");
			assertThat(row.cell(2)).isEqualTo("2022-04-05T21:30");
		});
	}

	@Test
	void aCellReadAsAnEnumTakesAnyCaseAndRefusesAnUnknownValueNamingTheColumnTheValueAndTheAllowedConstants() {
		byte[] file = "kind,level\n low ,\nmedium,x\n".getBytes(StandardCharsets.UTF_8);
		UploadedTable table = UploadedTable.read(file, 10);
		Map<String, Integer> columns = table.columns(Map.of("kind", "kind", "level", "level"));
		UploadedTable.Row first = table.rows().get(0);
		assertThat(first.constant(columns, "kind", Level.class, Level.HIGH)).isEqualTo(Level.LOW);
		assertThat(first.constant(columns, "level", Level.class, Level.HIGH)).as("a blank cell").isEqualTo(Level.HIGH);
		assertThat(first.cell(columns, "absent")).as("a field the file has no column for").isNull();
		UploadedTable.UnknownValue unknown = catchThrowableOfType(UploadedTable.UnknownValue.class,
				() -> table.rows().get(1).constant(columns, "kind", Level.class, Level.HIGH));
		assertThat(unknown.error().field()).isEqualTo("kind");
		assertThat(unknown.error().message()).isEqualTo(Message.of("file.unknown-value", "kind", "medium", "LOW|HIGH"));
		String longText = "x".repeat(50);
		assertThat(catchThrowableOfType(UploadedTable.UnknownValue.class,
				() -> UploadedTable.constant(Level.class, "level", longText))
			.error()
			.message()
			.args()).as("a long value is cut").contains("x".repeat(40) + "…");
	}

	@Test
	void aStrictHeaderMapsEnglishAndChineseNamesToFieldsAndRefusesAnUnknownColumnOrAMissingRequiredOne() {
		List<String> fields = List.of("name", "kind");
		Map<String, String> chinese = Map.of("姓名", "name");
		UploadedTable table = UploadedTable.read("姓名,,KIND\n张三,,low\n".getBytes(StandardCharsets.UTF_8), 10);
		Map<String, Integer> columns = table.fields(fields, chinese, List.of("name"));
		assertThat(columns).containsExactlyInAnyOrderEntriesOf(Map.of("name", 0, "kind", 2));
		assertThat(table.rows().get(0).cell(columns, "name")).isEqualTo("张三");

		Problem unknown = catchThrowableOfType(Problem.class, () -> UploadedTable
			.read("name,colour\nx,y\n".getBytes(StandardCharsets.UTF_8), 10)
			.fields(fields, chinese, List.of()));
		assertThat(unknown.errors()).singleElement().satisfies(error -> {
			assertThat(error.field()).isEqualTo("header");
			assertThat(error.message()).isEqualTo(Message.of("file.unknown-column", "colour", "name,kind"));
		});
		Problem missing = catchThrowableOfType(Problem.class, () -> UploadedTable
			.read("kind\nlow\n".getBytes(StandardCharsets.UTF_8), 10)
			.fields(fields, chinese, List.of("name")));
		assertThat(missing.errors()).singleElement()
			.satisfies(error -> assertThat(error.message()).isEqualTo(Message.of("file.missing-column", "name",
					"name,kind")));
	}

	private enum Level {

		LOW, HIGH

	}

	@Test
	void whatCannotBeReadIsAProblemOnTheFileNamingWhy() {
		assertThat(problem(new byte[0])).isEqualTo("file.empty");
		assertThat(problem("a\nb\nc\nd\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("file.too-many-rows");
		assertThat(problem(new byte[] { 'P', 'K', 3, 4, 0, 0, 0 })).isEqualTo("file.unreadable-xlsx");
		assertThat(problem("a,\"b\nc".getBytes(StandardCharsets.UTF_8))).isEqualTo("file.unreadable-csv");
		assertThat(problem(new byte[] { 'a', (byte) 0xFF, (byte) 0xFF, '\n' })).isEqualTo("file.encoding");
	}

	private static String problem(byte[] file) {
		Problem problem = catchThrowableOfType(Problem.class, () -> UploadedTable.read(file, 2));
		assertThat(problem).isNotNull();
		assertThat(problem.errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("file"));
		return problem.errors().get(0).message().key();
	}
}
