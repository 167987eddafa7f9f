package org.frontline.quarantine;

import java.util.List;

/**
 * An intake: a registered person by id, or (fast track, late at night) only name, phone, category and room, with the
 * registration completed later. The room is optional (the first available one is assigned); {@code requestId}
 * makes a retried intake return the first one instead of taking a second room. {@code family} names the active stay
 * of a family member whose room this person shares, when the rules of both allow it.
 */
public record Intake(Long personId, String name, String phone, String category, String room,
		List<KeyGroup> keyGroups, String needs, Long arrival, String requestId, Long family) {
}
