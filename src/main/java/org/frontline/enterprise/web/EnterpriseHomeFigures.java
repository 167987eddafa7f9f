package org.frontline.enterprise.web;

import java.util.List;

import org.frontline.enterprise.LoopSummary;
import org.frontline.enterprise.Loops;
import org.frontline.shared.HomeFigure;
import org.frontline.shared.HomeFigures;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.springframework.stereotype.Component;

/**
 * Enterprise's part of the liaison's home page: their closed loop today, the staff in it, those tested, and the daily
 * report still to file or overdue.
 */
@Component
class EnterpriseHomeFigures implements HomeFigures {

	private final Loops loops;

	EnterpriseHomeFigures(Loops loops) {
		this.loops = loops;
	}

	@Override
	public List<HomeFigure> of(Viewer viewer) {
		if (!viewer.has(Role.ENTERPRISE_LIAISON)) {
			return List.of();
		}
		// A loop that begins later asks nothing of its liaison yet.
		List<LoopSummary> active = loops.list("ACTIVE", null).stream().filter(LoopSummary::begun).toList();
		String page = active.size() == 1 ? "/enterprise/loops/" + active.get(0).loopId() : "/enterprise";
		return List.of(
				HomeFigure.count(70, "enterprise.home.staff", active.stream().mapToLong(LoopSummary::headcount).sum(),
						page),
				HomeFigure.count(71, "enterprise.home.tested",
						active.stream().mapToLong(LoopSummary::testedToday).sum(), page),
				HomeFigure.toDo(72, "enterprise.home.report-due", active.stream().filter(l -> !l.reportFiled()).count(),
						page + (active.size() == 1 ? "#report" : "")),
				HomeFigure.toDo(73, "enterprise.home.report-missing",
						active.stream().filter(LoopSummary::reportMissing).count(),
						page + (active.size() == 1 ? "#report" : "")));
	}
}
