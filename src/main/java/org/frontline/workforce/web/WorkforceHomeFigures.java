package org.frontline.workforce.web;

import java.util.ArrayList;
import java.util.List;

import org.frontline.shared.HomeFigure;
import org.frontline.shared.HomeFigures;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Workplace;
import org.frontline.workforce.DutyFigures;
import org.frontline.workforce.Hours;
import org.frontline.workforce.Staffing;
import org.springframework.stereotype.Component;

/**
 * Workforce's part of the home page: for a coordinator, who is on duty, the gaps, the day's no-shows and the
 * volunteers waiting (a unit's coordinator: their cadres on duty and no-shows); for anyone who signs in as a worker,
 * their next shifts, hours this week and the rest still required.
 */
@Component
class WorkforceHomeFigures implements HomeFigures {

	private final Staffing staffing;

	private final Hours hours;

	WorkforceHomeFigures(Staffing staffing, Hours hours) {
		this.staffing = staffing;
		this.hours = hours;
	}

	@Override
	public List<HomeFigure> of(Viewer viewer) {
		List<HomeFigure> figures = new ArrayList<>();
		if (viewer.has(Role.WORKFORCE_COORDINATOR)) {
			DutyFigures duty = staffing.figures();
			Long unit = viewer.place(Workplace.UNIT);
			String onDuty = unit != null ? "/workforce/units/" + unit : "/workforce";
			figures.add(HomeFigure.count(60, "workforce.home.on-duty", duty.onDuty(), onDuty));
			if (duty.gap() != null) {
				figures.add(HomeFigure.toDo(61, "workforce.home.gap", duty.gap(), "/workforce"));
			}
			figures.add(HomeFigure.toDo(62, "workforce.home.no-shows", duty.noShowsToday(), onDuty));
			if (duty.pendingSignUps() != null) {
				figures.add(HomeFigure.toDo(63, "workforce.home.pending", duty.pendingSignUps(),
						"/workforce/workers#pending"));
			}
		}
		hours.ownWeek().ifPresent(own -> {
			figures.add(HomeFigure.count(65, "workforce.home.next-shifts", own.nextShifts(), "/workforce/me"));
			figures.add(HomeFigure.count(66, "workforce.home.week-hours", (own.minutesThisWeek() + 30) / 60,
					"/workforce/me"));
			figures.add(HomeFigure.count(67, "workforce.home.rest-due", (own.restMinutesDue() + 59) / 60,
					"/workforce/me"));
		});
		return figures;
	}
}
