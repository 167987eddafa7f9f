package org.frontline.testing;

/** A single-tube sample of a person came back positive. */
public record PositiveConfirmed(long roundId, long personId, String tubeCode, String community) {
}
