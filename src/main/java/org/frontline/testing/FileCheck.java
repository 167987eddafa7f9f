package org.frontline.testing;

import java.util.List;

import org.frontline.shared.Message;

/**
 * What an uploaded results file came to: its rows, how many are new or already stored, every row in error with its
 * number and reason, whether anything was imported, and (a file with errors) the id under which its valid rows can
 * be imported on request.
 */
public record FileCheck(String filename, int rows, long accepted, long duplicates, List<RowError> errors,
		boolean imported, Long uploadId) {

	/** A row that cannot be imported, numbered as the spreadsheet numbers it. */
	public record RowError(int row, String tubeCode, String reason, Message message) {
	}
}
