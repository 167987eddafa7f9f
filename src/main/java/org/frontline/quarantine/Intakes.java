package org.frontline.quarantine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.frontline.audit.AuditLog;
import org.frontline.people.Person;
import org.frontline.people.Residents;
import org.frontline.people.Tag;
import org.frontline.quarantine.internal.CategoryRepository.CategoryRow;
import org.frontline.quarantine.internal.FacilityAccess;
import org.frontline.quarantine.internal.FacilityRepository;
import org.frontline.quarantine.internal.StayRepository;
import org.frontline.quarantine.internal.StayRepository.NewStay;
import org.frontline.quarantine.internal.StayRules;
import org.frontline.shared.Message;
import org.frontline.shared.Problem;
import org.frontline.shared.Validation;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intakes into a facility: a registered person or a fast-track arrival takes a room with a conditional update, so two
 * intakes (or an intake and a status change) racing for one room never both win; a family may share one room.
 */
@Service
public class Intakes {

	static final int LATE_INTAKE_DAYS = 30;

	private final StayRepository stays;

	private final FacilityRepository facilities;

	private final FacilityAccess access;

	private final Categories categories;

	private final Residents residents;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Validation validation;

	private final Clock clock;

	Intakes(StayRepository stays, FacilityRepository facilities, FacilityAccess access, Categories categories,
			Residents residents, AuditLog auditLog, ApplicationEventPublisher events, Validation validation,
			Clock clock) {
		this.stays = stays;
		this.facilities = facilities;
		this.access = access;
		this.categories = categories;
		this.residents = residents;
		this.auditLog = auditLog;
		this.events = events;
		this.validation = validation;
		this.clock = clock;
	}

	/** Admits a person now. */
	@Transactional
	public Stay intake(long facilityId, Intake intake) {
		return admit(facilityId, intake, clock.instant());
	}

	/**
	 * Enters an intake that happened earlier and was kept on paper: the stay runs from {@code admittedAt}, at most
	 * {@value #LATE_INTAKE_DAYS} days back, under the category's rule in force then.
	 */
	@Transactional
	public Stay intakeRecordedLate(long facilityId, Intake intake, Instant admittedAt) {
		Viewers.requireAny(Stays.STAFF);
		Instant now = clock.instant();
		if (admittedAt == null || admittedAt.isAfter(now)
				|| admittedAt.isBefore(now.minus(Duration.ofDays(LATE_INTAKE_DAYS)))) {
			throw Problem.invalid("admittedAt", "quarantine.intake.admitted-at", LATE_INTAKE_DAYS);
		}
		return admit(facilityId, intake, admittedAt);
	}

	private Stay admit(long facilityId, Intake intake, Instant admittedAt) {
		Viewer viewer = Viewers.requireAny(Stays.STAFF);
		access.visible(viewer, facilityId);
		Problem.Errors errors = new Problem.Errors().addAll(validation.errors(intake));
		if (intake == null) {
			errors.throwIfAny();
		}
		String requestId = Validation.optional(intake.requestId());
		if (requestId != null && requestId.length() <= 100) {
			var earlier = stays.byRequestId(requestId);
			if (earlier.isPresent()) {
				if (earlier.get().facilityId() != facilityId) {
					throw Problem.conflict("request-id-reused", "quarantine.intake.request-id-reused");
				}
				return earlier.get();
			}
		}
		Set<KeyGroup> groups = new LinkedHashSet<>(intake.keyGroups() == null ? List.of() : intake.keyGroups());
		groups.remove(null);
		String needs = Validation.optional(intake.needs());
		Person person = null;
		String name;
		String phone;
		if (intake.personId() != null) {
			person = residents.forIntake(intake.personId());
			name = person.name();
			phone = person.phone();
			groups.addAll(groupsOf(person, LocalDate.ofInstant(clock.instant(), clock.getZone())));
		}
		else {
			// The fast track knows a person only by the name and phone given here.
			name = Validation.optional(intake.name());
			phone = Validation.optional(intake.phone());
			if (name == null) {
				errors.add("name", "problem.constraint.NotBlank", Message.of("field.Intake.name"));
			}
			if (phone == null) {
				errors.add("phone", "problem.constraint.NotBlank", Message.of("field.Intake.phone"));
			}
		}
		errors.throwIfAny();
		CategoryRow category = categories.row(intake.category());
		Rule rule = categories.inForce(category, admittedAt);
		if (person != null && stays.activeStayOfPerson(person.id(), person.idNumber()).isPresent()) {
			throw Problem.conflict("already-in-facility", "quarantine.stay.already-in-facility", name);
		}
		Long familyOf = null;
		long roomId;
		if (intake.family() != null) {
			Stay member = joinable(viewer, facilityId, intake.family(), intake.room(), rule);
			familyOf = stays.familyRoot(member.id()).orElseThrow();
			roomId = member.roomId();
		}
		else {
			roomId = takeRoom(facilityId, intake.room(), admittedAt);
		}
		LocalDate today = LocalDate.ofInstant(admittedAt, clock.getZone());
		String community = person == null ? null : StayRules.communityOf(person.area());
		String address = person == null ? null : person.address().text();
		long id = stays.insert(new NewStay(facilityId, roomId, person == null ? null : person.id(), name, phone,
				person == null ? null : person.idNumber(), community, address, category.id(), rule.id(), admittedAt, today,
				StayRules.plannedRelease(today, rule), person != null, List.copyOf(groups), needs, requestId,
				viewer.username(), familyOf));
		if (intake.arrival() != null) {
			stays.markArrived(intake.arrival(), facilityId);
		}
		auditLog.record("STAY_INTAKE", "quarantine_stay", id, (person == null ? "fast-track " : "person " + person.id())
				+ " room " + roomId + " rule " + rule.id());
		if (person != null) {
			events.publishEvent(new StayStarted(id, facilityId, person.id(), admittedAt));
		}
		return stays.find(id).orElseThrow();
	}

