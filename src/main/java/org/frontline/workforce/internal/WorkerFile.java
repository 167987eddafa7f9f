package org.frontline.workforce.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.frontline.people.IdType;
import org.frontline.people.ImportReport.RowError;
import org.frontline.shared.Message;
import org.frontline.shared.Problem;
import org.frontline.shared.UploadedTable;
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


	private WorkerFile() {
	}

	/** The rows of a file: each a worker with its unit's name and line number, or the reason it cannot be read. */
	public record Parsed(String encoding, List<Line> lines) {
	}

	public record Line(int number, NewWorker form, String unitName, RowError error) {
	}

	public static Parsed parse(byte[] bytes) {
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

	private static Line line(UploadedTable.Row row, int[] index) {
		int number = row.number();
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

	private static String value(UploadedTable.Row row, int[] index, String column) {
		return row.cell(index[COLUMNS.indexOf(column)]);
	}

	private static String shorten(String value) {
		return value == null ? "" : value.length() > 40 ? value.substring(0, 40) + "…" : value;
	}
}
