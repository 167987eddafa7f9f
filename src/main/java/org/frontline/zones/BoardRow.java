package org.frontline.zones;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * One zone on the lifting board: the last positive among its residents (null: none known), whole days since the later
 * of that positive and the zone's start, the earliest date it may be lifted under its rules, the negative-round
 * criterion as last checked ({@code roundName}, {@code roundCheckedAt}), and whether it may be lifted today.
 */
public record BoardRow(Zone zone, Instant lastPositive, long daysClean, LocalDate earliestLift,
		NegativeRound negativeRound, String roundName, Instant roundCheckedAt, boolean eligible) {

	/** Where the zone may go under its rules: milder than it is, no milder than its rules' target. */
	public List<LiftTarget> allowedTargets() {
		return allowedTargets(zone);
	}

	public static List<LiftTarget> allowedTargets(Zone zone) {
		ZoneLevel ruled = zone.rule().liftTo().level();
		return Arrays.stream(LiftTarget.values())
			.filter(t -> t.milderThan(zone.level()))
			.filter(t -> ruled == null || t.level() != null && !ruled.stricterThan(t.level()))
			.toList();
	}
}
