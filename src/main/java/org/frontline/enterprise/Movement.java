package org.frontline.enterprise;

import java.time.Instant;

/** One movement of a person into or out of a loop; the negative test an entry relied on, when it needed one. */
public record Movement(long id, long personId, String name, MovementKind kind, Instant at, String reason,
		Instant testAt, String by) {
}
