package org.frontline.command.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.frontline.area.Area;
import org.frontline.command.Alert;
import org.frontline.command.DaySection;
import org.frontline.command.OverviewPart;
import org.frontline.command.PartView;
import org.frontline.command.PartView.Figure;
import org.frontline.shared.AreaCodes;
import org.springframework.stereotype.Component;

/** The inbox's part: alerts not closed, not acknowledged, past their deadline. */
@Component("commandAlertsPart")
class AlertsPart implements OverviewPart {

	private final AlertRepository alerts;

	private final Clock clock;

	AlertsPart(AlertRepository alerts, Clock clock) {
		this.alerts = alerts;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 0;
	}

	@Override
	public Optional<PartView> live(Area area) {
		Instant now = clock.instant();
		String low = AreaCodes.prefix(area.code());
		Map<String, Long> counts = alerts.counts(low, AreaCodes.upperBound(low), now);
		String page = "/command/alerts?area=" + area.code();
		return Optional.of(new PartView("alerts", "command.alerts.title", now,
				List.of(Figure.toDo("open", "command.alerts.open", counts.get("open"), page),
						Figure.toDo("unacknowledged", "command.alerts.unacknowledged", counts.get("unacknowledged"),
								page + "&status=OPEN"),
						Figure.toDo("overdue", "command.alerts.overdue", counts.get("overdue"), page + "&status=OPEN"),
						Figure.toDo("urgent", "command.alerts.urgent", counts.get("urgent"), page)),
				List.of()));
	}

	@Override
	public List<DaySection> day(Area area, List<Area> rows, Instant from, Instant to) {
		String low = AreaCodes.prefix(area.code());
		String high = AreaCodes.upperBound(low);
		Map<String, Long> raised = alerts.raisedBetween(low, high, from, to);
		List<Alert> open = alerts.openAt(low, high, to);
		Map<String, List<Long>> byArea = new LinkedHashMap<>();
		for (Area row : rows) {
			long stillOpen = open.stream().filter(a -> AreaCodes.contains(row.code(), a.originArea())).count();
			byArea.put(row.code(), List.of(TestingPart.sum(raised, row), stillOpen));
		}
		return List.of(new DaySection("alerts", "command.report.alerts",
				List.of("command.alerts.raised", "command.alerts.openAtEnd"), byArea));
	}
}
