package org.frontline.quarantine;

import java.time.Clock;
import java.time.LocalDate;

import org.frontline.area.Areas;
import org.frontline.audit.AuditLog;
import org.frontline.people.Person;
import org.frontline.people.ResidentIdNumber;
import org.frontline.people.Residents;
import org.frontline.quarantine.internal.CategoryRepository.CategoryRow;
import org.frontline.quarantine.internal.StayRepository;
import org.frontline.quarantine.internal.StayRules;
import org.frontline.shared.Message;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Validation;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registrations of stays: completing a fast-track intake later, and moving a stay to another category. */
@Service
public class Registrations {

	private final StayRepository stays;

	private final Stays stayService;

	private final Categories categories;

	private final Residents residents;

	private final Areas areas;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Validation validation;

	private final Clock clock;

	Registrations(StayRepository stays, Stays stayService, Categories categories, Residents residents, Areas areas,
			AuditLog auditLog, ApplicationEventPublisher events, Validation validation, Clock clock) {
		this.stays = stays;
		this.stayService = stayService;
		this.categories = categories;
		this.residents = residents;
		this.areas = areas;
		this.auditLog = auditLog;
		this.events = events;
		this.validation = validation;
		this.clock = clock;
	}

	/** Completes a fast-track intake with a registered person or the ID number, home community and address. */
	@Transactional
	public Stay completeRegistration(long stayId, Registration registration) {
		Viewer viewer = Viewers.requireAny(Stays.STAFF);
		Stay stay = stayService.lockedVisible(viewer, stayId);
		if (stay.registrationComplete()) {
			throw Problem.conflict("registration-complete", "quarantine.registration.complete");
		}
		if (registration.personId() != null) {
			Person person = residents.forIntake(registration.personId());
			stays.activeStayOfPerson(person.id(), person.idNumber()).filter(other -> other != stayId).ifPresent(other -> {
				throw Problem.conflict("already-in-facility", "quarantine.stay.person-already-in-facility");
			});
			stays.completeRegistration(stayId, person.id(), person.name(), person.phone(), person.idNumber(),
					StayRules.communityOf(person.area()), person.address().text());
			events.publishEvent(new StayStarted(stayId, stay.facilityId(), person.id(), clock.instant()));
		}
		else {
			Problem.Errors errors = new Problem.Errors().addAll(validation.errors(registration));
			String idNumber = null;
			try {
				idNumber = ResidentIdNumber.parse(registration.idNumber(), LocalDate.now(clock)).value();
			}
			catch (ResidentIdNumber.InvalidIdNumberException ex) {
				errors.add("idNumber", ex.key());
			}
			String community = Validation.optional(registration.community());
			if (community == null || community.length() < 12 || areas.find(community).isEmpty()) {
				errors.add("community", "quarantine.registration.community-unknown");
			}
			String address = Validation.optional(registration.address());
			if (address == null) {
				errors.add("address", "problem.constraint.NotBlank", Message.of("field.Registration.address"));
			}
			errors.throwIfAny();
			String checkedId = idNumber;
			stays.activeStayOfPerson(null, checkedId).filter(other -> other != stayId).ifPresent(other -> {
				throw Problem.conflict("already-in-facility", "quarantine.stay.person-already-in-facility");
			});
			stays.completeRegistration(stayId, null, null, null, idNumber, community, address);
		}
		auditLog.record("STAY_REGISTRATION_COMPLETE", "quarantine_stay", stayId, null);
		return stays.find(stayId).orElseThrow();
	}

	/** Moves a stay to another category under that category's rule in force now; the release date follows. */
	@Transactional
	public Stay reclassify(long stayId, String categoryCode) {
		Viewer viewer = Viewers.requireAny(Role.ADMIN, Role.COMMANDER, Role.FACILITY_STAFF);
		Stay stay = stayService.activeLocked(viewer, stayId);
		CategoryRow category = categories.row(categoryCode);
		Rule rule = categories.inForce(category, clock.instant());
		stays.reclassify(stayId, category.id(), rule.id(), StayRules.plannedRelease(stay.admittedOn(), rule));
		auditLog.record("STAY_RECLASSIFY", "quarantine_stay", stayId, stay.category() + " -> " + category.code()
				+ " rule " + rule.id());
		return stays.find(stayId).orElseThrow();
	}
}
