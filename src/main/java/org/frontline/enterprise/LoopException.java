package org.frontline.enterprise;

import java.time.Instant;

/** A fever or positive of someone in a loop: their shift group is flagged for extra testing until it is closed. */
public record LoopException(long id, long loopId, long personId, String name, ExceptionKind kind, String shiftGroup,
		String detail, Instant notedAt, Instant closedAt) {
}
