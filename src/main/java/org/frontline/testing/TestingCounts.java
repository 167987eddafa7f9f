package org.frontline.testing;

import java.time.Instant;
import java.util.Map;

import org.frontline.testing.internal.TestingCountQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts of testing's work for dashboards and reports (the command centre): samples taken in a window per site area,
 * and how results flow. Counts only, no person, so they need no viewer (the caller bounds the area).
 */
@Service
public class TestingCounts {

	private final TestingCountQueries queries;

	TestingCounts(TestingCountQueries queries) {
		this.queries = queries;
	}

	/** Samples taken in [from, to) at sites inside the code range [low, high), per site area code. */
	@Transactional(readOnly = true)
	public Map<String, Long> samplesBySiteArea(String low, String high, Instant from, Instant to) {
		return queries.samplesBySiteArea(low, high, from, to);
	}

	/**
	 * Results posted in [from, to) for tubes of sites inside [low, high) with their turnaround (tube opened to result
	 * posted), and the sealed tubes opened since {@code awaitingSince} still without a result.
	 */
	@Transactional(readOnly = true)
	public ResultFlow results(String low, String high, Instant from, Instant to, Instant awaitingSince) {
		return queries.results(low, high, from, to, awaitingSince);
	}

	/**
	 * Results posted in a window with their turnaround percentiles in minutes (of turnarounds counted in whole minutes,
	 * rounded down), and tubes still waiting.
	 */
	public record ResultFlow(long resulted, Double p50Minutes, Double p90Minutes, long awaiting) {
	}
}
