package org.frontline.enterprise;

import java.time.LocalDate;
import java.util.List;

/**
 * A loop on one day: the testing round its staff are sampled in and how far it got, meals (three a day per person),
 * bedding sets still needed, shift groups flagged for extra testing, antigen self-tests recorded, and the report.
 */
public record LoopDay(long loopId, LocalDate date, Long roundId, long headcount, long tested, long untested,
		long meals, long beddingNeeded, List<String> flaggedShiftGroups, long antigenTests, DailyReport report,
		boolean reportMissing) {
}
