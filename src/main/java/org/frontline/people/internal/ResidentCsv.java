package org.frontline.people.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
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
import org.frontline.people.Address;
import org.frontline.people.IdType;
import org.frontline.people.ImportReport.RowError;
import org.frontline.people.PersonForm;
import org.frontline.people.Tag;
import org.frontline.shared.Message;
import org.frontline.shared.Problem;

/**
 * Reads a residents CSV file: UTF-8 (with or without BOM) or GBK/GB18030 as spreadsheet programs on Chinese systems
 * save it, a header of English or Chinese column names, one person per row.
 */
public final class ResidentCsv {

	public static final List<String> COLUMNS = List.of("name", "id_type", "id_number", "phone", "area", "building",
			"unit", "room", "tags");

	private static final Map<String, String> CHINESE = Map.of("姓名", "name", "证件类型", "id_type", "证件号码",
			"id_number", "手机号", "phone", "小区代码", "area", "楼栋", "building", "单元", "unit", "房号", "room", "标签",
			"tags");

	private static final Charset GB18030 = Charset.forName("GB18030");

	private ResidentCsv() {
	}

	/** The rows of a file: each either a form with its line number or the reason it cannot be read. */
	public record Parsed(String encoding, List<Line> lines) {
	}

	public record Line(int number, PersonForm form, RowError error) {
	}

	public static Parsed parse(byte[] bytes) {
		Decoded decoded = decode(bytes);
		List<Line> lines = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new StringReader(decoded.text()),
				CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get())) {
			int[] index = null;
			for (CSVRecord record : parser) {
				int line = (int) record.getRecordNumber();
				if (index == null) {
					index = header(record);
					continue;
				}
				lines.add(line(line, record, index));
			}
			if (index == null) {
				throw Problem.invalid("file", "people.import.empty", String.join(",", COLUMNS));
			}
		}
		catch (IOException | UncheckedIOException ex) {
			throw Problem.invalid("file", "people.import.not-csv");
		}
		return new Parsed(decoded.charset(), lines);
	}

	private static int[] header(CSVRecord record) {
		int[] index = new int[COLUMNS.size()];
		Arrays.fill(index, -1);
		for (int i = 0; i < record.size(); i++) {
			String name = record.get(i).strip().toLowerCase(Locale.ROOT);
			name = CHINESE.getOrDefault(name, name);
			int column = COLUMNS.indexOf(name);
			if (column < 0) {
				throw Problem.invalid("header", "people.import.unknown-column", record.get(i), String.join(",", COLUMNS));
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

	private static Line line(int number, CSVRecord record, int[] index) {
		try {
			String idType = value(record, index, "id_type");
			String tags = value(record, index, "tags");
			List<Tag> tagList = new ArrayList<>();
			if (tags != null) {
				for (String tag : tags.split("[|;；,，\\s]+")) {
					if (!tag.isBlank()) {
						tagList.add(constant(Tag.class, "tags", tag));
					}
				}
			}
			PersonForm form = new PersonForm(value(record, index, "name"),
					idType == null ? IdType.RESIDENT_ID : constant(IdType.class, "id_type", idType),
					value(record, index, "id_number"), value(record, index, "phone"), value(record, index, "area"),
					new Address(value(record, index, "building"), value(record, index, "unit"),
							value(record, index, "room")),
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

	private static String value(CSVRecord record, int[] index, String column) {
		int i = index[COLUMNS.indexOf(column)];
		if (i < 0 || i >= record.size()) {
			return null;
		}
		String value = record.get(i);
		return value == null || value.isBlank() ? null : value;
	}

	private record Decoded(String text, String charset) {
	}

	private static Decoded decode(byte[] bytes) {
		int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
				&& (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
		ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
		try {
			return new Decoded(strict(StandardCharsets.UTF_8).decode(buffer).toString(), "UTF-8");
		}
		catch (CharacterCodingException notUtf8) {
			try {
				return new Decoded(strict(GB18030).decode(ByteBuffer.wrap(bytes)).toString(), "GB18030");
			}
			catch (CharacterCodingException notGbk) {
				throw Problem.invalid("file", "people.import.encoding");
			}
		}
	}

	private static CharsetDecoder strict(Charset charset) {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}
}
