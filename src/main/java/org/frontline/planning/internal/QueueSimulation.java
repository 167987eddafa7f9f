package org.frontline.planning.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A site's round as a discrete-event simulation. Each person arrives once (walk-ins at times drawn independently
 * from the arrival shares; a door-to-door list all at the start), queues first come first served and is swabbed by
 * the station that can take them first; a station takes people only in the slots it is staffed, finishes the person
 * it has when its slot ends, and after the scheduled slots the stations of the last staffed slot stay until nobody
 * waits. The same seed gives the same runs, each from its own random stream.
 * <p>
 * People are not objects and there is no event queue: arrival times are generated already sorted, and with first
 * come first served every person starts no earlier than the one before, so one pass over them with each station's
 * next free time is the whole simulation (a person costs a few random draws and a look at each station).
 */
public final class QueueSimulation {

	public static final int SLOT_MINUTES = 10;

	/** Series are kept for two days; a site still busy after that is reported by when it is done. */
	public static final int MAX_SLOTS = 288;

	private static final int WAIT_BINS = 24 * 60;

	private QueueSimulation() {
	}

	public static SiteRuns simulate(SiteDay day, long seed, int runs) {
		if (runs < 1) {
			throw new IllegalArgumentException("A simulation runs at least once.");
		}
		Schedule schedule = new Schedule(day.stations());
		Profile profile = day.arrivalShares() == null ? null : new Profile(day.arrivalShares());
		int people = day.people();
		int shape = Math.max(1, (int) Math.round(1 / (day.serviceCv() * day.serviceCv())));
		double serviceScale = day.serviceMinutes() / shape;
		double[] arrivals = new double[people];
		double[] free = new double[schedule.max];
		int[] perStation = new int[schedule.max];
		int[] arrived = new int[MAX_SLOTS];
		int[] started = new int[MAX_SLOTS];
		double[] waitSum = new double[MAX_SLOTS];
		int[] waitCount = new int[MAX_SLOTS];
		int[] waitBins = new int[WAIT_BINS];
		int[][] queues = new int[runs][MAX_SLOTS];
		double[][] waits = new double[runs][MAX_SLOTS];
		double[] done = new double[runs];
		double[] meanWaits = new double[runs];
		double[] personWaits = new double[runs];
		int[] tubes = new int[runs];
		int unservedMax = 0;
		for (int run = 0; run < runs; run++) {
			SplittableRandom random = new SplittableRandom(stream(seed, run));
			if (profile != null) {
				profile.sortedArrivals(random, arrivals);
			}
			Arrays.fill(free, 0);
			Arrays.fill(perStation, 0);
			Arrays.fill(arrived, 0);
			Arrays.fill(started, 0);
			Arrays.fill(waitSum, 0);
			Arrays.fill(waitCount, 0);
			Arrays.fill(waitBins, 0);
			double last = 0;
			double totalWait = 0;
			int served = 0;
			for (int k = 0; k < people; k++) {
				double arrival = arrivals[k];
				double start = Double.POSITIVE_INFINITY;
				int station = -1;
				for (int j = 0; j < schedule.max; j++) {
					double s = schedule.earliest(j, free[j] > arrival ? free[j] : arrival);
					if (s < start) {
						start = s;
						station = j;
						if (s == arrival) {
							break;
						}
					}
				}
				if (station < 0) {
					continue;
				}
				double u = 1.0;
				for (int i = 0; i < shape; i++) {
					u *= 1.0 - random.nextDouble();
				}
				double end = start - Math.log(u) * serviceScale;
				free[station] = end;
				perStation[station]++;
				served++;
				if (end > last) {
					last = end;
				}
				double wait = start - arrival;
				totalWait += wait;
				int arrivalSlot = slot(arrival);
				arrived[arrivalSlot]++;
				started[slot(start)]++;
				waitSum[arrivalSlot] += wait;
				waitCount[arrivalSlot]++;
				waitBins[Math.min(WAIT_BINS - 1, (int) wait)]++;
			}
			int queue = 0;
			int[] runQueue = queues[run];
			double[] runWait = waits[run];
			for (int s = 0; s < MAX_SLOTS; s++) {
				queue += arrived[s] - started[s];
				runQueue[s] = queue;
				runWait[s] = waitCount[s] == 0 ? Double.NaN : waitSum[s] / waitCount[s];
			}
			int unserved = people - served;
			unservedMax = Math.max(unservedMax, unserved);
			done[run] = unserved > 0 ? Double.POSITIVE_INFINITY : last;
			meanWaits[run] = served == 0 ? 0 : totalWait / served;
			personWaits[run] = binPercentile(waitBins, served, 0.9);
			int runTubes = 0;
			for (int count : perStation) {
				runTubes += (count + day.poolSize() - 1) / day.poolSize();
			}
			tubes[run] = runTubes;
		}
		int window = Math.max(day.stations().length, profile == null ? 1 : profile.shares.length);
		for (double d : done) {
			window = Math.max(window, Double.isInfinite(d) ? MAX_SLOTS : (int) Math.ceil(d / SLOT_MINUTES));
		}
		window = Math.min(MAX_SLOTS, window);
		int[] queueP50 = new int[window];
		int[] queueP90 = new int[window];
		double[] waitP50 = new double[window];
		double[] waitP90 = new double[window];
		int[] column = new int[runs];
		double[] values = new double[runs];
		for (int s = 0; s < window; s++) {
			for (int run = 0; run < runs; run++) {
				column[run] = queues[run][s];
			}
			Arrays.sort(column);
			queueP50[s] = column[rank(runs, 0.5)];
			queueP90[s] = column[rank(runs, 0.9)];
			int n = 0;
			for (int run = 0; run < runs; run++) {
				if (!Double.isNaN(waits[run][s])) {
					values[n++] = waits[run][s];
				}
			}
			Arrays.sort(values, 0, n);
			waitP50[s] = n == 0 ? Double.NaN : values[rank(n, 0.5)];
			waitP90[s] = n == 0 ? Double.NaN : values[rank(n, 0.9)];
		}
		double[] sortedDone = done.clone();
		Arrays.sort(sortedDone);
		double[] sortedPersonWaits = personWaits.clone();
		Arrays.sort(sortedPersonWaits);
		int[] sortedTubes = tubes.clone();
		Arrays.sort(sortedTubes);
		return new SiteRuns(people, runs, queueP50, queueP90, waitP50, waitP90, sortedDone[rank(runs, 0.5)],
				sortedDone[rank(runs, 0.9)], Arrays.stream(meanWaits).average().orElse(0),
				sortedPersonWaits[rank(runs, 0.9)], sortedTubes[rank(runs, 0.9)], unservedMax);
	}

