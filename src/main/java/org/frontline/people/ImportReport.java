package org.frontline.people;

import java.util.List;

import org.frontline.shared.Message;

/**
 * The outcome of a CSV import: how many rows were new, changed, already there as they are, or rejected, and why each
 * rejected row was (one entry per wrong value, so a row can have several).
 */
public record ImportReport(int rows, int inserted, int updated, int unchanged, int rejected, String encoding,
		List<RowError> errors) {

	/** Why a row was rejected: its line number in the file (the header is line 1), the column and the reason. */
	public record RowError(int line, String field, Message reason) {
	}
}
