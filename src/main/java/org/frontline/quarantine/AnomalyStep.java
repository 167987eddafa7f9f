package org.frontline.quarantine;

import java.time.Instant;

/** One step of an anomaly's handling: opened, alerted, escalated, acknowledged, closed; with who and when. */
public record AnomalyStep(Instant at, String action, int level, String by, String note) {
}
