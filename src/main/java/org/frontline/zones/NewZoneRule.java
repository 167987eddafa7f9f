package org.frontline.zones;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new version of a level's rules; in force from {@code effectiveFrom} (now when absent). */
public record NewZoneRule(@NotNull Integer poolSize, @NotNull @Min(1) @Max(14) Integer testEveryDays,
		@NotNull Boolean doorToDoor, @NotBlank @Size(max = 500) String movement, @NotNull @Min(1) @Max(60) Integer cleanDays,
		@Min(0) @Max(14) Integer negativeRoundDays, @NotNull LiftTarget liftTo, @Size(max = 200) String basis,
		Instant effectiveFrom) {
}
