package org.frontline.quarantine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.frontline.area.Areas;
import org.frontline.audit.AuditLog;
import org.frontline.people.Person;
import org.frontline.people.ResidentIdNumber;
import org.frontline.people.Residents;
import org.frontline.people.Tag;
import org.frontline.quarantine.internal.AnomalyRepository;
import org.frontline.quarantine.internal.CategoryRepository.CategoryRow;
import org.frontline.quarantine.internal.FacilityAccess;
import org.frontline.quarantine.internal.FacilityRepository;
import org.frontline.quarantine.internal.FacilityRepository.FacilityRow;
import org.frontline.quarantine.internal.ObservationRepository;
import org.frontline.quarantine.internal.StayRepository;
import org.frontline.quarantine.internal.StayRepository.NewStay;
import org.frontline.quarantine.internal.StayRules;
import org.frontline.shared.Masking;
import org.frontline.shared.Problem;
import org.frontline.shared.Problem.FieldError;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stays from intake to release. An intake takes a room with a conditional update, so two intakes (or an intake and
 * a status change) racing for one room never both win; a release needs the rule's days over, the required tests
 * negative and, for a home destination, a passed home check, and leaves the room awaiting disinfection.
 */
@Service
public class Stays {

	static final Role[] STAFF = { Role.ADMIN, Role.FACILITY_STAFF };

	static final int LATE_INTAKE_DAYS = 30;

	private final StayRepository stays;

	private final FacilityRepository facilities;

	private final ObservationRepository observations;

	private final AnomalyRepository anomalies;

	private final FacilityAccess access;

	private final Categories categories;

	private final Residents residents;

	private final Areas areas;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Stays(StayRepository stays, FacilityRepository facilities, ObservationRepository observations,
			AnomalyRepository anomalies, FacilityAccess access, Categories categories, Residents residents, Areas areas,
			AuditLog auditLog, ApplicationEventPublisher events, Clock clock) {
		this.stays = stays;
		this.facilities = facilities;
		this.observations = observations;
		this.anomalies = anomalies;
		this.access = access;
		this.categories = categories;
		this.residents = residents;
		this.areas = areas;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

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
		Instant now = clock.instant();
		if (admittedAt == null || admittedAt.isAfter(now) || admittedAt.isBefore(now.minus(Duration.ofDays(LATE_INTAKE_DAYS)))) {
			throw Problem.invalid("admittedAt", "quarantine.intake.admitted-at", LATE_INTAKE_DAYS);
		}
		return admit(facilityId, intake, admittedAt);
	}

	private Stay admit(long facilityId, Intake intake, Instant now) {
		Viewer viewer = Viewers.requireAny(STAFF);
		access.visible(viewer, facilityId);
		String requestId = Facilities.blankToNull(intake.requestId());
		if (requestId != null) {
			var earlier = stays.byRequestId(requestId);
			if (earlier.isPresent()) {
				if (earlier.get().facilityId() != facilityId) {
					throw Problem.conflict("request-id-reused", "This request id was used for another intake.");
				}
				return earlier.get();
			}
			if (requestId.length() > 100) {
				throw Problem.invalid("requestId", "At most 100 characters.");
			}
		}
		List<FieldError> errors = new ArrayList<>();
		Set<KeyGroup> groups = new LinkedHashSet<>(intake.keyGroups() == null ? List.of() : intake.keyGroups());
		groups.remove(null);
		String needs = Facilities.text(intake.needs(), "needs", 500, false, errors);
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
			name = Facilities.text(intake.name(), "name", 50, true, errors);
			phone = Facilities.text(intake.phone(), "phone", 11, true, errors);
			if (phone != null && !phone.matches("1[3-9]\\d{9}")) {
				errors.add(new FieldError("phone", "A mobile number has 11 digits starting with 1."));
			}
		}
		if (intake.category() == null || intake.category().isBlank()) {
			errors.add(new FieldError("category", "A category is required."));
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		CategoryRow category = categories.row(intake.category());
		Rule rule = categories.inForce(category, now);
		if (person != null && stays.activeStayOfPerson(person.id(), person.idNumber()).isPresent()) {
			throw Problem.conflict("already-in-facility", name + " is already staying in a facility.");
		}
		Long familyOf = null;
		long roomId;
		if (intake.family() != null) {
			Stay member = joinable(viewer, facilityId, intake.family(), intake.room(), rule);
			familyOf = stays.familyRoot(member.id()).orElseThrow();
			roomId = member.roomId();
		}
		else {
			roomId = takeRoom(facilityId, intake.room(), now);
		}
		LocalDate today = LocalDate.ofInstant(now, clock.getZone());
		String community = person == null ? null : communityOf(person.area());
		String address = person == null ? null : person.address().text();
		long id = stays.insert(new NewStay(facilityId, roomId, person == null ? null : person.id(), name, phone,
				person == null ? null : person.idNumber(), community, address, category.id(), rule.id(), now, today,
				StayRules.plannedRelease(today, rule), person != null, List.copyOf(groups), needs, requestId,
				viewer.username(), familyOf));
		if (intake.arrival() != null) {
			stays.markArrived(intake.arrival(), facilityId);
		}
		auditLog.record("STAY_INTAKE", "quarantine_stay", id, (person == null ? "fast-track " : "person " + person.id())
				+ " room " + roomId + " rule " + rule.id());
		if (person != null) {
			events.publishEvent(new StayStarted(id, facilityId, person.id(), now));
		}
		return stays.find(id).orElseThrow();
	}

