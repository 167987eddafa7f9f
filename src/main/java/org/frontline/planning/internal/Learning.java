package org.frontline.planning.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a round's records say happened, from each person's check-in and sample times (minutes from the round's
 * start): arrivals per 10 minutes (check-ins, or samples where nobody checked in), the queue at the end of each slot
 * (checked in, not yet swabbed), waits from check-in to sample by the slot of arrival, when the last person was
 * swabbed, and what a station takes an hour. A station is the user who recorded its samples; the time between two
 * of its samples is one swab when the second person had checked in before the first was swabbed (the station was
 * busy, not waiting for someone to come). At a door-to-door team everyone is waiting from the start, so every gap
 * between two visits counts. Gaps longer than {@link #PAUSE_MINUTES} are pauses and do not count.
 */
public final class Learning {

	static final double PAUSE_MINUTES = 30;

	private static final int SLOTS = QueueSimulation.MAX_SLOTS;

	private static final int SLOT = QueueSimulation.SLOT_MINUTES;

	private final Map<Long, Boolean> doorToDoor;

	private final Map<Long, SiteRecords> sites = new TreeMap<>();

	private final int[] arrivals = new int[SLOTS];

	/** Learns from the visits of sites whose kind is given ({@code true}: a door-to-door team). */
	public Learning(Map<Long, Boolean> doorToDoor) {
		this.doorToDoor = doorToDoor;
	}

	/** How fast one station (or all of a kind) swabbed: people an hour, the variation of its swab times, how many. */
	public record Rate(double perHour, double cv, int swabs) {
	}

	/** What happened at one site. Series are per 10-minute slot from the round's start; waits in minutes. */
	public record SiteFacts(long siteId, int checkedIn, int sampled, int[] arrivals, int[] queue, double[] waitMean,
			double[] waitP90, Double doneMinutes, Rate rate, int stations) {
	}

	/** What the round's records give: arrival shares per slot, the sites, and the rates of walk-in sites and teams. */
	public record Facts(double[] arrivalShares, int arrivals, List<SiteFacts> sites, Rate walkInRate,
			Rate doorToDoorRate) {
	}

	/**
	 * One person's visit: the site, who recorded the sample (null when none yet), and when they checked in and were
	 * swabbed (NaN when not).
	 */
	public void add(long siteId, String station, double checkedIn, double sampled) {
		SiteRecords site = sites.computeIfAbsent(siteId, id -> new SiteRecords());
		double arrived = Double.isNaN(checkedIn) ? sampled : checkedIn;
		if (!Double.isNaN(arrived)) {
			arrivals[slot(arrived)]++;
			site.arrivals[slot(arrived)]++;
		}
		if (!Double.isNaN(checkedIn)) {
			site.checkedIn++;
			site.queueIn[slot(checkedIn)]++;
			if (!Double.isNaN(sampled)) {
				site.queueOut[slot(Math.max(sampled, checkedIn))]++;
				site.waits.computeIfAbsent(slot(checkedIn), s -> new ArrayList<>()).add(Math.max(0, sampled - checkedIn));
			}
		}
		if (!Double.isNaN(sampled)) {
			site.sampled++;
			site.last = Math.max(site.last, sampled);
			site.stations.computeIfAbsent(station == null ? "" : station, s -> new ArrayList<>())
				.add(new double[] { sampled, checkedIn });
		}
	}

	public Facts facts() {
		List<SiteFacts> facts = new ArrayList<>();
		List<Double> walkInGaps = new ArrayList<>();
		List<Double> teamGaps = new ArrayList<>();
		sites.forEach((id, site) -> {
			boolean team = doorToDoor.getOrDefault(id, false);
			List<Double> gaps = new ArrayList<>();
			site.stations.values().forEach(samples -> gaps.addAll(busyGaps(samples, team)));
			(team ? teamGaps : walkInGaps).addAll(gaps);
			int[] queue = new int[SLOTS];
			double[] waitMean = new double[SLOTS];
			double[] waitP90 = new double[SLOTS];
			int waiting = 0;
			int last = 0;
			for (int s = 0; s < SLOTS; s++) {
				waiting += site.queueIn[s] - site.queueOut[s];
				queue[s] = waiting;
				List<Double> waits = site.waits.get(s);
				waitMean[s] = waits == null ? Double.NaN : waits.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
				waitP90[s] = waits == null ? Double.NaN : percentile(waits, 0.9);
				if (site.arrivals[s] > 0 || site.queueOut[s] > 0 || waits != null) {
					last = s + 1;
				}
			}
			facts.add(new SiteFacts(id, site.checkedIn, site.sampled, Arrays.copyOf(site.arrivals, last),
					Arrays.copyOf(queue, last), Arrays.copyOf(waitMean, last), Arrays.copyOf(waitP90, last),
					site.sampled == 0 ? null : site.last, rate(gaps), site.stations.size()));
		});
		int total = Arrays.stream(arrivals).sum();
		int slots = 0;
		for (int s = 0; s < SLOTS; s++) {
			if (arrivals[s] > 0) {
				slots = s + 1;
			}
		}
		double[] shares = new double[slots];
		for (int s = 0; s < slots; s++) {
			shares[s] = arrivals[s] / (double) total;
		}
		return new Facts(shares, total, facts, rate(walkInGaps), rate(teamGaps));
	}

	/** The swab times of one station: gaps between its samples while someone was waiting for it. */
	static List<Double> busyGaps(List<double[]> samples, boolean team) {
		samples.sort((a, b) -> Double.compare(a[0], b[0]));
		List<Double> gaps = new ArrayList<>();
		for (int i = 1; i < samples.size(); i++) {
			double previous = samples.get(i - 1)[0];
			double[] next = samples.get(i);
			double gap = next[0] - previous;
			boolean waiting = team || !Double.isNaN(next[1]) && next[1] <= previous;
			if (waiting && gap > 0 && gap <= PAUSE_MINUTES) {
				gaps.add(gap);
			}
		}
		return gaps;
	}

	static Rate rate(List<Double> gaps) {
		if (gaps.isEmpty()) {
			return null;
		}
		double mean = gaps.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
		double variance = gaps.stream().mapToDouble(g -> (g - mean) * (g - mean)).sum() / Math.max(1, gaps.size() - 1);
		return new Rate(60 / mean, Math.sqrt(variance) / mean, gaps.size());
	}

	private static double percentile(List<Double> values, double p) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return sorted[QueueSimulation.rank(sorted.length, p)];
	}

	private static int slot(double minutes) {
		return Math.max(0, Math.min(SLOTS - 1, (int) Math.floor(minutes / SLOT)));
	}

	private static final class SiteRecords {

		final int[] arrivals = new int[SLOTS];

		final int[] queueIn = new int[SLOTS];

		final int[] queueOut = new int[SLOTS];

		final Map<Integer, List<Double>> waits = new HashMap<>();

		final Map<String, List<double[]>> stations = new HashMap<>();

		int checkedIn;

		int sampled;

		double last;
	}
}
