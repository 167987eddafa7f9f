package org.frontline.testing.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.frontline.shared.Message;
import org.frontline.shared.Problem;
import org.frontline.shared.UploadedTable;
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
	public record Row(int number, ResultItem item, Message error) {
	}

	public static List<Row> parse(String filename, byte[] content) {
		UploadedTable table = UploadedTable.read(content, MAX_ROWS);
		Map<String, Integer> columns = table.columns(HEADERS);
		for (String required : List.of("tubeCode", "outcome", "testedAt")) {
			if (!columns.containsKey(required)) {
				throw Problem.invalid("file", "testing.results.file.column-missing", required);
			}
		}
		List<Row> rows = new ArrayList<>();
		for (UploadedTable.Row line : table.rows()) {
			Message error = null;
			BigDecimal orf = null;
			BigDecimal n = null;
			try {
				orf = number(line.cell(column(columns, "ctOrf1ab")));
				n = number(line.cell(column(columns, "ctN")));
			}
			catch (NumberFormatException ex) {
				error = Message.of("testing.result.ct-not-number");
			}
			rows.add(new Row(line.number(), new ResultItem(line.cell(columns.get("tubeCode")),
					line.cell(columns.get("outcome")), orf, n, line.cell(columns.get("testedAt"))), error));
		}
		return rows;
	}

	private static int column(Map<String, Integer> columns, String field) {
		return columns.getOrDefault(field, -1);
	}

	private static BigDecimal number(String value) {
		return value == null ? null : new BigDecimal(value);
	}
}
