package org.frontline.testing;

import java.math.BigDecimal;
import java.time.Instant;

/** The result of a tube, and how long it took from the first sample to the posted result. */
public record TubeResult(Outcome outcome, BigDecimal ctOrf1ab, BigDecimal ctN, Instant testedAt, long labId,
		String labName, String operator, Instant postedAt, boolean corrected, Long turnaroundMinutes) {
}
