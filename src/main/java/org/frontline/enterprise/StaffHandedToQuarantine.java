package org.frontline.enterprise;

import java.time.Instant;

/**
 * A person in a closed loop with a fever or a positive test is to be taken to a quarantine facility (a planned
 * arrival there); they have left the loop.
 */
public record StaffHandedToQuarantine(long loopId, long enterpriseId, String enterpriseName, String area,
		long personId, String name, String phone, ExceptionKind kind, Instant at) {
}
