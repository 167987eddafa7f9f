package org.frontline.workforce;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import org.frontline.testing.Outcome;

/** A test a worker had elsewhere, for the rule that some posts need a recent negative test. */
public record NewWorkerTest(@NotNull Instant at, @NotNull Outcome outcome, @NotNull TestKind kind) {
}
