package org.frontline.command;

import java.util.List;
import java.util.Map;

/**
 * A section of the daily report: figures under column labels per area code of the report's rows (a missing area
 * counts zero), each row counting what lies inside its area. A column with {@code decimals} holds its figures times
 * ten to that power (days of cover in tenths), and a figure may be null where an area has none.
 */
public record DaySection(String id, String titleKey, List<String> columnKeys, Map<String, List<Long>> byArea,
		List<Integer> decimals) {

	/** A section of whole counts. */
	public DaySection(String id, String titleKey, List<String> columnKeys, Map<String, List<Long>> byArea) {
		this(id, titleKey, columnKeys, byArea, null);
	}
}
