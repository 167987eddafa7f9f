package org.frontline.database;

import java.sql.SQLException;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * A pooled connection whose server refused a write as read-only (it was demoted to a replica under it) is closed, so
 * that the next one is opened on the new primary; the pool already closes connections that failed or were shut down.
 */
public class ReadOnlyServerEviction implements SQLExceptionOverride {

	@java.lang.Override
	public Override adjudicate(SQLException ex) {
		return "25006".equals(ex.getSQLState()) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
	}
}
