package org.frontline.planning.internal;

/**
 * What the repeated simulation of one site gives, percentiles taken over the runs: the queue at the end of each
 * 10-minute slot, the mean wait of the people who arrived in each slot (NaN where nobody did in any run), when the
 * last person was swabbed (minutes from the round's start; infinite when some were never served), the mean wait
 * over everyone, the 90th-percentile person's wait, tubes, and people no station could take.
 */
public record SiteRuns(int people, int runs, int[] queueP50, int[] queueP90, double[] waitP50, double[] waitP90,
		double doneP50, double doneP90, double meanWait, double personWaitP90, int tubesP90, int unserved) {

	/** The highest p90 slot wait of the day, 0 when nobody waits. */
	public double worstWaitP90() {
		double worst = 0;
		for (double wait : waitP90) {
			if (wait > worst) {
				worst = wait;
			}
		}
		return worst;
	}

	public int slots() {
		return queueP50.length;
	}
}
