package org.frontline.command;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a daily report says: for each section, the counts of the day and of the day before per area (the rows, one
 * level below the report's area), the alerts still open at the cut-off, the notices published that day, the trend
 * of the last fourteen days, and the lists the parts rank at the day's end.
 */
public record ReportFigures(LocalDate day, String area, String areaName, List<RowArea> rows, List<Section> sections,
		List<OpenProblem> problems, List<String> notices, Map<LocalDate, Map<String, Long>> trend, List<DayList> lists) {

	public ReportFigures {
		notices = notices == null ? List.of() : notices;
		lists = lists == null ? List.of() : lists;
	}

	/** A row of the report: an area by code and name. */
	public record RowArea(String code, String name) {
	}

	/**
	 * A section's figures of the day and the day before, per row area code; a column with decimals holds its figures
	 * times ten to that power (none: whole counts).
	 */
	public record Section(String id, String titleKey, List<String> columnKeys, Map<String, List<Long>> day,
			Map<String, List<Long>> before, List<Integer> decimals) {

		/** The decimals of a column's figures (0 for counts). */
		public int decimalsOf(int column) {
			return decimals == null || column >= decimals.size() ? 0 : decimals.get(column);
		}
	}

	/** An alert open at the cut-off. */
	public record OpenProblem(String severity, String titleKey, List<String> args, String area, String areaName,
			Instant raisedAt, String status) {
	}
}
