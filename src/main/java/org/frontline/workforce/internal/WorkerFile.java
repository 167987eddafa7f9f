package org.frontline.workforce.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.frontline.people.IdType;
import org.frontline.people.ImportReport.RowError;
import org.frontline.shared.Message;
import org.frontline.shared.Problem;
import org.frontline.workforce.NewWorker;
import org.frontline.workforce.Skill;
import org.frontline.workforce.WorkerKind;

/**
 * Reads a unit's list of workers: a CSV file (UTF-8 with or without BOM, or GBK/GB18030 as spreadsheet programs on
 * Chinese systems save it) or an XLSX workbook (its first sheet), with a header row of English or Chinese column
 * names, one worker per row. The unit is named by its name; a row without a kind is a cadre.
 */
public final class WorkerFile {

	public static final List<String> COLUMNS = List.of("name", "id_type", "id_number", "phone", "kind", "unit",
			"skills", "can_sample", "licence", "area");

	public static final int MAX_ROWS = 20_000;

	private static final Map<String, String> CHINESE = Map.of("姓名", "name", "证件类型", "id_type", "证件号码",
			"id_number", "手机号", "phone", "类别", "kind", "派出单位", "unit", "技能", "skills", "可采样", "can_sample",
			"执业证号", "licence", "所属区域", "area");

	private static final Map<String, String> KIND_NAMES = Map.of("干部", "CADRE", "下沉干部", "CADRE", "志愿者",
			"VOLUNTEER", "医务人员", "MEDICAL", "警察", "POLICE", "物业", "PROPERTY", "其他", "OTHER");

	private static final Map<String, String> SKILL_NAMES = Map.of("采样", "SAMPLING", "信息登记", "REGISTRATION", "秩序维护",
			"ORDER", "消杀", "DISINFECTION", "转运", "TRANSPORT", "驾驶", "DRIVING", "翻译", "INTERPRETING", "心理疏导",
			"PSYCHOLOGICAL");

	private static final Charset GB18030 = Charset.forName("GB18030");

	private WorkerFile() {
	}

	/** The rows of a file: each a worker with its unit's name and line number, or the reason it cannot be read. */
	public record Parsed(String encoding, List<Line> lines) {
	}

	public record Line(int number, NewWorker form, String unitName, RowError error) {
	}

