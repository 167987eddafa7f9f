package org.frontline.testing;

import java.time.Instant;

/**
 * How the residents of an area (or of some buildings of a compound) fared in one round over it: how many live there,
 * how many were sampled, exempted (and not sampled), and of those sampled how many have a negative result, a result
 * still pending, or a positive or invalid one (a re-sampled person counts by their latest sample).
 */
public record AreaRoundOutcome(long roundId, String roundName, Instant startsAt, RoundStatus status, long residents,
		long sampled, long exempted, long negative, long pending, long positive) {
}
