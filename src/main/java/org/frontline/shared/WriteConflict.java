package org.frontline.shared;

/**
 * The answer to a transaction that PostgreSQL rolled back because it lost to a concurrent one (a deadlock, or a
 * serialization failure: Spring's {@code PessimisticLockingFailureException}). Nothing of it was stored, and the same
 * request succeeds when sent again, so it is answered 503 with {@code Retry-After}, not 500.
 */
public final class WriteConflict {

	/** Seconds after which a request refused this way may be sent again. */
	public static final int RETRY_AFTER_SECONDS = 1;

	private WriteConflict() {
	}

	/** The answer to a request that failed so: 503, nothing was done, send it again after a second. */
	public static Problem problem() {
		return Problem.busy("write-conflict", "problem.write-conflict.detail", RETRY_AFTER_SECONDS);
	}
}
