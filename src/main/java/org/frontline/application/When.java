package org.frontline.application;

import java.time.ZoneId;
import java.time.temporal.TemporalAccessor;

import org.frontline.shared.DateTimes;

/** {@code #when} in templates: dates and times as {@link DateTimes} writes them, in the district's time zone. */
public final class When {

	private final ZoneId zone;

	When(ZoneId zone) {
		this.zone = zone;
	}

	/** {@code 2022-04-07 14:30}. */
	public String dateTime(TemporalAccessor value) {
		return DateTimes.dateTime(value, zone);
	}

	/** {@code 2022-04-07}. */
	public String date(TemporalAccessor value) {
		return DateTimes.date(value, zone);
	}

	/** {@code 14:30}. */
	public String time(TemporalAccessor value) {
		return DateTimes.time(value, zone);
	}
}
