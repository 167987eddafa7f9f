package org.frontline.command;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.frontline.area.Area;

/**
 * One module's part of the command centre: its live figures for an area and its figures of a past day for the daily
 * report. A part is a bean present only when its module is, so a module that does not exist shows nothing.
 */
public interface OverviewPart {

	/** Where the part stands on the page and in the report. */
	int order();

	/** The live figures inside the area (the caller has checked the viewer's scope), or empty when there are none. */
	Optional<PartView> live(Area area);

	/**
	 * The part's sections of the daily report: additive counts of the window [from, to) per area of {@code rows}
	 * (each row counts what lies inside that area).
	 */
	List<DaySection> day(Area area, List<Area> rows, Instant from, Instant to);

	/**
	 * The part's sections of one day of the trend, for the area alone: by default its report sections; a part whose
	 * figure of a past day costs more than a trend of fourteen days should pay leaves it out.
	 */
	default List<DaySection> trend(Area area, Instant from, Instant to) {
		return day(area, List.of(area), from, to);
	}

	/** The part's lists of the daily report for the area, as they stood at the end of the window [from, to). */
	default List<DayList> lists(Area area, Instant from, Instant to) {
		return List.of();
	}

	/** The titles of the notices this part published in [from, to), for the report. */
	default List<String> notices(Instant from, Instant to) {
		return List.of();
	}
}
