package org.frontline.workforce;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new version of the limits, in force from {@code effectiveFrom} (now when absent). Kinds left out keep the hours of
 * the version in force.
 */
public record NewShiftLimits(Instant effectiveFrom, @NotNull @Min(0) @Max(1440) Integer restMinutes,
		@NotNull @Min(30) @Max(1440) Integer suitMinutes, @NotNull @Min(30) @Max(1440) Integer heatSuitMinutes,
		@NotNull @Min(60) @Max(20160) Integer testMaxAgeMinutes, Map<WorkerKind, @Valid Hours> kinds,
		@Size(max = 200) String note) {

	/** Hours of one kind of worker, in minutes. */
	public record Hours(@NotNull @Min(60) @Max(1440) Integer dayMinutes, @NotNull @Min(60) @Max(10080) Integer weekMinutes) {
	}
}
