package org.frontline.workforce;

import java.time.Instant;
import java.util.Map;

/**
 * One version of the limits assignments are checked against, in force from {@code effectiveFrom} until the next
 * version's: rest between two shifts, continuous work in a protective suit (on a normal and on a heat-warning day),
 * the age of the latest test, and hours per day and per 7 days for each kind of worker. A shift keeps the version it
 * was planned under.
 */
public record ShiftLimits(long id, int version, Instant effectiveFrom, int restMinutes, int suitMinutes,
		int heatSuitMinutes, int testMaxAgeMinutes, Map<WorkerKind, KindHours> kinds, String note, String createdBy,
		Instant createdAt) {

	public ShiftLimits {
		kinds = Map.copyOf(kinds);
	}

	/** The hours of a kind of worker; a kind without its own entry has those of {@code OTHER}. */
	public KindHours hoursOf(WorkerKind kind) {
		KindHours hours = kinds.get(kind);
		return hours != null ? hours : kinds.getOrDefault(WorkerKind.OTHER, new KindHours(600, 3000));
	}

	/** At most {@code dayMinutes} of shifts in a calendar day and {@code weekMinutes} in any 7 consecutive days. */
	public record KindHours(int dayMinutes, int weekMinutes) {
	}
}
