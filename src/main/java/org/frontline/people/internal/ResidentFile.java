package org.frontline.people.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.frontline.people.Address;
import org.frontline.people.IdType;
import org.frontline.people.ImportReport.RowError;
import org.frontline.people.PersonForm;
import org.frontline.people.Tag;
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
		Map<String, Integer> index = table.fields(COLUMNS, CHINESE, List.of("name", "id_number", "area"));
		List<Line> lines = new ArrayList<>();
		for (UploadedTable.Row row : table.rows()) {
			lines.add(line(row, index));
		}
		return new Parsed(table.encoding(), lines);
	}

	private static Line line(UploadedTable.Row row, Map<String, Integer> index) {
		int number = row.number();
		try {
			String tags = row.cell(index, "tags");
			List<Tag> tagList = new ArrayList<>();
			if (tags != null) {
				for (String tag : tags.split("[|;；,，\\s]+")) {
					if (!tag.isBlank()) {
						tagList.add(UploadedTable.constant(Tag.class, "tags", tag));
					}
				}
			}
			PersonForm form = new PersonForm(row.cell(index, "name"),
					row.constant(index, "id_type", IdType.class, IdType.RESIDENT_ID),
					row.cell(index, "id_number"), row.cell(index, "phone"), row.cell(index, "area"),
					new Address(row.cell(index, "building"), row.cell(index, "unit"), row.cell(index, "room")),
					tagList);
			return new Line(number, form, null);
		}
		catch (UploadedTable.UnknownValue unknown) {
			return new Line(number, null, new RowError(number, unknown.error().field(), unknown.error().message()));
		}
	}

}
