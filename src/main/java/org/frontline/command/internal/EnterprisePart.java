package org.frontline.command.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.frontline.area.Area;
import org.frontline.command.DaySection;
import org.frontline.command.OverviewPart;
import org.frontline.command.PartView;
import org.frontline.command.PartView.Figure;
import org.frontline.enterprise.Loops;
import org.frontline.enterprise.LoopsOfDay;
import org.frontline.shared.AreaCodes;
import org.springframework.stereotype.Component;

/**
 * The enterprises' part: loops running, staff in loop, tested today, reports missing; in the daily report, the same
 * figures as they stood at the day's end.
 */
@Component("commandEnterprisePart")
class EnterprisePart implements OverviewPart {

	private final Loops loops;

	private final Clock clock;

	EnterprisePart(Loops loops, Clock clock) {
		this.loops = loops;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 50;
	}

	/**
	 * Today's figures as today's report counts them (the loops running now, not those that begin later): a commander
	 * comparing the screen with the report sees the same numbers.
	 */
	@Override
	public Optional<PartView> live(Area area) {
		String low = AreaCodes.prefix(area.code());
		List<LoopsOfDay> today = loops.onDay(low, AreaCodes.upperBound(low), LocalDate.now(clock));
		if (today.isEmpty()) {
			return Optional.empty();
		}
		String page = "/enterprise?area=" + area.code();
		List<Long> totals = totals(today);
		return Optional.of(new PartView("enterprise", "command.enterprise.title", clock.instant(), List.of(
				Figure.count("loops", "command.enterprise.loops", totals.get(0), page),
				Figure.count("staff", "command.enterprise.staff", totals.get(1), page),
				Figure.count("testedToday", "command.enterprise.testedToday", totals.get(2), page),
				Figure.toDo("reportsMissing", "command.enterprise.reportsMissing", totals.get(3), page)),
				List.of()));
	}

	@Override
	public List<DaySection> day(Area area, List<Area> rows, Instant from, Instant to) {
		String low = AreaCodes.prefix(area.code());
		List<LoopsOfDay> day = loops.onDay(low, AreaCodes.upperBound(low), LocalDate.ofInstant(from, clock.getZone()));
		Map<String, List<Long>> byArea = new LinkedHashMap<>();
		for (Area row : rows) {
			byArea.put(row.code(),
					totals(day.stream().filter(d -> AreaCodes.contains(row.code(), d.area())).toList()));
		}
		return List.of(new DaySection("enterprise.loops", "command.report.enterprise",
				List.of("command.enterprise.loops", "command.enterprise.staff", "command.enterprise.testedThatDay",
						"command.enterprise.reportsMissing"),
				byArea));
	}

	/** Loops, staff, tested and reports missing summed over enterprise areas: the live part's figures, a report row. */
	private static List<Long> totals(List<LoopsOfDay> areas) {
		return List.of(areas.stream().mapToLong(LoopsOfDay::loops).sum(), areas.stream().mapToLong(LoopsOfDay::staff).sum(),
				areas.stream().mapToLong(LoopsOfDay::tested).sum(),
				areas.stream().mapToLong(LoopsOfDay::reportsMissing).sum());
	}
}
