package org.frontline.workforce;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;

/**
 * A worker for a shift: the whole shift, or the part from {@code startsAt} to {@code endsAt} (a rotation, when two
 * workers share a shift longer than the protective-suit limit).
 */
public record NewAssignment(@NotNull Long workerId, Instant startsAt, Instant endsAt) {
}
