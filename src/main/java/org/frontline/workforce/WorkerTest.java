package org.frontline.workforce;

import java.time.Instant;

import org.frontline.testing.Outcome;

/** A worker's test: recorded here ({@code kind} PCR or ANTIGEN) or found in a testing round (then {@code kind} PCR). */
public record WorkerTest(Instant at, Outcome outcome, TestKind kind, boolean fromRound) {
}
