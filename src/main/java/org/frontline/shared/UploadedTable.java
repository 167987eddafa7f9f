package org.frontline.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An uploaded table read to text cells: a CSV file (UTF-8 with or without BOM, or GB18030 as spreadsheet programs on
 * Chinese systems save it) or an XLSX workbook (its first sheet; numbers as plain decimals, dates as ISO local
 * date-times). The first row is the header; the rows after it are numbered as a spreadsheet numbers them (the header
 * is row 1), blank ones left out. What cannot be read is a problem on the field {@code file}.
 */
public final class UploadedTable {

	private static final Charset GB18030 = Charset.forName("GB18030");

	private final String encoding;

	private final List<String> header;

	private final List<Row> rows;

	/** A row of the table with its number in the spreadsheet. */
	public record Row(int number, List<String> cells) {

		/** The cell's text, stripped; {@code null} for a blank cell or a column this row does not reach. */
		public String cell(int column) {
			if (column < 0 || column >= cells.size()) {
				return null;
			}
			String value = cells.get(column);
			return value == null || value.isBlank() ? null : value.strip();
		}

		/** The cell of {@code field}, where {@code columns} holds each field's column; {@code null} as above. */
		public String cell(Map<String, Integer> columns, String field) {
			Integer column = columns.get(field);
			return column == null ? null : cell(column);
		}

		/** The cell of {@code field} as a constant of {@code type} ({@link UploadedTable#constant}), or {@code blank}. */
		public <E extends Enum<E>> E constant(Map<String, Integer> columns, String field, Class<E> type, E blank) {
			String text = cell(columns, field);
			return text == null ? blank : UploadedTable.constant(type, field, text);
		}
	}

	/** A cell of the column {@code field} that names no constant of the column's enum. */
	public static final class UnknownValue extends RuntimeException {

		private final Problem.FieldError error;

		UnknownValue(Problem.FieldError error) {
			super(null, null, false, false);
			this.error = error;
		}

		/** On the field: the column, the value as written (cut to 40 characters) and the allowed constants. */
		public Problem.FieldError error() {
			return error;
		}
	}

	private UploadedTable(String encoding, List<String> header, List<Row> rows) {
		this.encoding = encoding;
		this.header = header;
		this.rows = rows;
	}

	/** Reads a table of at most {@code maxRows} rows after its header. */
	public static UploadedTable read(byte[] content, int maxRows) {
		if (content == null || content.length == 0) {
			throw Problem.invalid("file", "file.empty");
		}
		boolean xlsx = content.length > 4 && content[0] == 'P' && content[1] == 'K';
		String encoding = "XLSX";
		List<List<String>> cells;
		if (xlsx) {
			cells = xlsx(content, maxRows);
		}
		else {
			String[] decoded = decode(content);
			encoding = decoded[1];
			cells = csv(decoded[0], maxRows);
		}
		if (cells.isEmpty()) {
			throw Problem.invalid("file", "file.no-header");
		}
		if (cells.size() - 1 > maxRows) {
			throw Problem.invalid("file", "file.too-many-rows", maxRows);
		}
		List<String> header = new ArrayList<>();
		for (String name : cells.get(0)) {
			header.add(name == null ? "" : name.replace("\uFEFF", "").strip());
		}
		List<Row> rows = new ArrayList<>();
		for (int r = 1; r < cells.size(); r++) {
			List<String> line = cells.get(r);
			if (!line.stream().allMatch(c -> c == null || c.isBlank())) {
				rows.add(new Row(r + 1, line));
			}
		}
		return new UploadedTable(encoding, List.copyOf(header), List.copyOf(rows));
	}

	/** How the file was read: UTF-8, GB18030 or XLSX. */
	public String encoding() {
		return encoding;
	}

	/** The header's column names, as written (without a byte order mark, stripped). */
	public List<String> header() {
		return header;
	}

	public List<Row> rows() {
		return rows;
	}

