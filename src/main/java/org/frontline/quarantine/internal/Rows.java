package org.frontline.quarantine.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Reading PostgreSQL columns into the module's values. */
final class Rows {

	private Rows() {
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	static LocalDate date(ResultSet rs, String column) throws SQLException {
		java.sql.Date value = rs.getDate(column);
		return value == null ? null : value.toLocalDate();
	}

	static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	static List<Integer> ints(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		return array == null ? List.of() : Arrays.stream((Integer[]) array.getArray()).toList();
	}

	static <T> List<T> strings(ResultSet rs, String column, Function<String, T> mapper) throws SQLException {
		Array array = rs.getArray(column);
		return array == null ? List.of() : Arrays.stream((String[]) array.getArray()).map(mapper).toList();
	}

	static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
		return value == null ? null : Enum.valueOf(type, value);
	}

	static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	static String[] array(List<? extends Object> values) {
		return values == null ? new String[0] : values.stream().map(String::valueOf).toArray(String[]::new);
	}
}