	public static Parsed parse(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw Problem.invalid("file", "workforce.import.empty", String.join(",", COLUMNS));
		}
		boolean xlsx = bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K';
		String encoding = xlsx ? "XLSX" : null;
		List<List<String>> cells;
		if (xlsx) {
			cells = xlsx(bytes);
		}
		else {
			String[] decoded = decode(bytes);
			encoding = decoded[1];
			cells = csv(decoded[0]);
		}
		if (cells.isEmpty()) {
			throw Problem.invalid("file", "workforce.import.empty", String.join(",", COLUMNS));
		}
		if (cells.size() - 1 > MAX_ROWS) {
			throw Problem.invalid("file", "workforce.import.too-many-rows", MAX_ROWS);
		}
		int[] index = header(cells.get(0));
		List<Line> lines = new ArrayList<>();
		for (int r = 1; r < cells.size(); r++) {
			List<String> row = cells.get(r);
			if (row.stream().allMatch(c -> c == null || c.isBlank())) {
				continue;
			}
			lines.add(line(r + 1, row, index));
		}
		return new Parsed(encoding, lines);
	}

	private static int[] header(List<String> header) {
		int[] index = new int[COLUMNS.size()];
		Arrays.fill(index, -1);
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i) == null ? "" : header.get(i).strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
			if (name.isEmpty()) {
				continue;
			}
			name = CHINESE.getOrDefault(name, name);
			int column = COLUMNS.indexOf(name);
			if (column < 0) {
				throw Problem.invalid("header", "workforce.import.unknown-column", shorten(header.get(i)),
						String.join(",", COLUMNS));
			}
			index[column] = i;
		}
		for (String required : List.of("name", "id_number")) {
			if (index[COLUMNS.indexOf(required)] < 0) {
				throw Problem.invalid("header", "workforce.import.missing-column", required, String.join(",", COLUMNS));
			}
		}
		return index;
	}

	private static Line line(int number, List<String> row, int[] index) {
		try {
			String idType = value(row, index, "id_type");
			String kind = value(row, index, "kind");
			String skills = value(row, index, "skills");
			List<Skill> skillList = new ArrayList<>();
			if (skills != null) {
				for (String skill : skills.split("[|;；,，、\\s]+")) {
					if (!skill.isBlank()) {
						skillList.add(constant(Skill.class, "skills", SKILL_NAMES.getOrDefault(skill.strip(), skill)));
					}
				}
			}
			String canSample = value(row, index, "can_sample");
			NewWorker form = new NewWorker(value(row, index, "name"),
					idType == null ? IdType.RESIDENT_ID : constant(IdType.class, "id_type", idType),
					value(row, index, "id_number"), value(row, index, "phone"),
					kind == null ? WorkerKind.CADRE
							: constant(WorkerKind.class, "kind", KIND_NAMES.getOrDefault(kind.strip(), kind)),
					null, skillList, canSample != null && List.of("true", "yes", "1", "是", "y").contains(
							canSample.strip().toLowerCase(Locale.ROOT)),
					value(row, index, "licence"), null, value(row, index, "area"), null, null);
			return new Line(number, form, value(row, index, "unit"), null);
		}
		catch (UnknownValue unknown) {
			return new Line(number, null, null, new RowError(number, unknown.column,
					Message.of("workforce.import.unknown-value", unknown.column, shorten(unknown.value), unknown.allowed)));
		}
	}

	private static <E extends Enum<E>> E constant(Class<E> type, String column, String value) {
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new UnknownValue(column, value.strip(), Arrays.stream(type.getEnumConstants())
				.map(Enum::name)
				.collect(java.util.stream.Collectors.joining("|")));
		}
	}

	/** A cell that names no constant of its column. */
	private static final class UnknownValue extends RuntimeException {

		private final String column;

		private final String value;

		private final String allowed;

		UnknownValue(String column, String value, String allowed) {
			super(null, null, false, false);
			this.column = column;
			this.value = value;
			this.allowed = allowed;
		}
	}

	private static String value(List<String> row, int[] index, String column) {
		int i = index[COLUMNS.indexOf(column)];
		if (i < 0 || i >= row.size()) {
			return null;
		}
		String value = row.get(i);
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String shorten(String value) {
		return value == null ? "" : value.length() > 40 ? value.substring(0, 40) + "…" : value;
	}

	private static List<List<String>> csv(String text) {
		List<List<String>> lines = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new StringReader(text),
				CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get())) {
			for (CSVRecord record : parser) {
				if (lines.size() > MAX_ROWS + 1) {
					break;
				}
				lines.add(record.toList());
			}
		}
		catch (IOException | RuntimeException ex) {
			throw Problem.invalid("file", "workforce.import.not-readable");
		}
		return lines;
	}

	private static String[] decode(byte[] bytes) {
		int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
				&& (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
		try {
			return new String[] { StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
				.toString(), "UTF-8" };
		}
		catch (CharacterCodingException notUtf8) {
			try {
				return new String[] { GB18030.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(bytes))
					.toString(), "GB18030" };
			}
			catch (CharacterCodingException notGbk) {
				throw Problem.invalid("file", "workforce.import.encoding");
			}
		}
	}

	private static List<List<String>> xlsx(byte[] content) {
		DataFormatter formatter = new DataFormatter(Locale.ROOT);
		List<List<String>> lines = new ArrayList<>();
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			Sheet sheet = workbook.getSheetAt(0);
			for (org.apache.poi.ss.usermodel.Row row : sheet) {
				if (lines.size() > MAX_ROWS + 1) {
					break;
				}
				List<String> line = new ArrayList<>();
				for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
					Cell cell = row.getCell(c);
					line.add(text(cell, formatter));
				}
				lines.add(line);
			}
		}
		catch (IOException | RuntimeException ex) {
			throw Problem.invalid("file", "workforce.import.not-readable");
		}
		return lines;
	}

	private static String text(Cell cell, DataFormatter formatter) {
		if (cell == null) {
			return null;
		}
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		if (type == CellType.NUMERIC) {
			return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
		}
		if (type == CellType.STRING) {
			return cell.getStringCellValue();
		}
		return formatter.formatCellValue(cell);
	}
}
