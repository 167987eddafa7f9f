package org.frontline.zones;

import java.time.Instant;

/**
 * A proposal to raise a compound (or one of its buildings) to LOCKDOWN after a new positive among its residents
 * ({@code positives} counts those since it was made). Never applied by itself: the commander confirms or dismisses.
 */
public record Proposal(long id, String area, String areaName, String building, int positives, Instant firstAt,
		Instant lastAt, ProposalStatus status, ZoneLevel currentLevel, String decidedBy, Instant decidedAt,
		String reason, Long zoneId) {
}
