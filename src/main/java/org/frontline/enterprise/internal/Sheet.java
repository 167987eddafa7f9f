package org.frontline.enterprise.internal;

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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.frontline.shared.Problem;

/**
 * An uploaded table, CSV (UTF-8 with or without BOM, or GB18030) or XLSX (its first sheet): a header row whose column
 * names (English or Chinese) map to fields, then rows numbered as a spreadsheet numbers them (the header is row 1).
 */
public final class Sheet {

	private final Map<String, Integer> columns;

	private final List<Line> lines;

	/** A row of values by field name, with its row number. */
	public record Line(int number, Map<String, String> values) {

		public String get(String field) {
			String value = values.get(field);
			return value == null || value.isBlank() ? null : value.strip();
		}
	}

	private Sheet(Map<String, Integer> columns, List<Line> lines) {
		this.columns = columns;
		this.lines = lines;
	}

	public List<Line> lines() {
		return lines;
	}

	public boolean has(String field) {
		return columns.containsKey(field);
	}

	/**
	 * Reads a file of at most {@code maxRows} rows; {@code headers} maps lower-case column names to fields. A file
	 * that cannot be read, or has too many rows, is a problem on the field {@code file}.
	 */
	public static Sheet read(byte[] content, Map<String, String> headers, int maxRows) {
		if (content == null || content.length == 0) {
			throw Problem.invalid("file", "enterprise.file.empty");
		}
		boolean xlsx = content.length > 4 && content[0] == 'P' && content[1] == 'K';
		List<List<String>> cells = xlsx ? xlsx(content, maxRows) : csv(content, maxRows);
		if (cells.isEmpty()) {
			throw Problem.invalid("file", "enterprise.file.no-header");
		}
		if (cells.size() - 1 > maxRows) {
			throw Problem.invalid("file", "enterprise.file.too-many-rows", maxRows);
		}
		Map<String, Integer> columns = new HashMap<>();
		List<String> header = cells.get(0);
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i) == null ? ""
					: header.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
			String field = headers.get(name);
			if (field != null) {
				columns.putIfAbsent(field, i);
			}
		}
		List<Line> lines = new ArrayList<>();
		for (int r = 1; r < cells.size(); r++) {
			List<String> row = cells.get(r);
			if (row.stream().allMatch(c -> c == null || c.isBlank())) {
				continue;
			}
			Map<String, String> values = new HashMap<>();
			columns.forEach((field, column) -> values.put(field, column < row.size() ? row.get(column) : null));
			lines.add(new Line(r + 1, values));
		}
		return new Sheet(columns, lines);
	}

	private static List<List<String>> csv(byte[] content, int maxRows) {
		List<List<String>> lines = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new StringReader(decode(content)),
				CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get())) {
			for (CSVRecord record : parser) {
				if (lines.size() > maxRows + 1) {
					break;
				}
				lines.add(record.toList());
			}
		}
		catch (IOException | RuntimeException ex) {
			throw Problem.invalid("file", "enterprise.file.unreadable-csv");
		}
		return lines;
	}

	private static String decode(byte[] content) {
		int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
				&& (content[2] & 0xFF) == 0xBF ? 3 : 0;
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content, start, content.length - start))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(content, start, content.length - start, Charset.forName("GB18030"));
		}
	}

	private static List<List<String>> xlsx(byte[] content, int maxRows) {
		DataFormatter formatter = new DataFormatter(Locale.ROOT);
		List<List<String>> lines = new ArrayList<>();
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			for (Row row : workbook.getSheetAt(0)) {
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
			throw Problem.invalid("file", "enterprise.file.unreadable-xlsx");
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
