package org.frontline.command;

import java.util.List;

/**
 * A list in the daily report: named lines with figures under column labels, as a part ranks them at the day's end
 * (the places and items with the least days of cover); a column with {@code decimals} holds its figures times ten to
 * that power.
 */
public record DayList(String id, String titleKey, String nameKey, List<String> columnKeys, List<Integer> decimals,
		List<Line> lines) {

	/** A named line of a list. */
	public record Line(String name, List<Long> values) {
	}

	/** The decimals of a column's figures (0 for counts). */
	public int decimalsOf(int column) {
		return decimals == null || column >= decimals.size() ? 0 : decimals.get(column);
	}
}
