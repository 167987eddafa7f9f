package org.frontline.quarantine;

import java.util.List;

import org.frontline.audit.AuditLog;
import org.frontline.quarantine.internal.FacilityAccess;
import org.frontline.quarantine.internal.StayRepository;
import org.frontline.shared.Masking;
import org.frontline.shared.Role;
import org.frontline.shared.Validation;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People announced to a facility (a bus from the highway checkpoint) before they arrive, so rooms can be ready. */
@Service
public class Arrivals {

	private final StayRepository stays;

	private final FacilityAccess access;

	private final Categories categories;

	private final AuditLog auditLog;

	private final Validation validation;

	Arrivals(StayRepository stays, FacilityAccess access, Categories categories, AuditLog auditLog,
			Validation validation) {
		this.stays = stays;
		this.access = access;
		this.categories = categories;
		this.auditLog = auditLog;
		this.validation = validation;
	}

	@Transactional
	public List<Arrival> plan(long facilityId, NewArrivals arrivals) {
		Viewer viewer = Viewers.requireAny(Role.ADMIN, Role.COMMANDER, Role.FACILITY_STAFF);
		access.visible(viewer, facilityId);
		validation.check(arrivals);
		String source = arrivals.source().strip();
		List<NewArrivals.Person> people = arrivals.people();
		for (NewArrivals.Person p : people) {
			stays.insertArrival(facilityId, source, arrivals.expectedAt(), p.name().strip(),
					Validation.optional(p.phone()), p.personId(), categories.row(p.category()).id());
		}
		auditLog.record("ARRIVALS_PLAN", "quarantine_facility", facilityId, source + " people=" + people.size());
		return expected(facilityId);
	}

	/** People expected at a facility who have not arrived yet (masked). */
	@Transactional(readOnly = true)
	public List<Arrival> expected(long facilityId) {
		access.visible(access.reader(), facilityId);
		return stays.plannedArrivals(facilityId)
			.stream()
			.map(a -> new Arrival(a.id(), a.facilityId(), a.source(), a.expectedAt(), Masking.name(a.name()),
					Masking.phone(a.phone()), a.personId(), a.category(), a.status()))
			.toList();
	}
}