	/** Completes a fast-track intake with a registered person or the ID number, home community and address. */
	@Transactional
	public Stay completeRegistration(long stayId, Registration registration) {
		Viewer viewer = Viewers.requireAny(STAFF);
		Stay stay = lockedVisible(viewer, stayId);
		if (stay.registrationComplete()) {
			throw Problem.conflict("registration-complete", "The registration of this stay is already complete.");
		}
		if (registration.personId() != null) {
			Person person = residents.forIntake(registration.personId());
			stays.activeStayOfPerson(person.id(), person.idNumber()).filter(other -> other != stayId).ifPresent(other -> {
				throw Problem.conflict("already-in-facility", "This person is already staying in a facility.");
			});
			stays.completeRegistration(stayId, person.id(), person.name(), person.phone(), person.idNumber(),
					communityOf(person.area()), person.address().text());
			events.publishEvent(new StayStarted(stayId, stay.facilityId(), person.id(), clock.instant()));
		}
		else {
			List<FieldError> errors = new ArrayList<>();
			String idNumber = null;
			try {
				idNumber = ResidentIdNumber.parse(registration.idNumber(), LocalDate.now(clock)).value();
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				errors.add(new FieldError("idNumber", ex.getMessage() == null ? "A resident ID number is required." : ex.getMessage()));
			}
			String community = Facilities.blankToNull(registration.community());
			if (community == null || community.length() < 12 || areas.find(community).isEmpty()) {
				errors.add(new FieldError("community", "The code of an existing community or compound is required."));
			}
			String address = Facilities.text(registration.address(), "address", 200, true, errors);
			if (!errors.isEmpty()) {
				throw Problem.invalid(errors);
			}
			String checkedId = idNumber;
			stays.activeStayOfPerson(null, checkedId).filter(other -> other != stayId).ifPresent(other -> {
				throw Problem.conflict("already-in-facility", "This person is already staying in a facility.");
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
		Stay stay = activeLocked(viewer, stayId);
		CategoryRow category = categories.row(categoryCode);
		Rule rule = categories.inForce(category, clock.instant());
		stays.reclassify(stayId, category.id(), rule.id(), StayRules.plannedRelease(stay.admittedOn(), rule));
		auditLog.record("STAY_RECLASSIFY", "quarantine_stay", stayId, stay.category() + " -> " + category.code()
				+ " rule " + rule.id());
		return stays.find(stayId).orElseThrow();
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
			throw Problem.invalid("status", "ACTIVE or RELEASED.");
		}
		return stays.all(facilityId, checked, 1000).stream().map(Stay::masked).toList();
	}

	/** Who is due for release within the next days, and what is still missing for each. */
	@Transactional(readOnly = true)
	public List<ReleaseCheck> dueForRelease(long facilityId, int days) {
		access.visible(access.reader(), facilityId);
		LocalDate today = LocalDate.now(clock);
		LocalDate until = today.plusDays(Math.max(0, Math.min(days, 30)));
		Map<Long, List<Observation>> byStay = observations.ofStaysReleasingBy(facilityId, until)
			.stream()
			.collect(Collectors.groupingBy(Observation::stayId));
		Set<Long> withAnomaly = anomalies.staysWithOpenAnomalies(facilityId);
		Map<Long, Rule> rules = new java.util.HashMap<>();
		List<ReleaseCheck> checks = new ArrayList<>();
		for (Stay stay : stays.releasingBy(facilityId, until)) {
			Rule rule = rules.computeIfAbsent(stay.ruleId(), categories::rule);
			List<Missing> missing = StayRules.missingForRelease(stay, rule, byStay.getOrDefault(stay.id(), List.of()),
					today, withAnomaly.contains(stay.id()), true);
			checks.add(new ReleaseCheck(stay.id(), stay.room(), Masking.name(stay.name()), stay.category(),
					stay.categoryName(), stay.ruleVersion(), stay.plannedRelease(), missing.isEmpty(), missing));
		}
		return checks;
	}

	/** The community's 单人单套 home check for a stay (staff of the facility or the community recording it). */
	@Transactional
	public Stay homeCheck(long stayId, HomeCheck check) {
		Viewer viewer = Viewers.requireAny(Role.ADMIN, Role.FACILITY_STAFF, Role.COMMUNITY_WORKER);
		Stay stay = stays.lock(stayId).orElseThrow(() -> Problem.notFound("Stay " + stayId));
		boolean community = viewer.has(Role.COMMUNITY_WORKER) && stay.community() != null && viewer.covers(stay.community())
				&& viewer.place("facility") == null;
		if (!community) {
			FacilityRow facility = facilities.find(stay.facilityId()).orElseThrow();
			if (!viewer.hasAny(STAFF) || !access.sees(viewer, facility.id(), facility.area())) {
				throw Problem.notFound("Stay " + stayId);
			}
		}
		if (!stay.active()) {
			throw Problem.conflict("stay-released", "This stay has ended.");
		}
		List<FieldError> errors = new ArrayList<>();
		String result = check.result() == null ? null : check.result().strip().toUpperCase();
		if (!"PASS".equals(result) && !"FAIL".equals(result)) {
			errors.add(new FieldError("result", "PASS or FAIL."));
		}
		String inspector = Facilities.text(check.inspector(), "inspector", 50, true, errors);
		String note = Facilities.text(check.note(), "note", 500, false, errors);
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		stays.homeCheck(stayId, result, inspector, note, clock.instant());
		auditLog.record("STAY_HOME_CHECK", "quarantine_stay", stayId, result + " by " + inspector);
		return stays.find(stayId).orElseThrow().masked();
	}

	/**
	 * Releases a stay: the rule's days must be over, the required tests negative, no anomaly open and, for a home
	 * destination, the home check passed. The community takes over home health monitoring; the room awaits
	 * disinfection. A transfer to hospital is allowed at any time.
	 */
	@Transactional
	public Stay release(long stayId, ReleaseForm form) {
		Viewer viewer = Viewers.requireAny(STAFF);
		Stay stay = lockedVisible(viewer, stayId);
		if (!stay.active()) {
			throw Problem.conflict("stay-released", "This stay has already ended.");
		}
		List<FieldError> errors = new ArrayList<>();
		if (form.destination() == null) {
			errors.add(new FieldError("destination", "HOME, HOSPITAL, OTHER_FACILITY or OTHER."));
		}
		boolean home = form.destination() == Destination.HOME;
		String address = Facilities.text(form.address(), "address", 200, home, errors);
		String community = Facilities.blankToNull(form.community());
		if (home && community == null) {
			community = stay.community();
		}
		if (home && (community == null || community.length() < 12 || areas.find(community).isEmpty())) {
			errors.add(new FieldError("community", "The community that takes over home health monitoring is required."));
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		LocalDate today = LocalDate.now(clock);
		Rule rule = categories.rule(stay.ruleId());
		if (form.destination() != Destination.HOSPITAL) {
			List<Missing> missing = StayRules.missingForRelease(stay, rule, observations.ofStay(stayId), today,
					anomalies.openCount(stayId) > 0, home);
			if (!missing.isEmpty()) {
				throw blocked(missing);
			}
		}
		Instant now = clock.instant();
		LocalDate until = home ? today.plusDays(rule.homeDays()) : null;
		if (!stays.release(stayId, form.destination(), address, home ? community : null, now, viewer.username(), until)) {
			throw Problem.conflict("stay-released", "This stay has already ended.");
		}
		facilities.lockRoom(stay.roomId());
		if (stays.activeInRoom(stay.roomId()) == 0
				&& !facilities.move(stay.roomId(), RoomStatus.OCCUPIED, RoomStatus.AWAITING_DISINFECTION, now)) {
			throw Problem.conflict("room-status", "Room " + stay.room() + " is not occupied.");
		}
		auditLog.record("STAY_RELEASE", "quarantine_stay", stayId, form.destination() + (until == null ? "" : " until " + until));
		events.publishEvent(new StayReleased(stayId, stay.personId(), form.destination(), home ? community : null, until));
		return stays.find(stayId).orElseThrow();
	}

	Stay visible(Viewer viewer, long stayId) {
		Stay stay = stays.find(stayId).orElseThrow(() -> Problem.notFound("Stay " + stayId));
		FacilityRow facility = facilities.find(stay.facilityId()).orElseThrow();
		if (!access.sees(viewer, facility.id(), facility.area())) {
			throw Problem.notFound("Stay " + stayId);
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
			throw Problem.conflict("stay-released", "This stay has ended.");
		}
		return stay;
	}

	/**
	 * The active stay of a family member whose room a new intake may share: in the same facility, with a rule that
	 * allows families, as does the new intake's. Locks the member's stay, then the room (the order a release takes).
	 */
	private Stay joinable(Viewer viewer, long facilityId, long memberId, String room, Rule rule) {
		Stay member = stays.lock(memberId)
			.filter(s -> s.facilityId() == facilityId && s.active())
			.orElseThrow(() -> Problem.invalid("family", "Stay " + memberId + " is not an active stay of this facility."));
		if (room != null && !room.isBlank() && !room.strip().equals(member.room())) {
			throw Problem.invalid("room", "A family member shares room " + member.room() + ".");
		}
		if (!rule.familyAllowed() || !categories.rule(member.ruleId()).familyAllowed()) {
			throw Problem.conflict("family-not-allowed", "The rules do not allow this family to share a room.");
		}
		if (facilities.lockRoom(member.roomId()).orElseThrow() != RoomStatus.OCCUPIED) {
			throw Problem.conflict("room-not-available", "Room " + member.room() + " is not occupied by the family.");
		}
		return member;
	}

	private long takeRoom(long facilityId, String number, Instant now) {
		if (number == null || number.isBlank()) {
			return facilities.occupyFirstAvailable(facilityId, now)
				.orElseThrow(() -> Problem.conflict("no-room-available", "No room of this facility is available."));
		}
		Room room = facilities.roomByNumber(facilityId, number.strip())
			.orElseThrow(() -> Problem.invalid("room", "Room " + number.strip() + " does not exist in this facility."));
		if (!facilities.occupy(room.id(), now)) {
			throw Problem.conflict("room-not-available", "Room " + room.number() + " is not available.");
		}
		return room.id();
	}

	private static Problem blocked(List<Missing> missing) {
		String first = missing.get(0).what();
		String type = switch (first) {
			case "DAYS" -> "release-not-due";
			case "NAT", "ANTIGEN" -> "release-missing-test";
			case "POSITIVE_RESULT" -> "release-positive-result";
			case "REGISTRATION" -> "release-registration-incomplete";
			case "OPEN_ANOMALY" -> "release-open-anomaly";
			case "HOME_CHECK" -> "home-check-missing";
			case "HOME_CHECK_FAILED" -> "home-check-failed";
			default -> "release-blocked";
		};
		List<FieldError> errors = missing.stream().map(m -> new FieldError(m.what(), describe(m))).toList();
		String detail = "The release is blocked: " + missing.stream().map(Stays::describe).collect(Collectors.joining("; "));
		return new Problem(HttpStatus.CONFLICT, type, "Release blocked", detail, errors);
	}

	static String describe(Missing m) {
		return switch (m.what()) {
			case "DAYS" -> m.day() + " more day(s) in the facility";
			case "NAT" -> "no negative nucleic-acid result for day " + m.day();
			case "ANTIGEN" -> "no negative antigen result for day " + m.day();
			case "POSITIVE_RESULT" -> "a positive test result";
			case "REGISTRATION" -> "registration incomplete";
			case "OPEN_ANOMALY" -> "an anomaly is still open";
			case "HOME_CHECK" -> "no home check yet";
			case "HOME_CHECK_FAILED" -> "the home check failed";
			case "TEMPERATURE" -> m.day() + " temperature reading(s) today";
			default -> m.what();
		};
	}

	private static String communityOf(String area) {
		return area == null || area.length() < 12 ? area : area.substring(0, 12);
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
