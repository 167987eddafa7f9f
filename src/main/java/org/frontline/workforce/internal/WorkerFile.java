package org.frontline.workforce.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.frontline.people.IdType;
import org.frontline.people.ImportReport.RowError;
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
		Map<String, Integer> index = table.fields(COLUMNS, CHINESE, List.of("name", "id_number"));
		List<Line> lines = new ArrayList<>();
		for (UploadedTable.Row row : table.rows()) {
			lines.add(line(row, index));
		}
		return new Parsed(table.encoding(), lines);
	}

	private static Line line(UploadedTable.Row row, Map<String, Integer> index) {
		int number = row.number();
		try {
			String kind = row.cell(index, "kind");
			kind = kind == null ? null : KIND_NAMES.getOrDefault(kind, kind);
			String skills = row.cell(index, "skills");
			List<Skill> skillList = new ArrayList<>();
			if (skills != null) {
				for (String skill : skills.split("[|;；,，、\\s]+")) {
					if (!skill.isBlank()) {
						String name = SKILL_NAMES.getOrDefault(skill.strip(), skill);
						skillList.add(UploadedTable.constant(Skill.class, "skills", name));
					}
				}
			}
			String canSample = row.cell(index, "can_sample");
			NewWorker form = new NewWorker(row.cell(index, "name"),
					row.constant(index, "id_type", IdType.class, IdType.RESIDENT_ID),
					row.cell(index, "id_number"), row.cell(index, "phone"),
					kind == null ? WorkerKind.CADRE : UploadedTable.constant(WorkerKind.class, "kind", kind),
					null, skillList, canSample != null && List.of("true", "yes", "1", "是", "y").contains(
							canSample.strip().toLowerCase(Locale.ROOT)),
					row.cell(index, "licence"), null, row.cell(index, "area"), null, null);
			return new Line(number, form, row.cell(index, "unit"), null);
		}
		catch (UploadedTable.UnknownValue unknown) {
			return new Line(number, null, null,
					new RowError(number, unknown.error().field(), unknown.error().message()));
		}
	}
}
