package org.frontline.enterprise;

import java.time.Instant;

/**
 * The number of staff living on site in a loop changed (people put on its roster, entered at the gate or left), for
 * the supplies module to plan their living supplies; {@code headcount} is the number after the change.
 */
public record LoopHeadcountChanged(long loopId, long enterpriseId, String area, long headcount, Instant at) {
}
