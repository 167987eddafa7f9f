package org.frontline.enterprise;

import java.time.Instant;
import java.time.LocalDate;

/** A filed daily report of a loop. */
public record DailyReport(long loopId, LocalDate date, int inLoop, int tested, int positives, int fevers, int meals,
		String problems, Instant filedAt, String filedBy) {
}
