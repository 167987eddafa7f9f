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
		return Optional.of(new PartView("enterprise", "command.enterprise.title", clock.instant(), List.of(
				Figure.count("loops", "command.enterprise.loops", today.stream().mapToLong(LoopsOfDay::loops).sum(), page),
				Figure.count("staff", "command.enterprise.staff", today.stream().mapToLong(LoopsOfDay::staff).sum(), page),
				Figure.count("testedToday", "command.enterprise.testedToday",
						today.stream().mapToLong(LoopsOfDay::tested).sum(), page),
				Figure.toDo("reportsMissing", "command.enterprise.reportsMissing",
						today.stream().mapToLong(LoopsOfDay::reportsMissing).sum(), page)),
				List.of()));
	}

	@Override
	public List<DaySection> day(Area area, List<Area> rows, Instant from, Instant to) {
		String low = AreaCodes.prefix(area.code());
		List<LoopsOfDay> day = loops.onDay(low, AreaCodes.upperBound(low), LocalDate.ofInstant(from, clock.getZone()));
		Map<String, List<Long>> byArea = new LinkedHashMap<>();
		for (Area row : rows) {
			List<LoopsOfDay> in = day.stream().filter(d -> AreaCodes.contains(row.code(), d.area())).toList();
			byArea.put(row.code(), List.of(in.stream().mapToLong(LoopsOfDay::loops).sum(),
					in.stream().mapToLong(LoopsOfDay::staff).sum(), in.stream().mapToLong(LoopsOfDay::tested).sum(),
					in.stream().mapToLong(LoopsOfDay::reportsMissing).sum()));
		}
		return List.of(new DaySection("enterprise.loops", "command.report.enterprise",
				List.of("command.enterprise.loops", "command.enterprise.staff", "command.enterprise.testedThatDay",
						"command.enterprise.reportsMissing"),
				byArea));
	}
}
