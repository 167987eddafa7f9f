package org.frontline.testing.internal;

import java.util.Map;
import java.util.NavigableMap;

/** Percentiles of turnaround kept as a histogram of whole minutes (minutes to how many results took them). */
final class Turnaround {

	private Turnaround() {
	}

	/**
	 * The continuous percentile (as PostgreSQL's {@code percentile_cont}) of the values the histogram holds, or null
	 * when it holds none.
	 */
	static Double percentile(NavigableMap<Integer, Long> histogram, double fraction) {
		long n = histogram.values().stream().mapToLong(Long::longValue).sum();
		if (n == 0) {
			return null;
		}
		double position = fraction * (n - 1);
		long below = (long) Math.floor(position);
		int lower = valueAt(histogram, below);
		int upper = valueAt(histogram, (long) Math.ceil(position));
		return lower + (position - below) * (upper - lower);
	}

	/** The value at a rank (from 0) of the sorted values. */
	private static int valueAt(NavigableMap<Integer, Long> histogram, long rank) {
		long seen = 0;
		for (Map.Entry<Integer, Long> bin : histogram.entrySet()) {
			seen += bin.getValue();
			if (rank < seen) {
				return bin.getKey();
			}
		}
		return histogram.lastKey();
	}
}
