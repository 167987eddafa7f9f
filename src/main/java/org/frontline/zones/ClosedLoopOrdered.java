package org.frontline.zones;

import java.time.Instant;

/**
 * A notice orders an enterprise into closed loop from {@code from} (until {@code until}, or until a later notice lifts
 * it when null). A later notice repeating the order (an extension) publishes it again with its own dates.
 */
public record ClosedLoopOrdered(long noticeId, int noticeNumber, long enterpriseId, Instant from, Instant until) {
}
