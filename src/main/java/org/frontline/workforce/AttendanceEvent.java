package org.frontline.workforce;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * A check-in or check-out as a phone or the site leader's roster sends it: the client's event id (a retried request
 * sends the same one and is recorded once), the worker, and when it happened (now when absent).
 */
public record AttendanceEvent(@NotNull UUID eventId, @NotNull Long workerId, Instant at) {
}
