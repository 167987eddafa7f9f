package org.frontline.quarantine;

import java.time.LocalDate;

/** A person left a facility; for a home destination their community takes over home health monitoring. */
public record StayReleased(long stayId, Long personId, Destination destination, String community,
		LocalDate homeMonitoringUntil) {
}
