package org.frontline.testing.internal;

/**
 * Dorfman's two-stage group testing: pools of k are tested, and every member of a positive pool is retested alone.
 * With prevalence p, independent infections and a perfect test, the expected tests per person are
 * 1/k + 1 - (1-p)^k for k > 1, and 1 for k = 1.
 */
public final class Dorfman {

	private Dorfman() {
	}

	public static double testsPerPerson(int k, double p) {
		if (k < 1) {
			throw new IllegalArgumentException("A pool has at least one person.");
		}
		if (p < 0 || p > 1) {
			throw new IllegalArgumentException("A prevalence lies between 0 and 1.");
		}
		return k == 1 ? 1.0 : 1.0 / k + 1.0 - Math.pow(1.0 - p, k);
	}

	/** The pool size between 1 and {@code max} with the fewest expected tests per person. */
	public static int optimum(double p, int max) {
		int best = 1;
		for (int k = 2; k <= max; k++) {
			if (testsPerPerson(k, p) < testsPerPerson(best, p)) {
				best = k;
			}
		}
		return best;
	}

	/** The prevalence per person implied by the share of positive pools of mean size m. */
	public static double prevalenceFromPools(long pools, long positivePools, double meanSize) {
		if (pools == 0 || meanSize <= 0) {
			return 0;
		}
		double q = (double) positivePools / pools;
		return 1.0 - Math.pow(1.0 - q, 1.0 / meanSize);
	}
}
