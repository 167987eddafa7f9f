package org.frontline.people;

import java.util.List;

/**
 * The outcome of a CSV import: how many rows were new, changed, already there as they are, or rejected, and why each
 * rejected row was.
 */
public record ImportReport(int rows, int inserted, int updated, int unchanged, int rejected, String encoding,
		List<RowError> errors) {

	/** A rejected row: its line number in the file (the header is line 1) and the reason. */
	public record RowError(int line, String reason) {
	}
}
