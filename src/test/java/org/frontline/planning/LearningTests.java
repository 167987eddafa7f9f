package org.frontline.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.frontline.planning.internal.Learning;
import org.junit.jupiter.api.Test;

/**
 * Rates, arrivals and waits recovered from timestamps made by a plain first-come-first-served generator written here
 * (not the planner's simulation): known swab times and a known arrival profile in, the same figures out.
 */
class LearningTests {

	/** A recorded visit: site, station, check-in and sample minutes from the round's start. */
	record Visit(long site, String station, double checkedIn, double sampled) {
	}

	/**
	 * People arriving at a site by hourly weights, swabbed first come first served by the first free of
	 * {@code stations} stations with exponential swab times of the given mean; the sample is recorded when the swab
	 * is done.
	 */
	static List<Visit> recordedSite(long site, int people, double[] hourly, int stations, double swabMinutes, long seed) {
		Random random = new Random(seed);
		double total = Arrays.stream(hourly).sum();
		double[] arrivals = new double[people];
		for (int i = 0; i < people; i++) {
			double u = random.nextDouble() * total;
			int hour = 0;
			while (u >= hourly[hour]) {
				u -= hourly[hour++];
			}
			arrivals[i] = (hour + random.nextDouble()) * 60;
		}
		Arrays.sort(arrivals);
		double[] free = new double[stations];
		List<Visit> visits = new ArrayList<>();
		for (double arrival : arrivals) {
			int station = 0;
			for (int j = 1; j < stations; j++) {
				if (free[j] < free[station]) {
					station = j;
				}
			}
			double start = Math.max(arrival, free[station]);
			free[station] = start - Math.log(1 - random.nextDouble()) * swabMinutes;
			visits.add(new Visit(site, "registrar-" + site + "-" + station, arrival, free[station]));
		}
		return visits;
	}

	@Test
	void stationRatesArrivalSharesAndWaitsAreRecoveredFromTheTimestamps() {
		double[] hourly = { 30, 40, 20, 10 };
		List<Visit> visits = new ArrayList<>(recordedSite(1, 3_000, hourly, 4, 0.3, 1));
		visits.addAll(recordedSite(2, 2_000, hourly, 3, 0.4, 2));
		Learning learning = new Learning(Map.of(1L, false, 2L, false));
		visits.forEach(v -> learning.add(v.site(), v.station(), v.checkedIn(), v.sampled()));
		Learning.Facts facts = learning.facts();
		assertThat(facts.arrivals()).isEqualTo(5_000);
		double[] shares = facts.arrivalShares();
		for (int hour = 0; hour < 4; hour++) {
			double inHour = Arrays.stream(shares, hour * 6, Math.min(shares.length, hour * 6 + 6)).sum();
			assertThat(inHour).as("hour " + hour).isCloseTo(hourly[hour] / 100, within(0.025));
		}
		Learning.SiteFacts first = facts.sites().get(0);
		Learning.SiteFacts second = facts.sites().get(1);
		assertThat(first.stations()).isEqualTo(4);
		// 0.3 minutes a swab is 200 an hour; 0.4 is 150.
		assertThat(first.rate().perHour()).isCloseTo(200, within(200 * 0.06));
		assertThat(second.rate().perHour()).isCloseTo(150, within(150 * 0.06));
		assertThat(first.rate().cv()).isCloseTo(1.0, within(0.1));
		assertThat(first.sampled()).isEqualTo(3_000);
		double lastSample = visits.stream().filter(v -> v.site() == 1).mapToDouble(Visit::sampled).max().orElseThrow();
		assertThat(first.doneMinutes()).isEqualTo(lastSample);
		// The second hour brings 800 people an hour to 4 stations taking 800 an hour: a queue builds, then drains.
		int busiest = Arrays.stream(first.queue()).max().orElseThrow();
		assertThat(busiest).isGreaterThan(10);
		assertThat(first.queue()[first.queue().length - 1]).isZero();
		double meanWait = visits.stream().filter(v -> v.site() == 1).mapToDouble(v -> v.sampled() - v.checkedIn()).average().orElseThrow();
		double learnedMean = 0;
		int counted = 0;
		for (int s = 0; s < first.waitMean().length; s++) {
			if (!Double.isNaN(first.waitMean()[s])) {
				int arrivals = first.arrivals()[s];
				learnedMean += first.waitMean()[s] * arrivals;
				counted += arrivals;
			}
		}
		assertThat(learnedMean / counted).isCloseTo(meanWait, within(1e-9));
		assertThat(facts.walkInRate().perHour()).isBetween(150.0, 200.0);
	}

	@Test
	void gapsWhileNobodyWaitedOrLongerThanAPauseAreNoSwabTimes() {
		Learning learning = new Learning(Map.of(5L, false, 6L, true));
		// Someone arrives only after the previous swab: the gap is idle time, not a swab.
		learning.add(5, "a", 0, 1);
		learning.add(5, "a", 5, 6);
		// Waiting since minute 0: two swabs of a minute each, then a pause of 40 minutes.
		learning.add(5, "a", 0.5, 7);
		learning.add(5, "a", 0.5, 8);
		learning.add(5, "a", 0.5, 48);
		// A door-to-door team's list is waiting from the start: every visit counts.
		learning.add(6, "team", Double.NaN, 20);
		learning.add(6, "team", Double.NaN, 40);
		learning.add(6, "team", Double.NaN, 60);
		Learning.Facts facts = learning.facts();
		assertThat(facts.sites().get(0).rate().swabs()).isEqualTo(2);
		assertThat(facts.walkInRate().perHour()).isCloseTo(60, within(1e-9));
		assertThat(facts.doorToDoorRate().perHour()).isCloseTo(3, within(1e-9));
		assertThat(facts.sites().get(1).checkedIn()).isZero();
		assertThat(facts.sites().get(1).sampled()).isEqualTo(3);
	}
}
