package org.frontline.planning;

import java.util.List;
import java.util.Map;

import org.frontline.testing.SiteKind;

/**
 * One site or door-to-door team in a plan: its stations (teams) per hour from the round's start, the rate it is
 * planned with, the people it serves by compound, and what the simulation gives, percentiles over the runs: the
 * queue at the end of each 10-minute slot, the mean wait of the people arriving in it (null where nobody does), when
 * its last person is swabbed (minutes from the round's start; null when some are never served), and what it needs
 * (its tubes also per pool size: a zone's terms may pool fewer than the round).
 */
public record SitePlan(long siteId, String name, SiteKind kind, String area, List<Integer> stationsPerHour,
		double ratePerHour, FigureSource rateSource, int people, List<CompoundShare> compounds, List<Integer> queueP50,
		List<Integer> queueP90, List<Double> waitP50, List<Double> waitP90, Double doneP50Minutes,
		Double doneP90Minutes, double meanWaitMinutes, double personWaitP90Minutes, int tubes, int swabs, int ppeSets,
		List<Integer> staffPerHour, boolean meetsNorms, List<Violation> violations, Map<Integer, Integer> tubesByPool) {

	public SitePlan {
		tubesByPool = tubesByPool == null ? Map.of() : Map.copyOf(tubesByPool);
	}

	/** A compound's people at this site, with how many of them have no smartphone or are elderly living alone. */
	public record CompoundShare(String code, String name, int people, int noSmartphone, int elderlyLivingAlone) {
	}

	/** The most people on duty in any hour, 0 when the site never opens. */
	public int staffPeak() {
		return staffPerHour.stream().mapToInt(Integer::intValue).max().orElse(0);
	}

	/** The highest p90 wait of any 10-minute slot, 0 when nobody waits. */
	public double worstWaitP90() {
		return waitP90.stream().filter(w -> w != null).mapToDouble(Double::doubleValue).max().orElse(0);
	}
}
