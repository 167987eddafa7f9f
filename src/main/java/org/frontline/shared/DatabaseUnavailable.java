package org.frontline.shared;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a failure that means the database cannot be reached now (no connection to a primary, the server shutting down
 * or starting up, a connection that ended up on a read-only replica: a failover or a restart) from an error of the
 * request. Such a request changed nothing and is answered 503 with {@code Retry-After}; the pool reconnects by itself.
 */
public final class DatabaseUnavailable {

	/** Seconds after which a request refused this way may be sent again. */
	public static final int RETRY_AFTER_SECONDS = 1;

	/**
	 * SQLSTATEs of an unreachable or unavailable server besides the connection class 08: admin and crash shutdown,
	 * cannot connect now (starting up, in recovery), too many connections, a write on a read-only server.
	 */
	private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300", "25006");

	private DatabaseUnavailable() {
	}

	/** Whether {@code failure} or one of its causes says that the database is unavailable. */
	public static boolean causedBy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
					|| cause instanceof SQLRecoverableException) {
				return true;
			}
			if (cause instanceof SQLException sql && unavailableState(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	/** The answer to a request that failed so: 503, nothing was done, send it again after {@link #RETRY_AFTER_SECONDS}. */
	public static Problem problem() {
		return Problem.busy("database-unavailable", "problem.database-unavailable.detail", RETRY_AFTER_SECONDS);
	}

	static boolean unavailableState(String state) {
		return state != null && (state.startsWith("08") || STATES.contains(state));
	}
}