	/**
	 * Where each field is: {@code names} maps lower-case column names (English or Chinese) to fields; the first column
	 * with a field's name wins, columns with other names are passed over.
	 */
	public Map<String, Integer> columns(Map<String, String> names) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			String field = names.get(header.get(i).toLowerCase(Locale.ROOT));
			if (field != null) {
				columns.putIfAbsent(field, i);
			}
		}
		return columns;
	}

	/**
	 * {@code text} of the column {@code field} as a constant of {@code type} (stripped, in any case); a text that
	 * names none is an {@link UnknownValue}.
	 */
	public static <E extends Enum<E>> E constant(Class<E> type, String field, String text) {
		String value = text.strip();
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining("|"));
			throw new UnknownValue(new Problem.FieldError(field, "file.unknown-value", field, shorten(value), allowed));
		}
	}

	/**
	 * Where each of {@code fields} is, for a header that names no other column: a column's name in English or, by
	 * {@code chinese}, in Chinese (any case; a column without a name is passed over, the last of a name wins). A
	 * column of another name, or a {@code required} field without a column, is a problem on the field {@code header}
	 * that names the columns allowed.
	 */
	public Map<String, Integer> fields(List<String> fields, Map<String, String> chinese, List<String> required) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i).toLowerCase(Locale.ROOT);
			if (name.isEmpty()) {
				continue;
			}
			name = chinese.getOrDefault(name, name);
			if (!fields.contains(name)) {
				throw Problem.invalid("header", "file.unknown-column", shorten(header.get(i)), String.join(",", fields));
			}
			columns.put(name, i);
		}
		for (String field : required) {
			if (!columns.containsKey(field)) {
				throw Problem.invalid("header", "file.missing-column", field, String.join(",", fields));
			}
		}
		return columns;
	}

	/** A cell's or column's text as a problem quotes it: at most 40 characters. */
	private static String shorten(String value) {
		return value.length() > 40 ? value.substring(0, 40) + "…" : value;
	}

	private static String[] decode(byte[] content) {
		int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
				&& (content[2] & 0xFF) == 0xBF ? 3 : 0;
		try {
			return new String[] { strict(StandardCharsets.UTF_8, content, start), "UTF-8" };
		}
		catch (CharacterCodingException notUtf8) {
			try {
				return new String[] { strict(GB18030, content, 0), "GB18030" };
			}
			catch (CharacterCodingException notGb18030) {
				throw Problem.invalid("file", "file.encoding");
			}
		}
	}

	private static String strict(Charset charset, byte[] content, int start) throws CharacterCodingException {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(content, start, content.length - start))
			.toString();
	}

	private static List<List<String>> csv(String text, int maxRows) {
		List<List<String>> lines = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new StringReader(text),
				CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get())) {
			for (CSVRecord record : parser) {
				if (lines.size() > maxRows + 1) {
					break;
				}
				lines.add(record.toList());
			}
		}
		catch (IOException | RuntimeException ex) {
			throw Problem.invalid("file", "file.unreadable-csv");
		}
		return lines;
	}

	private static List<List<String>> xlsx(byte[] content, int maxRows) {
		DataFormatter formatter = new DataFormatter(Locale.ROOT);
		List<List<String>> lines = new ArrayList<>();
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			for (org.apache.poi.ss.usermodel.Row row : workbook.getSheetAt(0)) {
				if (lines.size() > maxRows + 1) {
					break;
				}
				List<String> line = new ArrayList<>();
				for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
					line.add(text(row.getCell(c), formatter));
				}
				lines.add(line);
			}
		}
		catch (IOException | RuntimeException ex) {
			throw Problem.invalid("file", "file.unreadable-xlsx");
		}
		return lines;
	}

	private static String text(Cell cell, DataFormatter formatter) {
		if (cell == null) {
			return null;
		}
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		if (type == CellType.NUMERIC) {
			if (DateUtil.isCellDateFormatted(cell)) {
				LocalDateTime local = cell.getLocalDateTimeCellValue();
				return local == null ? null : local.toString();
			}
			return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
		}
		if (type == CellType.STRING) {
			return cell.getStringCellValue();
		}
		return formatter.formatCellValue(cell);
	}
}
