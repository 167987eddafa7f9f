package org.frontline.testing;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A round to plan: its name, the area codes in scope, when it runs and the default pool size (1, 5, 10 or 20). */
public record NewRound(@NotBlank @Size(max = 100) String name, @NotEmpty List<String> areas, @NotNull Instant startsAt,
		@NotNull Instant endsAt, Integer poolSize) {
}
