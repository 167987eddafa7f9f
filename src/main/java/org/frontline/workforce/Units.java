package org.frontline.workforce;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.frontline.audit.AuditLog;
import org.frontline.shared.AreaCodes;
import org.frontline.shared.Problem;
import org.frontline.shared.Validation;
import org.frontline.shared.Viewer;
import org.frontline.workforce.internal.DeploymentRepository;
import org.frontline.workforce.internal.StaffingQueries;
import org.frontline.workforce.internal.UnitRepository;
import org.frontline.workforce.internal.WorkerRepository;
import org.frontline.workforce.internal.WorkforceAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The units that send cadres. A coordinator limited to a unit sees that unit only: its cadres, where each is deployed
 * today and their hours this week (from Monday, in the district's time zone).
 */
@Service
public class Units {

	private final UnitRepository repository;

	private final WorkerRepository workers;

	private final DeploymentRepository deployments;

	private final StaffingQueries staffing;

	private final WorkforceAccess access;

	private final Validation validation;

	private final AuditLog auditLog;

	private final Clock clock;

	Units(UnitRepository repository, WorkerRepository workers, DeploymentRepository deployments,
			StaffingQueries staffing, WorkforceAccess access, Validation validation, AuditLog auditLog, Clock clock) {
		this.repository = repository;
		this.workers = workers;
		this.deployments = deployments;
		this.staffing = staffing;
		this.access = access;
		this.validation = validation;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** A cadre of a unit as its page shows them: masked, where they are deployed today, minutes worked this week. */
	public record Cadre(Worker worker, Deployment deployment, long minutesThisWeek) {
	}

	/** A unit's page: the unit, the week it counts hours for, and its workers. */
	public record UnitPage(Unit unit, LocalDate weekFrom, LocalDate today, List<Cadre> cadres) {
	}

	@Transactional
	public Unit create(NewUnit form) {
		Viewer viewer = access.manager();
		if (WorkforceAccess.unitOf(viewer) != null) {
			throw Problem.forbidden("workforce.units.area-only");
		}
		validation.check(form);
		String area = form.area() == null || form.area().isBlank() ? viewer.scopeArea() : form.area().strip();
		if (!AreaCodes.wellFormed(area) || !viewer.covers(area)) {
			throw Problem.invalid("area", "workforce.area.outside-scope", area);
		}
		String name = form.name().strip();
		if (repository.idByName(name).isPresent()) {
			throw Problem.conflict("duplicate-unit", "workforce.unit.duplicate", name);
		}
		long id = repository.insert(name, area);
		auditLog.record("UNIT_CREATE", "workforce_unit", id, name);
		return repository.find(id).orElseThrow();
	}

	/** The units the viewer sees: their own, or those inside their area. */
	@Transactional(readOnly = true)
	public List<Unit> list() {
		Viewer viewer = access.reader();
		Long own = WorkforceAccess.unitOf(viewer);
		if (own != null) {
			return repository.find(own).map(List::of).orElse(List.of());
		}
		return repository.inside(viewer.scopeLow(), viewer.scopeHigh());
	}

	@Transactional(readOnly = true)
	public Unit get(long id) {
		return visible(access.reader(), id);
	}

	/** The unit's cadres, where each is today and their hours this week. */
	@Transactional(readOnly = true)
	public UnitPage page(long id) {
		Viewer viewer = access.reader();
		Unit unit = visible(viewer, id);
		ZoneId zone = clock.getZone();
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, zone);
		LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		Map<Long, Deployment> where = new HashMap<>();
		deployments.ofUnitOn(id, today).forEach(d -> where.putIfAbsent(d.workerId(), d));
		Map<Long, Long> minutes = staffing.minutesOfUnit(id, monday.atStartOfDay(zone).toInstant(),
				today.plusDays(1).atStartOfDay(zone).toInstant(), now);
		List<Cadre> cadres = new ArrayList<>();
		for (Worker worker : workers.ofUnit(id)) {
			cadres.add(new Cadre(worker.masked(), where.get(worker.id()), minutes.getOrDefault(worker.id(), 0L)));
		}
		return new UnitPage(unit, monday, today, cadres);
	}

	private Unit visible(Viewer viewer, long id) {
		Long own = WorkforceAccess.unitOf(viewer);
		return repository.find(id)
			.filter(u -> own == null ? viewer.covers(u.area()) || AreaCodes.contains(u.area(), viewer.scopeArea())
					: own == u.id())
			.orElseThrow(() -> Problem.notFound("workforce.unit.not-found", id));
	}
}
