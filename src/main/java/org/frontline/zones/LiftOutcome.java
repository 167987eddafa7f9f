package org.frontline.zones;

/** A zone lifted by a notice: the period that ended, and the next one at the milder level (null when out of zones). */
public record LiftOutcome(Zone ended, Zone next, long noticeId, int noticeNumber) {
}
