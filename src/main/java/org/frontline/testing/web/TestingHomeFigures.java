package org.frontline.testing.web;

import java.util.ArrayList;
import java.util.List;

import org.frontline.shared.HomeFigure;
import org.frontline.shared.HomeFigures;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Workplace;
import org.frontline.testing.Coverage;
import org.frontline.testing.CoverageFigures;
import org.frontline.testing.FollowUps;
import org.frontline.testing.LabWork;
import org.frontline.testing.Round;
import org.frontline.testing.RoundStatus;
import org.frontline.testing.Rounds;
import org.frontline.testing.SiteLive;
import org.frontline.testing.Tubes;
import org.springframework.stereotype.Component;

/**
 * Testing's part of the home page: the current round's coverage and the follow-up for those who run it, the site's
 * queue for those who work at one, the boxes and tubes in hand for a lab.
 */
@Component
class TestingHomeFigures implements HomeFigures {

	private final Rounds rounds;

	private final Coverage coverage;

	private final FollowUps followUps;

	private final Tubes tubes;

	TestingHomeFigures(Rounds rounds, Coverage coverage, FollowUps followUps, Tubes tubes) {
		this.rounds = rounds;
		this.coverage = coverage;
		this.followUps = followUps;
		this.tubes = tubes;
	}

	@Override
	public List<HomeFigure> of(Viewer viewer) {
		List<HomeFigure> figures = new ArrayList<>();
		Long site = viewer.place(Workplace.SITE);
		if (site != null && viewer.hasAny(Role.SITE_LEADER, Role.REGISTRAR)) {
			SiteLive live = tubes.live(site);
			figures.add(HomeFigure.count(10, "home.work.queue", live.queue(), "/testing/live"));
			figures.add(HomeFigure.count(11, "home.work.sampledToday", live.sampledToday(), "/testing/scan"));
			figures.add(HomeFigure.count(12, "home.work.openTubes", live.openTubes(), "/testing/scan"));
		}
		if (viewer.has(Role.LAB)) {
			LabWork lab = tubes.labWork();
			figures.add(HomeFigure.count(30, "home.work.boxesOnTheWay", lab.boxesOnTheWay(), "/testing/results"));
			figures.add(HomeFigure.toDo(31, "home.work.tubesAwaitingResult", lab.tubesAwaitingResult(),
					"/testing/results"));
		}
		if (viewer.hasAny(Role.ADMIN, Role.COMMANDER, Role.COMMUNITY_WORKER)) {
			rounds.list().stream().filter(r -> r.status() == RoundStatus.OPEN).findFirst().ifPresent(round -> {
				CoverageFigures current = coverage.coverage(round.id(), null);
				figures.add(HomeFigure.percent(20, "home.work.coverage", current.percent(), roundPage(round)));
				figures.add(HomeFigure.toDo(21, "home.work.notSampled", current.notSampled(),
						roundPage(round) + "/missing"));
			});
			figures.add(HomeFigure.toDo(22, "home.work.positivePools",
					followUps.inbox().pools().stream().filter(p -> !p.resolved()).count(), "/testing/followups"));
			figures.add(HomeFigure.toDo(23, "home.work.openTasks", followUps.tasks(null, "OPEN").size(),
					"/testing/followups"));
		}
		return figures;
	}

	private static String roundPage(Round round) {
		return "/testing/rounds/" + round.id();
	}
}
