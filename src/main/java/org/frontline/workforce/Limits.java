package org.frontline.workforce;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.frontline.audit.AuditLog;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Validation;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.workforce.ShiftLimits.KindHours;
import org.frontline.workforce.internal.LimitsRepository;
import org.frontline.workforce.internal.WorkforceAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The limits of a safe shift, versioned: who set which version, when, and from when it applies; shifts keep the
 * version in force when they were planned. And the days with a heat warning, on which continuous work in a protective
 * suit is limited further.
 */
@Service
public class Limits {

	private static final Role[] SETTERS = { Role.ADMIN, Role.COMMANDER };

	private final LimitsRepository repository;

	private final WorkforceAccess access;

	private final Validation validation;

	private final AuditLog auditLog;

	private final Clock clock;

	Limits(LimitsRepository repository, WorkforceAccess access, Validation validation, AuditLog auditLog, Clock clock) {
		this.repository = repository;
		this.access = access;
		this.validation = validation;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** A heat-warning day and who declared it. */
	public record HeatDay(LocalDate day, String note, String declaredBy) {
	}

	/** A heat warning to declare for a day. */
	public record NewHeatDay(@NotNull LocalDate day, @Size(max = 200) String note) {
	}

	/** The version in force now. */
	@Transactional(readOnly = true)
	public ShiftLimits current() {
		access.reader();
		return repository.inForce(clock.instant()).orElseThrow();
	}

	/** Every version, newest first. */
	@Transactional(readOnly = true)
	public List<ShiftLimits> versions() {
		access.reader();
		return repository.all();
	}

	/** Publishes a new version; kinds it leaves out keep the hours of the version in force. */
	@Transactional
	public ShiftLimits add(NewShiftLimits form) {
		Viewer viewer = Viewers.requireAny(SETTERS);
		validation.check(form);
		Instant now = clock.instant();
		Instant from = form.effectiveFrom() == null ? now : form.effectiveFrom();
		if (from.isBefore(now.minusSeconds(60))) {
			throw Problem.invalid("effectiveFrom", "workforce.limits.in-the-past");
		}
		if (form.heatSuitMinutes() > form.suitMinutes()) {
			throw Problem.invalid("heatSuitMinutes", "workforce.limits.heat-above-suit");
		}
		repository.lockVersions();
		ShiftLimits inForce = repository.inForce(from).orElseThrow();
		Map<WorkerKind, KindHours> kinds = new EnumMap<>(WorkerKind.class);
		for (WorkerKind kind : WorkerKind.values()) {
			NewShiftLimits.Hours given = form.kinds() == null ? null : form.kinds().get(kind);
			kinds.put(kind, given == null ? inForce.hoursOf(kind) : new KindHours(given.dayMinutes(), given.weekMinutes()));
			if (kinds.get(kind).weekMinutes() < kinds.get(kind).dayMinutes()) {
				throw Problem.invalid("kinds." + kind.name() + ".weekMinutes", "workforce.limits.week-below-day");
			}
		}
		long id = repository.insert(from, form.restMinutes(), form.suitMinutes(), form.heatSuitMinutes(),
				form.testMaxAgeMinutes(), kinds, form.note() == null || form.note().isBlank() ? null : form.note().strip(),
				viewer.username(), now);
		auditLog.record("LIMITS_ADD", "workforce_limits", id, form.note());
		return repository.find(id).orElseThrow();
	}

	/** Declares a heat warning for a day (declaring it again changes nothing). */
	@Transactional
	public List<HeatDay> declareHeatDay(NewHeatDay form) {
		Viewer viewer = access.manager();
		validation.check(form);
		if (repository.declareHeatDay(form.day(), form.note() == null || form.note().isBlank() ? null
				: form.note().strip(), viewer.username())) {
			auditLog.record("HEAT_DAY", "workforce_heat_day", form.day().toString(), form.note());
		}
		return heatDays();
	}

	/** The heat-warning days from a week ago on. */
	@Transactional(readOnly = true)
	public List<HeatDay> heatDays() {
		access.reader();
		return repository.heatDaysFrom(LocalDate.now(clock).minusDays(7))
			.stream()
			.map(r -> new HeatDay((LocalDate) r[0], (String) r[1], (String) r[2]))
			.toList();
	}
}
