package org.frontline.workforce;

import java.time.Instant;

/**
 * A worker checked in at a post for a shift: the role they work in and the post (its kind, its id in its module, its
 * area), so that others can react (supplies issues a protective set to a sampler).
 */
public record WorkerCheckedIn(long workerId, long assignmentId, long shiftId, long postId, PostKind postKind,
		String postRef, String area, ShiftRole role, Instant at) {
}
