package org.frontline.people.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.frontline.people.Address;
import org.frontline.people.IdType;
import org.frontline.people.ImportReport.RowError;
import org.frontline.people.PersonForm;
import org.frontline.people.Tag;
import org.frontline.shared.Message;
import org.frontline.shared.Problem;
import org.frontline.shared.UploadedTable;

/**
 * Reads a residents file: a CSV file (UTF-8 with or without BOM, or GBK/GB18030 as spreadsheet programs on Chinese
 * systems save it) or an XLSX workbook (its first sheet), with a header row of English or Chinese column names, one
 * person per row.
 */
public final class ResidentFile {

	public static final List<String> COLUMNS = List.of("name", "id_type", "id_number", "phone", "area", "building",
			"unit", "room", "tags");

	/** More rows than the largest upload can hold: a row with a name, an ID number and an area takes 36 bytes. */
	static final int MAX_ROWS = 1_000_000;

	private static final Map<String, String> CHINESE = Map.of("姓名", "name", "证件类型", "id_type", "证件号码",
			"id_number", "手机号", "phone", "小区代码", "area", "楼栋", "building", "单元", "unit", "房号", "room", "标签",
			"tags");

	private ResidentFile() {
	}

	/** The rows of a file: each either a form with its line number or the reason it cannot be read. */
	public record Parsed(String encoding, List<Line> lines) {
	}

	public record Line(int number, PersonForm form, RowError error) {
	}

	public static Parsed parse(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw Problem.invalid("file", "people.import.empty", String.join(",", COLUMNS));
		}
		UploadedTable table = UploadedTable.read(bytes, MAX_ROWS);
		int[] index = header(table.header());
		List<Line> lines = new ArrayList<>();
		for (UploadedTable.Row row : table.rows()) {
			lines.add(line(row, index));
		}
		return new Parsed(table.encoding(), lines);
	}

	private static int[] header(List<String> header) {
		int[] index = new int[COLUMNS.size()];
		Arrays.fill(index, -1);
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i).toLowerCase(Locale.ROOT);
			if (name.isEmpty()) {
				continue;
			}
			name = CHINESE.getOrDefault(name, name);
			int column = COLUMNS.indexOf(name);
			if (column < 0) {
				throw Problem.invalid("header", "people.import.unknown-column", header.get(i), String.join(",", COLUMNS));
			}
			index[column] = i;
		}
		for (String required : List.of("name", "id_number", "area")) {
			if (index[COLUMNS.indexOf(required)] < 0) {
				throw Problem.invalid("header", "people.import.missing-column", required, String.join(",", COLUMNS));
			}
		}
		return index;
	}

	private static Line line(UploadedTable.Row row, int[] index) {
		int number = row.number();
		try {
			String idType = value(row, index, "id_type");
			String tags = value(row, index, "tags");
			List<Tag> tagList = new ArrayList<>();
			if (tags != null) {
				for (String tag : tags.split("[|;；,，\\s]+")) {
					if (!tag.isBlank()) {
						tagList.add(constant(Tag.class, "tags", tag));
					}
				}
			}
			PersonForm form = new PersonForm(value(row, index, "name"),
					idType == null ? IdType.RESIDENT_ID : constant(IdType.class, "id_type", idType),
					value(row, index, "id_number"), value(row, index, "phone"), value(row, index, "area"),
					new Address(value(row, index, "building"), value(row, index, "unit"), value(row, index, "room")),
					tagList);
			return new Line(number, form, null);
		}
		catch (UnknownValue unknown) {
			return new Line(number, null, new RowError(number, unknown.column,
					Message.of("people.import.unknown-value", unknown.column, unknown.value, unknown.allowed)));
		}
	}

	private static <E extends Enum<E>> E constant(Class<E> type, String column, String value) {
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new UnknownValue(column, value.strip(), Arrays.stream(type.getEnumConstants()).map(Enum::name)
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

	private static String value(UploadedTable.Row row, int[] index, String column) {
		return row.cell(index[COLUMNS.indexOf(column)]);
	}
}
