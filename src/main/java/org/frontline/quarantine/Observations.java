package org.frontline.quarantine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.frontline.audit.AuditLog;
import org.frontline.quarantine.internal.FacilityAccess;
import org.frontline.quarantine.internal.FacilityRepository;
import org.frontline.quarantine.internal.ObservationRepository;
import org.frontline.quarantine.internal.StayRepository;
import org.frontline.quarantine.internal.StayRules;
import org.frontline.shared.Problem;
import org.frontline.shared.Validation;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily observations (temperatures, symptoms, antigen and nucleic-acid tests) and the facility's day sheet. An
 * abnormal observation opens an anomaly in the same transaction.
 */
@Service
public class Observations {

	private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private final ObservationRepository observations;

	private final StayRepository stays;

	private final FacilityRepository facilities;

	private final FacilityAccess access;

	private final Stays stayService;

	private final Categories categories;

	private final Anomalies anomalies;

	private final AuditLog auditLog;

	private final Validation validation;

	private final Clock clock;

	private final Set<Symptom> alarming;

	private final int temperaturesPerDay;

	Observations(ObservationRepository observations, StayRepository stays, FacilityRepository facilities,
			FacilityAccess access, Stays stayService, Categories categories, Anomalies anomalies, AuditLog auditLog,
			Validation validation, Clock clock,
			@Value("${frontline.quarantine.alarm-symptoms:FEVER,SHORTNESS_OF_BREATH,LOSS_OF_TASTE_OR_SMELL,SORE_THROAT,COUGH}") Set<Symptom> alarming,
			@Value("${frontline.quarantine.temperatures-per-day:2}") int temperaturesPerDay) {
		this.observations = observations;
		this.validation = validation;
		this.stays = stays;
		this.facilities = facilities;
		this.access = access;
		this.stayService = stayService;
		this.categories = categories;
		this.anomalies = anomalies;
		this.auditLog = auditLog;
		this.clock = clock;
		this.alarming = Set.copyOf(alarming);
		this.temperaturesPerDay = temperaturesPerDay;
	}

	@Transactional
	public Observation record(long stayId, ObservationForm form) {
		Viewer viewer = Viewers.requireAny(Stays.STAFF);
		String requestId = Validation.optional(form.requestId());
		if (requestId != null) {
			var earlier = observations.byRequestId(requestId);
			if (earlier.isPresent()) {
				stayService.visible(viewer, earlier.get().stayId());
				return earlier.get();
			}
		}
		Stay stay = stayService.lockedVisible(viewer, stayId);
		if (!stay.active()) {
			throw Problem.conflict("stay-released", "quarantine.observation.released");
		}
		Instant now = clock.instant();
		Instant at = form.at() == null ? now : form.at();
		Problem.Errors errors = new Problem.Errors().addAll(validation.errors(form));
		if (at.isAfter(now.plus(CLOCK_SKEW))) {
			errors.add("at", "quarantine.observation.future");
		}
		if (at.isBefore(stay.admittedAt().minus(CLOCK_SKEW))) {
			errors.add("at", "quarantine.observation.before-intake");
		}
		boolean natSampled = Boolean.TRUE.equals(form.natSampled());
		List<Symptom> symptoms = form.symptoms() == null ? List.of()
				: form.symptoms().stream().filter(s -> s != null).distinct().toList();
		if (form.temperature() == null && symptoms.isEmpty() && form.antigen() == null && !natSampled
				&& form.natResult() == null && (form.note() == null || form.note().isBlank())) {
			errors.add("temperature", "quarantine.observation.empty");
		}
		errors.throwIfAny();
		String note = Validation.optional(form.note());
		LocalDate on = LocalDate.ofInstant(at, clock.getZone());
		long id = observations.insert(stayId, at, on, form.temperature(), symptoms, form.antigen(), natSampled,
				form.natResult(), note, viewer.username(), now, requestId);
		List<String> reasons = StayRules.anomalyReasons(form, alarming);
		if (!reasons.isEmpty()) {
			anomalies.open(stay, id, reasons, viewer.username());
		}
		auditLog.record("OBSERVATION_RECORD", "quarantine_stay", stayId, "observation " + id);
		return observations.find(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<Observation> ofStay(long stayId) {
		stayService.visible(access.reader(), stayId);
		return observations.ofStay(stayId);
	}

	/**
	 * The facility's day sheet: every room in order, with its stay (masked), the observations of that day and what is
	 * still missing that day.
	 */
	@Transactional(readOnly = true)
	public List<DayRow> daySheet(long facilityId, LocalDate date) {
		access.visible(access.reader(), facilityId);
		LocalDate day = date == null ? LocalDate.now(clock) : date;
		Map<Long, List<Stay>> byRoom = stays.active(facilityId).stream().collect(Collectors.groupingBy(Stay::roomId));
		Map<Long, List<Observation>> byStay = observations.ofFacilityOn(facilityId, day)
			.stream()
			.collect(Collectors.groupingBy(Observation::stayId));
		Map<Long, Rule> rules = new HashMap<>();
		List<DayRow> rows = new ArrayList<>();
		for (Room room : facilities.rooms(facilityId)) {
			List<Stay> inRoom = byRoom.getOrDefault(room.id(), List.of());
			if (inRoom.isEmpty()) {
				rows.add(new DayRow(room, null, 0, List.of(), List.of()));
			}
			for (Stay stay : inRoom) {
				Rule rule = rules.computeIfAbsent(stay.ruleId(), categories::rule);
				List<Observation> today = byStay.getOrDefault(stay.id(), List.of());
				rows.add(new DayRow(room, stay.masked(), stay.dayOn(day), today,
						StayRules.missingToday(stay, rule, today, day, temperaturesPerDay)));
			}
		}
		return rows;
	}

	public int temperaturesPerDay() {
		return temperaturesPerDay;
	}
}
