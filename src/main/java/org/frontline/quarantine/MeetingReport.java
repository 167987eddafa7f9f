package org.frontline.quarantine;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One group's report at a facility's daily meeting (the minutes are the report of the group {@code MINUTES}); a
 * group reports once a day, a later report replaces the earlier one.
 */
public record MeetingReport(long id, long facilityId, LocalDate day, String group, String report, String by,
		Instant at) {
}
