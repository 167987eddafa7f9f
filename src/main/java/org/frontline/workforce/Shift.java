package org.frontline.workforce;

import java.time.Instant;
import java.util.List;

/**
 * A shift of a post: its role, time, how many it needs, whether it is worked in a protective suit, the station (of a
 * sampling site) and round it was generated for, the limits version it was planned under, and who is assigned.
 */
public record Shift(long id, Post post, ShiftRole role, Instant startsAt, Instant endsAt, int needed, boolean suit,
		Integer station, Long roundId, int limitsVersion, List<Assignment> assignments) {

	public Shift {
		assignments = assignments == null ? List.of() : List.copyOf(assignments);
	}

	/** How many of the people needed are not assigned. */
	public int unassigned() {
		return Math.max(0, needed - assignments.size());
	}
}
