package org.frontline.quarantine;

import java.time.Instant;

/**
 * A registered resident is staying in a facility from now on: at an intake, or when a fast-track intake's
 * registration names them. They are tested there, not at a sampling site.
 */
public record StayStarted(long stayId, long facilityId, long personId, Instant at) {
}
