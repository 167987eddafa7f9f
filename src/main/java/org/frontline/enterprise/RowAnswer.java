package org.frontline.enterprise;

import org.frontline.shared.Message;

/**
 * The answer to one row of an upload (a roster or the district's list of enterprises), in the order sent: its
 * status, the record it concerns, and the wrong field and why when not accepted.
 */
public record RowAnswer(int row, RowStatus status, Long id, String field, Message reason) {

	static RowAnswer accepted(int row, long id) {
		return new RowAnswer(row, RowStatus.ACCEPTED, id, null, null);
	}

	static RowAnswer duplicate(int row, Long id, String key, Object... args) {
		return new RowAnswer(row, RowStatus.DUPLICATE, id, null, Message.of(key, args));
	}

	static RowAnswer rejected(int row, String field, Message reason) {
		return new RowAnswer(row, RowStatus.REJECTED, null, field, reason);
	}
}
