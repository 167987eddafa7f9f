package org.frontline.workforce;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A shift to plan at a post: its role, when, how many people it needs (1 when absent) and whether it is worked in a
 * protective suit (by default for samplers, disinfection and transfer).
 */
public record NewShift(@NotNull @Valid PostRef post, @NotNull ShiftRole role, @NotNull Instant startsAt,
		@NotNull Instant endsAt, @Min(1) @Max(500) Integer needed, Boolean suit) {
}
