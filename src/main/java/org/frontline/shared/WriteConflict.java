package org.frontline.shared;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a transaction that PostgreSQL rolled back because it lost to a concurrent one (a deadlock, or a serialization
 * failure) from an error of the request. Nothing of it was stored, and the same request succeeds when sent again, so
 * it is answered 503 with {@code Retry-After} (which the scanning page's outbox and every client honour), not 500.
 */
public final class WriteConflict {

	/** Seconds after which a request refused this way may be sent again. */
	public static final int RETRY_AFTER_SECONDS = 1;

	/** SQLSTATEs: deadlock detected, could not serialize access. */
	private static final Set<String> STATES = Set.of("40P01", "40001");

	private WriteConflict() {
	}

	/** Whether {@code failure} or one of its causes is a transaction rolled back for a concurrent one. */
	public static boolean causedBy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof SQLException sql && STATES.contains(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	/** The answer to a request that failed so: 503, nothing was done, send it again after a second. */
	public static Problem problem() {
		return Problem.busy("write-conflict", "problem.write-conflict.detail", RETRY_AFTER_SECONDS);
	}
}
