package org.frontline.testing;

import java.time.Instant;

/**
 * A single-tube retest of a member of a positive or invalid pool, owned by the person's community (held by the worker
 * who took it), door to door when the person is bedridden, due by a deadline; resolved by the person's single-tube
 * result.
 */
public record RetestTask(long id, long roundId, long personId, String maskedName, String sourceTube, String community,
		boolean doorToDoor, Instant dueAt, boolean overdue, String holder, String status, Instant createdAt,
		Instant resolvedAt, String resultTube, Outcome singleTubeOutcome) {
}
