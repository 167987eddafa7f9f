package org.frontline.quarantine.internal;

import java.util.List;
import java.util.Optional;

import org.frontline.quarantine.internal.FacilityRepository.FacilityRow;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.ScopeTarget;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.shared.Workplace;
import org.springframework.stereotype.Component;

/**
 * Who may see which facility: staff limited to one facility see only it; others see the facilities whose area their
 * scope covers. A facility outside the viewer's reach is not found. Also the {@code facility} scope target for
 * accounts.
 */
@Component
public class FacilityAccess implements ScopeTarget {

	public static final Role[] READERS = { Role.ADMIN, Role.COMMANDER, Role.FACILITY_STAFF };

	public static final Role[] PLANNERS = { Role.ADMIN, Role.COMMANDER };

	private final FacilityRepository facilities;

	FacilityAccess(FacilityRepository facilities) {
		this.facilities = facilities;
	}

	@Override
	public Workplace kind() {
		return Workplace.FACILITY;
	}

	@Override
	public Optional<String> areaOf(long id) {
		return facilities.areaOf(id);
	}

	@Override
	public Optional<String> nameOf(long id) {
		return facilities.find(id).map(FacilityRow::name);
	}

	public Viewer reader() {
		return Viewers.requireAny(READERS);
	}

	public boolean sees(Viewer viewer, long facilityId, String area) {
		Long place = viewer.place(Workplace.FACILITY);
		return place == null ? viewer.covers(area) : place == facilityId && viewer.covers(area);
	}

	public FacilityRow visible(Viewer viewer, long facilityId) {
		return facilities.find(facilityId)
			.filter(f -> sees(viewer, f.id(), f.area()))
			.orElseThrow(() -> Problem.notFound("quarantine.facility.not-found", facilityId));
	}

	public List<FacilityRow> visible(Viewer viewer) {
		return facilities.visible(viewer.place(Workplace.FACILITY), viewer.scopeLow(), viewer.scopeHigh());
	}
}
