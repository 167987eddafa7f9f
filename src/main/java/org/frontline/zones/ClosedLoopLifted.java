package org.frontline.zones;

import java.time.Instant;

/** A notice lets an enterprise out of closed loop from {@code at}. */
public record ClosedLoopLifted(long noticeId, int noticeNumber, long enterpriseId, Instant at) {
}
