package org.frontline.planning.web;

import java.util.List;

import org.frontline.planning.RoundPlan;
import org.frontline.planning.RoundPlans;
import org.frontline.shared.HomeFigure;
import org.frontline.shared.HomeFigures;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.testing.Round;
import org.frontline.testing.RoundStatus;
import org.frontline.testing.Rounds;
import org.springframework.stereotype.Component;

/**
 * Planning's part of the command centre's home page: rounds being prepared that have no plan yet, and the sites that
 * miss a norm in the latest plans of the rounds not yet closed.
 */
@Component
class PlanningHomeFigures implements HomeFigures {

	private final Rounds rounds;

	private final RoundPlans plans;

	PlanningHomeFigures(Rounds rounds, RoundPlans plans) {
		this.rounds = rounds;
		this.plans = plans;
	}

	@Override
	public List<HomeFigure> of(Viewer viewer) {
		if (!viewer.hasAny(Role.ADMIN, Role.COMMANDER)) {
			return List.of();
		}
		long unplanned = 0;
		long sitesMissing = 0;
		for (Round round : rounds.list()) {
			if (round.status() == RoundStatus.CLOSED || !round.areas().stream().allMatch(viewer::covers)) {
				continue;
			}
			RoundPlan plan = plans.latestPage(round.id(), 0, 0);
			if (plan == null) {
				unplanned += round.status() == RoundStatus.PLANNED ? 1 : 0;
			}
			else {
				sitesMissing += plan.totals().sitesMissingNorms();
			}
		}
		return List.of(HomeFigure.toDo(50, "planning.home.unplanned", unplanned, "/planning"),
				HomeFigure.toDo(51, "planning.home.sites-missing", sitesMissing, "/planning"));
	}
}
