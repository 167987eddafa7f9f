package org.frontline.planning;

import java.time.Instant;
import java.util.List;

/**
 * A round's plan: what it assumed, whether it meets the norms and where not, what the whole round needs, and every
 * site's simulated day (sites missing a norm first). Times are minutes from the round's start.
 */
public record RoundPlan(long planId, long roundId, String roundName, Instant startsAt, Instant createdAt,
		String createdBy, long seed, int runs, Assumptions assumptions, int residents, int walkIn, int doorToDoor,
		Double samplingDoneP90Minutes, boolean meetsNorms, List<Violation> violations, Totals totals,
		List<SitePlan> sites, int proposals) {

	/**
	 * The figures the plan was made with and where they came from. {@code arrivalShares} are the shares of walk-in
	 * arrivals per 10 minutes from the round's start. The staff figures are the settings'; the
	 * {@code sitesStaffedByShifts} sites whose shifts the workforce module planned for the round are staffed as those say.
	 */
	public record Assumptions(double stationRatePerHour, FigureSource rateSource, Long learnedFromRound,
			double serviceCv, List<Double> arrivalShares, FigureSource profileSource, double doorToDoorMinutes,
			double labTurnaroundHours, int staffPerStation, int staffPerSite, double shiftHours, int waitNormMinutes,
			int samplingNormHours, int roundNormHours, int poolSize, int sitesStaffedByShifts) {
	}

	/** What the whole round needs (p90 of the runs per site, added up) and how many sites miss a norm. */
	public record Totals(int tubes, int swabs, int ppeSets, int staffPeak, int sites, int sitesMissingNorms) {
	}
}
