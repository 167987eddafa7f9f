package org.frontline.quarantine;

/** An anomaly was not acknowledged in time and went up to the next level. */
public record AnomalyEscalated(long anomalyId, long facilityId, int level) {
}
