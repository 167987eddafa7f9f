package org.frontline.quarantine;

import java.util.List;
import java.util.Set;

import org.frontline.audit.AuditLog;
import org.frontline.quarantine.internal.FacilityAccess;
import org.frontline.quarantine.internal.FacilityRepository;
import org.frontline.quarantine.internal.FacilityRepository.FacilityRow;
import org.frontline.quarantine.internal.StayRepository;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stays in a facility as their staff read them; intakes, registrations and releases are {@link Intakes},
 * {@link Registrations} and {@link Releases}.
 */
@Service
public class Stays {

	static final Role[] STAFF = { Role.ADMIN, Role.FACILITY_STAFF };

	private final StayRepository stays;

	private final FacilityRepository facilities;

	private final FacilityAccess access;

	private final AuditLog auditLog;

	Stays(StayRepository stays, FacilityRepository facilities, FacilityAccess access, AuditLog auditLog) {
		this.stays = stays;
		this.facilities = facilities;
		this.access = access;
		this.auditLog = auditLog;
	}

	/** A stay's full record; the read is audited. */
	@Transactional
	public Stay get(long stayId) {
		Stay stay = visible(access.reader(), stayId);
		auditLog.record("STAY_READ", "quarantine_stay", stayId, null);
		return stay;
	}

	/** The stays of a facility (masked), newest first; {@code status} is ACTIVE, RELEASED or null for both. */
	@Transactional(readOnly = true)
	public List<Stay> list(long facilityId, String status) {
		access.visible(access.reader(), facilityId);
		String checked = status == null || status.isBlank() ? null : status.strip().toUpperCase();
		if (checked != null && !Set.of("ACTIVE", "RELEASED").contains(checked)) {
			throw Problem.invalid("status", "quarantine.stay.status-filter");
		}
		return stays.all(facilityId, checked, 1000).stream().map(Stay::masked).toList();
	}

	Stay visible(Viewer viewer, long stayId) {
		Stay stay = stays.find(stayId).orElseThrow(() -> Problem.notFound("quarantine.stay.not-found", stayId));
		FacilityRow facility = facilities.find(stay.facilityId()).orElseThrow();
		if (!access.sees(viewer, facility.id(), facility.area())) {
			throw Problem.notFound("quarantine.stay.not-found", stayId);
		}
		return stay;
	}

	Stay lockedVisible(Viewer viewer, long stayId) {
		visible(viewer, stayId);
		return stays.lock(stayId).orElseThrow();
	}

	Stay activeLocked(Viewer viewer, long stayId) {
		Stay stay = lockedVisible(viewer, stayId);
		if (!stay.active()) {
			throw Problem.conflict("stay-released", "quarantine.stay.ended");
		}
		return stay;
	}
}
