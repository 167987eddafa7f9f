package org.frontline.enterprise;

import java.time.Instant;

/** A staff member on a loop's roster, as lists show them (phone masked). */
public record Member(long personId, String name, String phone, String shiftGroup, String building, String room,
		boolean bedding, Instant joinedAt) {
}
