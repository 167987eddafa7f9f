package org.frontline.workforce;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Sends a worker to a post for a range of days (both included). */
public record NewDeployment(@NotNull Long workerId, @NotNull @Valid PostRef post, @NotNull LocalDate from,
		@NotNull LocalDate to) {
}
