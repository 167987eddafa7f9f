package org.frontline.quarantine;

import java.time.Instant;

/** A person expected at a facility (from a checkpoint or a community). */
public record Arrival(long id, long facilityId, String source, Instant expectedAt, String name, String phone,
		Long personId, String category, String status) {
}
