package org.frontline.testing.internal;

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
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.frontline.shared.Problem;
import org.frontline.testing.ResultItem;

/**
 * A lab's results file, CSV (UTF-8 or GB18030) or XLSX (first sheet): a header row naming the columns (tubeCode 管码,
 * outcome 结果, ctOrf1ab ORF1ab, ctN N, testedAt 检测时间) and one tube per row. Cells are read as text; the rules
 * decide what is valid.
 */
public final class ResultFile {

	public static final int MAX_ROWS = 50_000;

	private static final Map<String, String> HEADERS = new HashMap<>();

	static {
		for (String h : List.of("tubecode", "tube", "管码", "试管编码", "采样管编码", "管号")) {
			HEADERS.put(h, "tubeCode");
		}
		for (String h : List.of("outcome", "result", "结果", "检测结果")) {
			HEADERS.put(h, "outcome");
		}
		for (String h : List.of("ctorf1ab", "orf1ab", "ct_orf1ab", "orf1ab基因ct值")) {
			HEADERS.put(h, "ctOrf1ab");
		}
		for (String h : List.of("ctn", "n", "ct_n", "n基因ct值")) {
			HEADERS.put(h, "ctN");
		}
		for (String h : List.of("testedat", "tested", "检测时间")) {
			HEADERS.put(h, "testedAt");
		}
	}

	private ResultFile() {
	}

	/** A row of the file (numbered as a spreadsheet numbers them, the header being row 1) as a result item. */
	public record Row(int number, ResultItem item, String error) {
	}

	public static List<Row> parse(String filename, byte[] content) {
		if (content == null || content.length == 0) {
			throw Problem.invalid("file", "The file is empty.");
		}
		boolean xlsx = content.length > 4 && content[0] == 'P' && content[1] == 'K';
		List<List<String>> cells = xlsx ? xlsx(content) : csv(content);
		if (cells.isEmpty()) {
			throw Problem.invalid("file", "The file has no header row.");
		}
		Map<String, Integer> columns = new HashMap<>();
		List<String> header = cells.get(0);
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i) == null ? "" : header.get(i).strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
			String key = HEADERS.get(name);
			if (key != null) {
				columns.putIfAbsent(key, i);
			}
		}
		for (String required : List.of("tubeCode", "outcome", "testedAt")) {
			if (!columns.containsKey(required)) {
				throw Problem.invalid("file", "The header row has no " + required + " column.");
			}
		}
		if (cells.size() - 1 > MAX_ROWS) {
			throw Problem.invalid("file", "A file has at most " + MAX_ROWS + " rows.");
		}
		List<Row> rows = new ArrayList<>();
		for (int r = 1; r < cells.size(); r++) {
			List<String> line = cells.get(r);
			if (line.stream().allMatch(c -> c == null || c.isBlank())) {
				continue;
			}
			String error = null;
			BigDecimal orf = null;
			BigDecimal n = null;
			try {
				orf = number(cell(line, columns.get("ctOrf1ab")));
				n = number(cell(line, columns.get("ctN")));
			}
			catch (NumberFormatException ex) {
				error = "A Ct value is not a number.";
			}
			rows.add(new Row(r + 1, new ResultItem(cell(line, columns.get("tubeCode")), cell(line, columns.get("outcome")),
					orf, n, cell(line, columns.get("testedAt"))), error));
		}
		return rows;
	}

	private static String cell(List<String> line, Integer column) {
		if (column == null || column >= line.size()) {
			return null;
		}
		String value = line.get(column);
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static BigDecimal number(String value) {
		return value == null ? null : new BigDecimal(value);
	}

	private static List<List<String>> csv(byte[] content) {
		String text = decode(content);
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
			throw Problem.invalid("file", "The file is not a readable CSV file.");
		}
		return lines;
	}

	private static String decode(byte[] content) {
		int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
				&& (content[2] & 0xFF) == 0xBF ? 3 : 0;
		ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes)
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(content, start, content.length - start, Charset.forName("GB18030"));
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
			throw Problem.invalid("file", "The file is not a readable XLSX workbook.");
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
