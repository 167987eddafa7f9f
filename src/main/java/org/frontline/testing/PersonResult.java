package org.frontline.testing;

import java.time.Instant;

/** One sampling of a person and the result of its tube (null while pending). */
public record PersonResult(long roundId, String roundName, String tubeCode, int poolSize, String siteName,
		Instant sampledAt, boolean resample, Outcome outcome, Instant testedAt, Instant postedAt) {
}
