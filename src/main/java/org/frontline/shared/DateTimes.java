package org.frontline.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * The one way dates and times are written for people, on pages, in exports and in reports: {@code 2022-04-07 14:30}
 * in the district's time zone (the zone of the application's {@link java.time.Clock}, setting {@code frontline.zone}).
 * A {@link LocalDateTime} is taken as already in the district's time.
 */
public final class DateTimes {

	public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private DateTimes() {
	}

	public static String dateTime(TemporalAccessor value, ZoneId zone) {
		return format(value, zone, DATE_TIME);
	}

	public static String date(TemporalAccessor value, ZoneId zone) {
		return format(value, zone, DATE);
	}

	public static String time(TemporalAccessor value, ZoneId zone) {
		return format(value, zone, TIME);
	}

	private static String format(TemporalAccessor value, ZoneId zone, DateTimeFormatter format) {
		if (value == null) {
			return "";
		}
		return format.format(inZone(value, zone));
	}

	private static TemporalAccessor inZone(TemporalAccessor value, ZoneId zone) {
		if (value instanceof Instant instant) {
			return instant.atZone(zone);
		}
		if (value instanceof OffsetDateTime offset) {
			return offset.atZoneSameInstant(zone);
		}
		if (value instanceof ZonedDateTime zoned) {
			return zoned.withZoneSameInstant(zone);
		}
		if (value instanceof LocalDate || value instanceof LocalDateTime || value instanceof LocalTime) {
			return value;
		}
		throw new IllegalArgumentException("Not a date or time: " + value.getClass().getSimpleName());
	}
}
