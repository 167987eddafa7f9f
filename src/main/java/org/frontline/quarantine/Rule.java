package org.frontline.quarantine;

import java.time.Instant;
import java.util.List;

/**
 * One version of a category's rule: days in the facility, days of home health monitoring afterwards, and the days
 * of the stay (day 1 is the day of intake) on which a nucleic-acid or antigen test is due.
 */
public record Rule(long id, long categoryId, int version, Instant effectiveFrom, int facilityDays, int homeDays,
		List<Integer> natDays, List<Integer> antigenDays, boolean familyAllowed, String notice) {
}
