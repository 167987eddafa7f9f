package org.frontline.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class TurnaroundTests {

	/** percentile_cont over the values themselves: interpolated between the two values around fraction * (n - 1). */
	private static double continuous(List<Integer> sorted, double fraction) {
		double position = fraction * (sorted.size() - 1);
		int below = (int) Math.floor(position);
		int above = (int) Math.ceil(position);
		return sorted.get(below) + (position - below) * (sorted.get(above) - sorted.get(below));
	}

	@Test
	void percentilesOfTheHistogramEqualThoseOfTheValuesItCounts() {
		Random random = new Random(21);
		for (int run = 0; run < 200; run++) {
			List<Integer> values = new ArrayList<>();
			TreeMap<Integer, Long> histogram = new TreeMap<>();
			for (int i = 0, n = 1 + random.nextInt(300); i < n; i++) {
				int minutes = 200 + random.nextInt(90);
				values.add(minutes);
				histogram.merge(minutes, 1L, Long::sum);
			}
			Collections.sort(values);
			for (double fraction : new double[] { 0, 0.5, 0.9, 1 }) {
				assertThat(Turnaround.percentile(histogram, fraction)).isEqualTo(continuous(values, fraction));
			}
		}
	}

	@Test
	void anEmptyHistogramHasNoPercentile() {
		assertThat(Turnaround.percentile(new TreeMap<>(), 0.5)).isNull();
	}

	@Test
	void windowsAreCutAtQuartersOfAnHour() {
		var window = new TestingCountQueries.Window(java.time.Instant.parse("2026-12-05T16:00:00Z"),
				java.time.Instant.parse("2026-12-06T14:41:07Z"));
		assertThat(window.firstQuarter()).hasToString("2026-12-05T16:00:00Z");
		assertThat(window.lastQuarter()).hasToString("2026-12-06T14:30:00Z");
		assertThat(window.parts()).hasDimensions(1, 2);
		assertThat(window.parts()[0][0]).hasToString("2026-12-06T14:30:00Z");
		var inside = new TestingCountQueries.Window(java.time.Instant.parse("2026-12-06T14:31:00Z"),
				java.time.Instant.parse("2026-12-06T14:41:07Z"));
		assertThat(inside.whole()).isFalse();
		assertThat(inside.parts()).hasDimensions(1, 2);
	}
}
