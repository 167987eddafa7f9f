package org.frontline.people.web;

import java.util.List;

import org.frontline.people.Residents;
import org.frontline.shared.HomeFigure;
import org.frontline.shared.HomeFigures;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.springframework.stereotype.Component;

/** The people module's part of the home page: how many residents a community worker looks after. */
@Component
class PeopleHomeFigures implements HomeFigures {

	private final Residents residents;

	PeopleHomeFigures(Residents residents) {
		this.residents = residents;
	}

	@Override
	public List<HomeFigure> of(Viewer viewer) {
		if (!viewer.has(Role.COMMUNITY_WORKER)) {
			return List.of();
		}
		long count = residents.countsByArea(viewer.scopeArea()).getOrDefault(viewer.scopeArea(), 0L);
		return List.of(HomeFigure.count(5, "home.work.residents", count, "/people"));
	}
}
