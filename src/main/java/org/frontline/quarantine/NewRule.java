package org.frontline.quarantine;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new version of a category's rule, in force from {@code effectiveFrom} (now when absent). */
public record NewRule(Instant effectiveFrom, @NotNull @Min(0) @Max(60) Integer facilityDays,
		@NotNull @Min(0) @Max(60) Integer homeDays, List<Integer> natDays, List<Integer> antigenDays,
		Boolean familyAllowed, @Size(max = 200) String notice) {
}
