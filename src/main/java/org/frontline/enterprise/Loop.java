package org.frontline.enterprise;

import java.time.Instant;

/**
 * A closed-loop period of an enterprise: from a notice (or a command decision) until it is lifted; registered when it
 * was entered here (its start may lie before).
 */
public record Loop(long id, long enterpriseId, String enterpriseName, String area, String notice, Instant startsAt,
		Instant endsAt, LoopStatus status, Instant registeredAt) {

	/** Whether the loop has begun by {@code at} (it may be started up to 7 days ahead). */
	public boolean begunBy(Instant at) {
		return !startsAt.isAfter(at);
	}
}
