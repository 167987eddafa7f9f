package org.frontline.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.frontline.planning.internal.QueueSimulation;
import org.frontline.planning.internal.SiteDay;
import org.frontline.planning.internal.SiteRuns;
import org.junit.jupiter.api.Test;

/** The site simulation against queueing theory where it has closed forms, and its determinism. */
class QueueSimulationTests {

	/** Erlang's C formula: the mean wait in an M/M/c queue with arrival rate lambda and service rate mu per server. */
	static double erlangCWait(int c, double lambda, double mu) {
		double a = lambda / mu;
		double term = 1;
		double sum = 0;
		for (int k = 0; k < c; k++) {
			sum += term;
			term *= a / (k + 1);
		}
		double top = term * c / (c - a);
		double probabilityOfWaiting = top / (sum + top);
		return probabilityOfWaiting / (c * mu - lambda);
	}

	/** A flat arrival profile long enough for {@code people} to arrive at {@code perMinute}, and c stations throughout. */
	private static SiteDay steady(int people, double perMinute, int stations, double serviceMinutes, double cv) {
		int slots = (int) Math.round(people / perMinute / QueueSimulation.SLOT_MINUTES);
		double[] shares = new double[slots];
		Arrays.fill(shares, 1);
		int[] schedule = new int[slots];
		Arrays.fill(schedule, stations);
		return new SiteDay((int) Math.round(slots * QueueSimulation.SLOT_MINUTES * perMinute), shares, schedule,
				serviceMinutes, cv, 10);
	}

	@Test
	void fourStationsAtEightyPercentWaitAsErlangCSays() {
		SiteRuns runs = QueueSimulation.simulate(steady(400_000, 3.2, 4, 1.0, 1.0), 11, 6);
		double expected = erlangCWait(4, 3.2, 1.0);
		assertThat(expected).isCloseTo(0.7455, within(0.001));
		assertThat(runs.meanWait()).isCloseTo(expected, within(expected * 0.03));
	}

	@Test
	void oneStationAtHalfLoadAndTenStationsAtNinetyPercentMatchErlangC() {
		SiteRuns single = QueueSimulation.simulate(steady(200_000, 0.5, 1, 1.0, 1.0), 5, 6);
		assertThat(single.meanWait()).isCloseTo(erlangCWait(1, 0.5, 1.0), within(0.03));
		// Ten tables at 200 people an hour each (18 s per person) and 1,800 arrivals an hour.
		double mu = 200 / 60.0;
		SiteRuns busy = QueueSimulation.simulate(steady(600_000, 30, 10, 1 / mu, 1.0), 5, 6);
		double expected = erlangCWait(10, 30, mu);
		assertThat(busy.meanWait()).isCloseTo(expected, within(expected * 0.05));
	}

	@Test
	void lessVariableSwabbingWaitsAsPollaczekKhinchineSays() {
		// M/G/1 with Erlang-4 service (coefficient of variation 0.5): Wq = lambda E[S^2] / (2 (1 - rho)).
		double lambda = 0.7;
		double mean = 1.0;
		double cv = 0.5;
		double expected = lambda * (1 + cv * cv) * mean * mean / (2 * (1 - lambda * mean));
		SiteRuns runs = QueueSimulation.simulate(steady(300_000, lambda, 1, mean, cv), 3, 6);
		assertThat(runs.meanWait()).isCloseTo(expected, within(expected * 0.04));
		assertThat(runs.meanWait()).isLessThan(erlangCWait(1, lambda, 1 / mean) * 0.7);
	}

	@Test
	void theSameSeedGivesTheSameRunsAndAnotherSeedOtherRuns() {
		SiteDay day = new SiteDay(3_000, new double[] { 1, 3, 5, 4, 2, 1 }, new int[] { 3, 3, 4, 4, 3, 3 }, 0.3, 1.0,
				10);
		SiteRuns first = QueueSimulation.simulate(day, 42, 20);
		SiteRuns again = QueueSimulation.simulate(day, 42, 20);
		SiteRuns other = QueueSimulation.simulate(day, 43, 20);
		assertThat(again.queueP90()).isEqualTo(first.queueP90());
		assertThat(again.waitP90()).isEqualTo(first.waitP90());
		assertThat(again.doneP90()).isEqualTo(first.doneP90());
		assertThat(again.meanWait()).isEqualTo(first.meanWait());
		assertThat(other.meanWait()).isNotEqualTo(first.meanWait());
		assertThat(first.queueP90()).isNotEqualTo(new int[first.slots()]);
	}

	@Test
	void aDoorToDoorListTakesItsPeopleTimesTheVisitOverTheTeams() {
		SiteDay list = new SiteDay(120, null, new int[] { 3 }, 20, 0.2, 1);
		SiteRuns runs = QueueSimulation.simulate(list, 1, 20);
		assertThat(runs.doneP50()).isCloseTo(120 * 20 / 3.0, within(120 * 20 / 3.0 * 0.05));
		assertThat(runs.tubesP90()).isEqualTo(120);
		assertThat(runs.queueP50()[0]).isEqualTo(120 - 3);
	}

	@Test
	void peopleWhoComeBeforeTheSiteOpensWaitForItAndNobodyIsSwabbedInAClosedSlot() {
		SiteDay day = new SiteDay(600, new double[] { 1, 1, 1, 1, 1, 1 }, new int[] { 0, 0, 0, 4, 4, 4 }, 0.3, 1.0, 10);
		SiteRuns runs = QueueSimulation.simulate(day, 9, 10);
		assertThat(runs.queueP50()[0]).isBetween(70, 130);
		assertThat(runs.queueP50()[2]).isBetween(250, 350);
		assertThat(runs.queueP50()[2]).isGreaterThan(runs.queueP50()[1]);
		// From minute 30 four stations at 200 an hour (13.3 a minute) take the 300 waiting and 10 more a minute: 200
		// are left when arrivals stop at minute 60, gone about 15 minutes later.
		assertThat(runs.doneP50()).isBetween(65.0, 90.0);
		assertThat(runs.waitP50()[0]).isGreaterThan(20);
	}

	@Test
	void stationsAddedForSomeHoursShortenTheQueueOfThoseHours() {
		double[] morningPeak = { 2, 4, 6, 6, 4, 2, 1, 1, 1, 1, 1, 1 };
		SiteDay plain = new SiteDay(1_200, morningPeak, new int[] { 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4 }, 0.3, 1.0, 10);
		SiteDay more = plain.withStations(new int[] { 4, 6, 8, 8, 6, 4, 4, 4, 4, 4, 4, 4 });
		SiteRuns before = QueueSimulation.simulate(plain, 5, 20);
		SiteRuns after = QueueSimulation.simulate(more, 5, 20);
		assertThat(before.worstWaitP90()).isGreaterThan(20);
		assertThat(after.worstWaitP90()).isLessThan(before.worstWaitP90() / 2);
		assertThat(Arrays.stream(after.queueP90()).max().orElseThrow())
			.isLessThan(Arrays.stream(before.queueP90()).max().orElseThrow() / 2);
	}

	@Test
	void aSiteWithNoStaffedSlotServesNobody() {
		SiteRuns runs = QueueSimulation.simulate(new SiteDay(50, new double[] { 1 }, new int[] { 0, 0 }, 1, 1, 10), 1, 3);
		assertThat(runs.unserved()).isEqualTo(50);
		assertThat(runs.doneP90()).isInfinite();
		assertThatThrownBy(() -> new SiteDay(5, new double[] { 1 }, new int[] { 1 }, 1, 1.5, 10))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
