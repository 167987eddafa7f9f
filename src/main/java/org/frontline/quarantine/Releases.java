package org.frontline.quarantine;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.frontline.area.Areas;
import org.frontline.audit.AuditLog;
import org.frontline.quarantine.internal.AnomalyRepository;
import org.frontline.quarantine.internal.FacilityAccess;
import org.frontline.quarantine.internal.FacilityRepository;
import org.frontline.quarantine.internal.FacilityRepository.FacilityRow;
import org.frontline.quarantine.internal.ObservationRepository;
import org.frontline.quarantine.internal.StayRepository;
import org.frontline.quarantine.internal.StayRules;
import org.frontline.shared.Masking;
import org.frontline.shared.Message;
import org.frontline.shared.Problem;
import org.frontline.shared.Problem.FieldError;
import org.frontline.shared.Role;
import org.frontline.shared.Validation;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.shared.Workplace;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Releases: who is due and what is missing, the community's home check, and the release itself, which needs the
 * rule's days over, the required tests negative and, for a home destination, a passed home check, and leaves the room
 * awaiting disinfection.
 */
@Service
public class Releases {

	private final StayRepository stays;

	private final Stays stayService;

	private final FacilityRepository facilities;

	private final ObservationRepository observations;

	private final AnomalyRepository anomalies;

	private final FacilityAccess access;

	private final Categories categories;

	private final Areas areas;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Validation validation;

	private final Clock clock;

	Releases(StayRepository stays, Stays stayService, FacilityRepository facilities,
			ObservationRepository observations, AnomalyRepository anomalies, FacilityAccess access,
			Categories categories, Areas areas, AuditLog auditLog, ApplicationEventPublisher events, Validation validation, Clock clock) {
		this.stays = stays;
		this.stayService = stayService;
		this.facilities = facilities;
		this.observations = observations;
		this.anomalies = anomalies;
		this.access = access;
		this.categories = categories;
		this.areas = areas;
		this.auditLog = auditLog;
		this.events = events;
		this.validation = validation;
		this.clock = clock;
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
		Stay stay = stays.lock(stayId).orElseThrow(() -> Problem.notFound("quarantine.stay.not-found", stayId));
		boolean community = viewer.has(Role.COMMUNITY_WORKER) && stay.community() != null && viewer.covers(stay.community())
				&& viewer.place(Workplace.FACILITY) == null;
		if (!community) {
			FacilityRow facility = facilities.find(stay.facilityId()).orElseThrow();
			if (!viewer.hasAny(Stays.STAFF) || !access.sees(viewer, facility.id(), facility.area())) {
				throw Problem.notFound("quarantine.stay.not-found", stayId);
			}
		}
		if (!stay.active()) {
			throw Problem.conflict("stay-released", "quarantine.stay.ended");
		}
		validation.check(check);
		String result = check.result().strip().toUpperCase(Locale.ROOT);
		String inspector = check.inspector().strip();
		String note = Validation.optional(check.note());
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
		Viewer viewer = Viewers.requireAny(Stays.STAFF);
		Stay stay = stayService.lockedVisible(viewer, stayId);
		if (!stay.active()) {
			throw Problem.conflict("stay-released", "quarantine.stay.ended");
		}
		List<FieldError> errors = new ArrayList<>(validation.errors(form));
		boolean home = form.destination() == Destination.HOME;
		String address = Validation.optional(form.address());
		if (home && address == null) {
			errors.add(new FieldError("address", "problem.constraint.NotBlank", Message.of("field.ReleaseForm.address")));
		}
		String community = Validation.optional(form.community());
		if (home && community == null) {
			community = stay.community();
		}
		if (home && (community == null || community.length() < 12 || areas.find(community).isEmpty())) {
			errors.add(new FieldError("community", "quarantine.release.community"));
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
			throw Problem.conflict("stay-released", "quarantine.stay.ended");
		}
		facilities.lockRoom(stay.roomId());
		if (stays.activeInRoom(stay.roomId()) == 0
				&& !facilities.move(stay.roomId(), RoomStatus.OCCUPIED, RoomStatus.AWAITING_DISINFECTION, now)) {
			throw Problem.conflict("room-status", "quarantine.room.not-occupied", stay.room());
		}
		auditLog.record("STAY_RELEASE", "quarantine_stay", stayId, form.destination() + (until == null ? "" : " until " + until));
		events.publishEvent(new StayReleased(stayId, stay.personId(), form.destination(), home ? community : null, until));
		return stays.find(stayId).orElseThrow();
	}

	private static Problem blocked(List<Missing> missing) {
		String type = switch (missing.get(0).what()) {
			case DAYS -> "release-not-due";
			case NAT, ANTIGEN -> "release-missing-test";
			case POSITIVE_RESULT -> "release-positive-result";
			case REGISTRATION -> "release-registration-incomplete";
			case OPEN_ANOMALY -> "release-open-anomaly";
			case HOME_CHECK -> "home-check-missing";
			case HOME_CHECK_FAILED -> "home-check-failed";
			case TEMPERATURE -> "release-blocked";
		};
		List<FieldError> errors = missing.stream()
			.map(m -> new FieldError(m.what().name(), "quarantine.missing." + m.what().name(), m.day()))
			.toList();
		Message items = null;
		for (Missing m : missing) {
			Message item = Message.of("quarantine.missing." + m.what().name(), m.day());
			items = items == null ? item : Message.of("quarantine.release.blocked.and", items, item);
		}
		return Problem.conflict(type, "quarantine.release.blocked", items)
			.titled("quarantine.release.blocked.title")
			.withErrors(errors);
	}
}
