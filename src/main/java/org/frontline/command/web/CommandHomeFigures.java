package org.frontline.command.web;

import java.util.List;
import java.util.Map;

import org.frontline.command.Alerts;
import org.frontline.shared.HomeFigure;
import org.frontline.shared.HomeFigures;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.springframework.stereotype.Component;

/** The inbox's part of the home page: alerts of the viewer's area not closed, and those past their deadline. */
@Component("commandHomeFigures")
class CommandHomeFigures implements HomeFigures {

	private final Alerts alerts;

	CommandHomeFigures(Alerts alerts) {
		this.alerts = alerts;
	}

	@Override
	public List<HomeFigure> of(Viewer viewer) {
		if (!viewer.hasAny(Role.ADMIN, Role.COMMANDER, Role.COMMUNITY_WORKER, Role.FACILITY_STAFF, Role.SITE_LEADER,
				Role.WORKFORCE_COORDINATOR, Role.WAREHOUSE_KEEPER, Role.ENTERPRISE_LIAISON)) {
			return List.of();
		}
		Map<String, Long> counts = alerts.counts(null);
		return List.of(HomeFigure.toDo(1, "command.home.alerts", counts.get("open"), "/command/alerts"),
				HomeFigure.toDo(2, "command.home.overdue", counts.get("overdue"), "/command/alerts?status=OPEN"));
	}
}
