package org.frontline.enterprise.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.frontline.shared.UploadedTable;

/**
 * An uploaded list ({@link UploadedTable}) whose header's column names (English or Chinese) map to fields: each row a
 * line of values by field.
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

	/** Reads a file of at most {@code maxRows} rows; {@code headers} maps lower-case column names to fields. */
	public static Sheet read(byte[] content, Map<String, String> headers, int maxRows) {
		UploadedTable table = UploadedTable.read(content, maxRows);
		Map<String, Integer> columns = table.columns(headers);
		List<Line> lines = table.rows().stream().map(row -> {
			Map<String, String> values = new HashMap<>();
			columns.forEach((field, column) -> values.put(field, row.cell(column)));
			return new Line(row.number(), values);
		}).toList();
		return new Sheet(columns, lines);
	}
}
