package org.frontline.zones;

import java.time.Instant;

/**
 * One version of the rules of a level: the pool size of its residents' samples, how often they are tested (every
 * {@code testEveryDays} days), whether sampling comes to the door, the movement rules as published, and the lifting
 * criteria: {@code cleanDays} days without a new positive, a negative full round of the zone within
 * {@code negativeRoundDays} days before lifting (null: not required), and the level it is lifted to. A zone keeps the
 * version in force when it was set until it is re-classified.
 */
public record ZoneRule(long id, ZoneLevel level, int version, Instant effectiveFrom, int poolSize, int testEveryDays,
		boolean doorToDoor, String movement, int cleanDays, Integer negativeRoundDays, LiftTarget liftTo, String basis,
		String createdBy, Instant createdAt) {
}
