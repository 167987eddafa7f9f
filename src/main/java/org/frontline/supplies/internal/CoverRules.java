package org.frontline.supplies.internal;

import org.frontline.supplies.CoverBasis;

/**
 * Days of cover: usable stock over the expected daily use. What is planned decides when anything is (the open
 * round's residents still to sample, planned shifts, occupied rooms, closed-loop staff); otherwise the average of
 * what left the place on the last {@value #HISTORY_DAYS} days.
 */
public final class CoverRules {

	public static final int HISTORY_DAYS = 3;

	private CoverRules() {
	}

	/** Expected daily use and the days it leaves, with where the use came from. */
	public record Cover(double dailyUse, Double days, CoverBasis basis) {
	}

	public static Cover cover(long usable, double plannedDaily, long usedInHistory) {
		if (plannedDaily > 0) {
			return new Cover(plannedDaily, usable / plannedDaily, CoverBasis.PLANNED);
		}
		if (usedInHistory > 0) {
			double daily = (double) usedInHistory / HISTORY_DAYS;
			return new Cover(daily, usable / daily, CoverBasis.HISTORY);
		}
		return new Cover(0, null, CoverBasis.NONE);
	}

	/**
	 * Days left until a plan's end as a divisor of what it still needs: at least one day, so that what a round still
	 * needs today counts in full against today's stock.
	 */
	public static double daysLeft(java.time.Instant now, java.time.Instant end) {
		double days = java.time.Duration.between(now, end).toSeconds() / 86_400.0;
		return Math.max(1.0, days);
	}
}
