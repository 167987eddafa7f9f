package org.frontline.testing;

import java.util.List;

/** A pool came back positive or invalid: its members are under follow-up. */
public record PoolFlagged(long roundId, String tubeCode, Outcome outcome, List<Long> personIds) {
}
