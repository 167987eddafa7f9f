package org.frontline.quarantine;

import java.util.ArrayList;
import java.util.List;

import org.frontline.audit.AuditLog;
import org.frontline.quarantine.internal.FacilityAccess;
import org.frontline.quarantine.internal.StayRepository;
import org.frontline.shared.Masking;
import org.frontline.shared.Problem;
import org.frontline.shared.Problem.FieldError;
import org.frontline.shared.Role;
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

	Arrivals(StayRepository stays, FacilityAccess access, Categories categories, AuditLog auditLog) {
		this.stays = stays;
		this.access = access;
		this.categories = categories;
		this.auditLog = auditLog;
	}

	@Transactional
	public List<Arrival> plan(long facilityId, NewArrivals arrivals) {
		Viewer viewer = Viewers.requireAny(Role.ADMIN, Role.COMMANDER, Role.FACILITY_STAFF);
		access.visible(viewer, facilityId);
		List<FieldError> errors = new ArrayList<>();
		String source = Facilities.text(arrivals.source(), "source", 100, true, errors);
		if (arrivals.expectedAt() == null) {
			errors.add(new FieldError("expectedAt", "The expected time is required."));
		}
		List<NewArrivals.Person> people = arrivals.people() == null ? List.of() : arrivals.people();
		if (people.isEmpty() || people.size() > 500) {
			errors.add(new FieldError("people", "1 to 500 people."));
		}
		for (int i = 0; i < people.size(); i++) {
			NewArrivals.Person p = people.get(i);
			Facilities.text(p.name(), "people[" + i + "].name", 50, true, errors);
			if (p.phone() != null && !p.phone().isBlank() && !p.phone().strip().matches("1[3-9]\\d{9}")) {
				errors.add(new FieldError("people[" + i + "].phone", "A mobile number has 11 digits starting with 1."));
			}
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		for (NewArrivals.Person p : people) {
			stays.insertArrival(facilityId, source, arrivals.expectedAt(), p.name().strip(),
					Facilities.blankToNull(p.phone()), p.personId(), categories.row(p.category()).id());
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