	/**
	 * The active stay of a family member whose room a new intake may share: in the same facility, with a rule that
	 * allows families, as does the new intake's. Locks the member's stay, then the room (the order a release takes).
	 */
	private Stay joinable(Viewer viewer, long facilityId, long memberId, String room, Rule rule) {
		Stay member = stays.lock(memberId)
			.filter(s -> s.facilityId() == facilityId && s.active())
			.orElseThrow(() -> Problem.invalid("family", "quarantine.intake.family-not-found", memberId));
		if (room != null && !room.isBlank() && !room.strip().equals(member.room())) {
			throw Problem.invalid("room", "quarantine.intake.family-room", member.room());
		}
		if (!rule.familyAllowed() || !categories.rule(member.ruleId()).familyAllowed()) {
			throw Problem.conflict("family-not-allowed", "quarantine.intake.family-not-allowed");
		}
		if (facilities.lockRoom(member.roomId()).orElseThrow() != RoomStatus.OCCUPIED) {
			throw Problem.conflict("room-not-available", "quarantine.intake.family-room-not-occupied", member.room());
		}
		return member;
	}

	private long takeRoom(long facilityId, String number, Instant now) {
		if (number == null || number.isBlank()) {
			return facilities.occupyFirstAvailable(facilityId, now)
				.orElseThrow(() -> Problem.conflict("no-room-available", "quarantine.room.none-available"));
		}
		Room room = facilities.roomByNumber(facilityId, number.strip())
			.orElseThrow(() -> Problem.invalid("room", "quarantine.room.not-in-facility", number.strip()));
		if (!facilities.occupy(room.id(), now)) {
			throw Problem.conflict("room-not-available", "quarantine.room.not-available", room.number());
		}
		return room.id();
	}

	private static Set<KeyGroup> groupsOf(Person person, LocalDate today) {
		Set<KeyGroup> groups = new LinkedHashSet<>();
		for (Tag tag : person.tags()) {
			switch (tag) {
				case HYPERTENSION -> groups.add(KeyGroup.HYPERTENSION);
				case HEART_DISEASE -> groups.add(KeyGroup.HEART_DISEASE);
				case DIABETES -> groups.add(KeyGroup.DIABETES);
				case PREGNANT -> groups.add(KeyGroup.PREGNANT);
				case DISABILITY, BEDRIDDEN -> groups.add(KeyGroup.DISABILITY);
				case ELDERLY_LIVING_ALONE -> groups.add(KeyGroup.ELDERLY);
				default -> {
				}
			}
		}
		if (person.birthDate() != null && Period.between(person.birthDate(), today).getYears() >= 60) {
			groups.add(KeyGroup.ELDERLY);
		}
		return groups;
	}
}
