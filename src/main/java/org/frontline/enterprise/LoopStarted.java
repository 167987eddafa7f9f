package org.frontline.enterprise;

import java.time.Instant;

/** An enterprise went into closed loop. */
public record LoopStarted(long loopId, long enterpriseId, String area, Instant from, String notice) {
}
