package org.frontline.quarantine;

import java.time.Instant;
import java.util.List;

/** A new version of a category's rule, in force from {@code effectiveFrom} (now when absent). */
public record NewRule(Instant effectiveFrom, Integer facilityDays, Integer homeDays, List<Integer> natDays,
		List<Integer> antigenDays, Boolean familyAllowed, String notice) {
}
