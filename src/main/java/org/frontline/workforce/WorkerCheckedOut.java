package org.frontline.workforce;

import java.time.Instant;

/** A worker checked out of a post after a shift (see {@link WorkerCheckedIn}). */
public record WorkerCheckedOut(long workerId, long assignmentId, long shiftId, long postId, PostKind postKind,
		String postRef, String area, ShiftRole role, Instant at) {
}
