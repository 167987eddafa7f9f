package org.frontline.command.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.frontline.area.Area;
import org.frontline.command.DaySection;
import org.frontline.command.OverviewPart;
import org.frontline.command.PartView;
import org.frontline.command.PartView.Block;
import org.frontline.command.PartView.Figure;
import org.frontline.command.PartView.Row;
import org.frontline.shared.AreaCodes;
import org.frontline.workforce.OnDuty;
import org.frontline.workforce.PostDuty;
import org.frontline.workforce.StaffedShifts;
import org.frontline.workforce.Staffing;
import org.springframework.stereotype.Component;

/**
 * The workforce's part: people on duty now against those the shifts under way need, and the posts short the most; in
 * the daily report, the day's shifts: people needed, checked in and missing.
 */
@Component("commandWorkforcePart")
class WorkforcePart implements OverviewPart {

	static final int WORST_POSTS = 5;

	private final Staffing staffing;

	WorkforcePart(Staffing staffing) {
		this.staffing = staffing;
	}

	@Override
	public int order() {
		return 35;
	}

	@Override
	public Optional<PartView> live(Area area) {
		OnDuty duty = staffing.onDuty(area.code());
		String page = "/workforce?area=" + area.code();
		List<Row> worst = duty.posts()
			.stream()
			.filter(p -> p.gap() > 0)
			.sorted(Comparator.comparingInt(PostDuty::gap).reversed().thenComparing(PostDuty::name))
			.limit(WORST_POSTS)
			.map(p -> new Row(p.name(), "/workforce/posts/" + p.postId(),
					p.needed() == 0 ? null : 100.0 * p.onDuty() / p.needed(), List.of(p.needed(), p.onDuty(), p.gap())))
			.toList();
		return Optional.of(new PartView("workforce", "command.workforce.title", duty.at(),
				List.of(Figure.count("needed", "command.workforce.needed", duty.needed(), page),
						Figure.count("onDuty", "command.workforce.onDuty", duty.onDuty(), page),
						Figure.toDo("gap", "command.workforce.gap", duty.gap(), page)),
				List.of(new Block("worstPosts", "command.workforce.worstPosts", false,
						List.of("command.workforce.needed", "command.workforce.onDuty", "command.workforce.gap"), worst))));
	}

	@Override
	public List<DaySection> day(Area area, List<Area> rows, Instant from, Instant to) {
		String low = AreaCodes.prefix(area.code());
		List<StaffedShifts> staffed = staffing.staffed(low, AreaCodes.upperBound(low), from, to);
		Map<String, List<Long>> byArea = new LinkedHashMap<>();
		for (Area row : rows) {
			List<StaffedShifts> in = staffed.stream().filter(s -> AreaCodes.contains(row.code(), s.area())).toList();
			byArea.put(row.code(), List.of(in.stream().mapToLong(StaffedShifts::needed).sum(),
					in.stream().mapToLong(StaffedShifts::staffed).sum(), in.stream().mapToLong(StaffedShifts::missing).sum()));
		}
		return List.of(new DaySection("workforce.shifts", "command.report.workforce",
				List.of("command.workforce.shiftsNeeded", "command.workforce.shiftsStaffed", "command.workforce.shiftsMissing"),
				byArea));
	}
}
