package org.frontline.quarantine.web;

import java.util.List;

import org.frontline.quarantine.Capacity;
import org.frontline.quarantine.Facilities;
import org.frontline.shared.HomeFigure;
import org.frontline.shared.HomeFigures;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Workplace;
import org.springframework.stereotype.Component;

/** Quarantine's part of the home page: free rooms, anomalies to acknowledge and arrivals, for those who see facilities. */
@Component
class QuarantineHomeFigures implements HomeFigures {

	private final Facilities facilities;

	QuarantineHomeFigures(Facilities facilities) {
		this.facilities = facilities;
	}

	@Override
	public List<HomeFigure> of(Viewer viewer) {
		if (!viewer.hasAny(Role.ADMIN, Role.COMMANDER, Role.FACILITY_STAFF)) {
			return List.of();
		}
		Capacity capacity = facilities.capacity();
		Long own = viewer.place(Workplace.FACILITY);
		String rooms = own != null ? "/quarantine/facilities/" + own : "/quarantine";
		return List.of(HomeFigure.count(40, "home.work.freeRooms", capacity.district().available(), rooms),
				HomeFigure.toDo(41, "home.work.openAnomalies", capacity.district().openAnomalies(),
						"/quarantine/anomalies?status=OPEN"),
				HomeFigure.count(42, "home.work.arrivals", capacity.district().arrivalsNext24h(), rooms));
	}
}
