package org.frontline.testing;

import java.util.List;

/**
 * Dorfman two-stage pooling advice: the expected number of tests per person for each pool size at the estimated
 * prevalence, which size is cheapest, where the prevalence comes from, and the assumptions behind the figures.
 */
public record PoolAdvice(String area, double prevalence, String prevalenceSource, long tubes, long positiveTubes,
		long rounds, List<Option> options, int cheapest, int optimum, List<String> assumptions) {

	/** One pool size and its expected tests per person. */
	public record Option(int poolSize, double testsPerPerson) {
	}
}
