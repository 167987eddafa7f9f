package org.frontline.enterprise;

import java.time.Instant;

/**
 * One enterprise in closed loop as the command sees it today: headcount, people tested today by the testing module
 * and by the liaison's report (null when no report was filed), whether a report is overdue (today's after its
 * deadline, or yesterday's), exceptions open and meals for the day. A loop that begins later ({@code begun} false: a
 * loop may be started up to 7 days ahead) has no report due and no one tested yet, and is not counted in the figures
 * of the loops running now.
 */
public record LoopSummary(long loopId, long enterpriseId, String enterpriseName, String area, String notice,
		Instant startsAt, Instant endsAt, LoopStatus status, boolean begun, long headcount, long testedToday,
		Integer reportedTested, boolean reportFiled, boolean reportMissing, long exceptionsOpen, long meals) {

	/** Tested today by the testing module minus tested according to the report (0 without a report). */
	public long testedDifference() {
		return reportedTested == null ? 0 : testedToday - reportedTested;
	}
}
