package org.frontline.testing;

import java.time.Instant;

/** A person's latest sampling that has a result: when they were sampled and what the lab found. */
public record LatestResult(long personId, Instant sampledAt, Outcome outcome) {
}
