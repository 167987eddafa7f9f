package org.frontline.command.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.frontline.area.Area;
import org.frontline.command.DaySection;
import org.frontline.command.OverviewPart;
import org.frontline.command.PartView;
import org.frontline.command.PartView.Figure;
import org.frontline.enterprise.LoopSummary;
import org.frontline.enterprise.Loops;
import org.springframework.stereotype.Component;

/**
 * The enterprises' part: loops active, staff in loop, tested today, reports missing. The enterprise module keeps no
 * figures of a past day, so it adds no section to the daily report.
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

	@Override
	public Optional<PartView> live(Area area) {
		List<LoopSummary> active = loops.list("ACTIVE", area.code());
		if (active.isEmpty()) {
			return Optional.empty();
		}
		String page = "/enterprise?area=" + area.code();
		return Optional.of(new PartView("enterprise", "command.enterprise.title", clock.instant(), List.of(
				Figure.count("loops", "command.enterprise.loops", active.size(), page),
				Figure.count("staff", "command.enterprise.staff", active.stream().mapToLong(LoopSummary::headcount).sum(),
						page),
				Figure.count("testedToday", "command.enterprise.testedToday",
						active.stream().mapToLong(LoopSummary::testedToday).sum(), page),
				Figure.toDo("reportsMissing", "command.enterprise.reportsMissing",
						active.stream().filter(LoopSummary::reportMissing).count(), page)),
				List.of()));
	}

	@Override
	public List<DaySection> day(Area area, List<Area> rows, Instant from, Instant to) {
		return List.of();
	}
}
