package org.frontline.enterprise;

import java.time.Instant;

/** A closed loop was lifted. */
public record LoopEnded(long loopId, long enterpriseId, String area, Instant at) {
}