	/** The random stream of one run: SplitMix64's finalizer over the seed and the run's number. */
	static long stream(long seed, long run) {
		long z = seed + 0x9E3779B97F4A7C15L * (run + 1);
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/** The seed of one site's runs within a plan made with {@code seed}: sites do not share random streams. */
	public static long siteSeed(long seed, long site) {
		return stream(seed ^ 0x5DEECE66DL, site);
	}

	/** Nearest-rank percentile index among n sorted values. */
	static int rank(int n, double p) {
		return Math.max(0, Math.min(n - 1, (int) Math.ceil(p * n) - 1));
	}

	private static int slot(double minutes) {
		return Math.min(MAX_SLOTS - 1, (int) (minutes / SLOT_MINUTES));
	}

	private static double binPercentile(int[] bins, int count, double p) {
		if (count == 0) {
			return 0;
		}
		int wanted = rank(count, p) + 1;
		int seen = 0;
		for (int i = 0; i < bins.length; i++) {
			seen += bins[i];
			if (seen >= wanted) {
				return i;
			}
		}
		return bins.length - 1;
	}

	/** Which station is staffed in which slot, and from when each one is staffed next. */
	private static final class Schedule {

		private final int[] stations;

		private final int tail;

		private final int max;

		private final int[][] next;

		Schedule(int[] stations) {
			this.stations = stations;
			int last = 0;
			int most = 0;
			for (int count : stations) {
				if (count < 0) {
					throw new IllegalArgumentException("A slot has no fewer than no stations.");
				}
				if (count > 0) {
					last = count;
				}
				most = Math.max(most, count);
			}
			this.tail = last;
			this.max = most;
			this.next = new int[most][stations.length];
			for (int j = 0; j < most; j++) {
				int following = -1;
				for (int s = stations.length - 1; s >= 0; s--) {
					next[j][s] = following;
					if (j < stations[s]) {
						following = s;
					}
				}
			}
		}

		/** When station j can take a person it is free for at minute t: t itself, or when it is staffed next. */
		double earliest(int j, double t) {
			int slot = (int) (t / SLOT_MINUTES);
			if (slot >= stations.length) {
				return j < tail ? t : Double.POSITIVE_INFINITY;
			}
			if (j < stations[slot]) {
				return t;
			}
			int following = next[j][slot];
			if (following >= 0) {
				return following * (double) SLOT_MINUTES;
			}
			return j < tail ? stations.length * (double) SLOT_MINUTES : Double.POSITIVE_INFINITY;
		}
	}

	/** Arrival shares per slot, turned into sorted arrival times. */
	private static final class Profile {

		private final double[] shares;

		private final double[] cumulative;

		Profile(double[] weights) {
			double total = 0;
			for (double w : weights) {
				if (!(w >= 0) || Double.isInfinite(w)) {
					throw new IllegalArgumentException("Arrival shares are finite and not negative.");
				}
				total += w;
			}
			if (!(total > 0)) {
				throw new IllegalArgumentException("Someone arrives in at least one slot.");
			}
			shares = new double[weights.length];
			cumulative = new double[weights.length + 1];
			for (int s = 0; s < weights.length; s++) {
				shares[s] = weights[s] / total;
				cumulative[s + 1] = cumulative[s] + shares[s];
			}
			cumulative[weights.length] = 1.0;
		}

		/**
		 * Fills {@code times} with independent arrival times in increasing order: sorted uniforms from normalised
		 * sums of exponential spacings, mapped through the inverse of the profile's distribution (which keeps order).
		 */
		void sortedArrivals(SplittableRandom random, double[] times) {
			int n = times.length;
			if (n == 0) {
				return;
			}
			double sum = 0;
			for (int k = 0; k < n; k++) {
				sum -= Math.log(1.0 - random.nextDouble());
				times[k] = sum;
			}
			sum -= Math.log(1.0 - random.nextDouble());
			int s = 0;
			for (int k = 0; k < n; k++) {
				double u = times[k] / sum;
				while (s < shares.length - 1 && u >= cumulative[s + 1]) {
					s++;
				}
				double within = shares[s] == 0 ? 0 : (u - cumulative[s]) / shares[s];
				times[k] = (s + Math.min(within, Math.nextDown(1.0))) * SLOT_MINUTES;
			}
		}
	}
}
