package org.frontline.workforce;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.frontline.area.Area;
import org.frontline.area.AreaLevel;
import org.frontline.area.Areas;
import org.frontline.audit.AuditLog;
import org.frontline.people.IdType;
import org.frontline.people.ImportReport;
import org.frontline.people.ImportReport.RowError;
import org.frontline.people.Residents;
import org.frontline.security.AttemptLimit;
import org.frontline.security.Attempts;
import org.frontline.shared.AreaCodes;
import org.frontline.shared.Message;
import org.frontline.shared.MobileNumber;
import org.frontline.shared.Page;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Validation;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.testing.LatestResult;
import org.frontline.testing.Outcome;
import org.frontline.testing.Results;
import org.frontline.workforce.internal.TestRepository;
import org.frontline.workforce.internal.UnitRepository;
import org.frontline.workforce.internal.WorkerFile;
import org.frontline.workforce.internal.WorkerRepository;
import org.frontline.workforce.internal.WorkerRepository.Filter;
import org.frontline.workforce.internal.WorkerRepository.Merged;
import org.frontline.workforce.internal.WorkerRepository.WorkerRow;
import org.frontline.workforce.internal.WorkerRules;
import org.frontline.workforce.internal.WorkforceAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people on the front line. Registered one by one or from a unit's file (cadres), or signing themselves up on the
 * public page (volunteers, who wait for their community's approval). A worker who is a resident is linked to the
 * resident record. Lists are masked and bounded by the viewer's reach; a full record is read by {@link #get(long)},
 * and audited.
 */
@Service
public class Workers {

	private static final int MAX_PAGE = 500;

	private final WorkerRepository repository;

	private final UnitRepository units;

	private final TestRepository tests;

	private final WorkforceAccess access;

	private final Residents residents;

	private final Results results;

	private final Areas areas;

	private final Attempts attempts;

	private final Validation validation;

	private final AuditLog auditLog;

	private final Clock clock;

	Workers(WorkerRepository repository, UnitRepository units, TestRepository tests, WorkforceAccess access,
			Residents residents, Results results, Areas areas, Attempts attempts, Validation validation,
			AuditLog auditLog, Clock clock) {
		this.repository = repository;
		this.units = units;
		this.tests = tests;
		this.access = access;
		this.residents = residents;
		this.results = results;
		this.areas = areas;
		this.attempts = attempts;
		this.validation = validation;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** Registers a worker; a coordinator of a unit registers cadres of their unit only. */
	@Transactional
	public Worker register(NewWorker form) {
		Viewer viewer = access.manager();
		validation.check(form);
		Long unit = WorkforceAccess.unitOf(viewer);
		if (unit != null && !unit.equals(form.unit())) {
			throw Problem.invalid("unit", "workforce.worker.own-unit-only");
		}
		WorkerRules.Checked checked = WorkerRules.check(form, this::unitArea, this::areaExists, viewer::covers,
				viewer.scopeArea(), LocalDate.now(clock));
		if (!checked.valid()) {
			throw Problem.invalid(checked.errors());
		}
		WorkerRow row = checked.row();
		repository.idOf(row.idType(), row.idNumber()).ifPresent(existing -> {
			throw Problem.conflict("duplicate-worker", "workforce.worker.duplicate", row.idType(),
					row.idNumber().substring(0, Math.min(6, row.idNumber().length())));
		});
		if (row.account() != null && repository.accountTaken(row.account(), null)) {
			throw Problem.conflict("account-taken", "workforce.account.taken", row.account());
		}
		long id = repository.insert(linked(row), clock.instant());
		auditLog.record("WORKER_CREATE", "workforce_worker", id, row.kind().name());
		return repository.find(id).orElseThrow();
	}

	/**
	 * Imports a unit's list (CSV or XLSX): valid rows are stored (new workers inserted, changed ones updated, their
	 * status kept), every invalid row is reported with its line and reason; the same file again changes nothing.
	 */
	@Transactional
	public ImportReport importFile(byte[] file) {
		Viewer viewer = access.manager();
		WorkerFile.Parsed parsed = WorkerFile.parse(file);
		ImportReport report = importLines(parsed, viewer);
		auditLog.record("WORKER_IMPORT", "workforce_worker", null, "rows=%d inserted=%d updated=%d rejected=%d"
			.formatted(report.rows(), report.inserted(), report.updated(), report.rejected()));
		return report;
	}

	/** Generated workers as loaded: the import's report and their ids by document number. */
	public record Loaded(ImportReport report, Map<String, Long> ids) {
	}

	/**
	 * Loads generated workers (the demo district, a bench) through the same rules as an import, with no caller; all
	 * of one document type.
	 */
	@Transactional
	public Loaded load(List<NewWorker> forms, String scopeArea) {
		List<WorkerFile.Line> lines = new ArrayList<>(forms.size());
		for (int i = 0; i < forms.size(); i++) {
			lines.add(new WorkerFile.Line(i + 1, forms.get(i), null, null));
		}
		Viewer system = new Viewer(0, "demo", Set.of(Role.ADMIN), scopeArea);
		ImportReport report = importLines(new WorkerFile.Parsed("generated", lines), system);
		IdType type = forms.isEmpty() || forms.get(0).idType() == null ? IdType.RESIDENT_ID : forms.get(0).idType();
		return new Loaded(report, repository.idsOf(type, forms.stream().map(NewWorker::idNumber).toList()));
	}

	private ImportReport importLines(WorkerFile.Parsed parsed, Viewer viewer) {
		Long ownUnit = WorkforceAccess.unitOf(viewer);
		Map<String, Optional<Long>> unitIds = new HashMap<>();
		Set<String> knownAreas = new HashSet<>();
		areas.inside(viewer.scopeArea()).forEach(a -> knownAreas.add(a.code()));
		List<RowError> errors = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		List<WorkerRow> rows = new ArrayList<>();
		for (WorkerFile.Line line : parsed.lines()) {
			if (line.error() != null) {
				errors.add(line.error());
				continue;
			}
			NewWorker form = line.form();
			if (line.unitName() != null) {
				Optional<Long> unit = unitIds.computeIfAbsent(line.unitName(), units::idByName);
				if (unit.isEmpty()) {
					errors.add(new RowError(line.number(), "unit", Message.of("workforce.import.unknown-unit",
							line.unitName().length() > 40 ? line.unitName().substring(0, 40) : line.unitName())));
					continue;
				}
				form = withUnit(form, unit.get());
			}
			else if (ownUnit != null || form.unit() != null) {
				form = withUnit(form, form.unit() != null ? form.unit() : ownUnit);
			}
			if (ownUnit != null && !ownUnit.equals(form.unit())) {
				errors.add(new RowError(line.number(), "unit", Message.of("workforce.worker.own-unit-only")));
				continue;
			}
			List<Problem.FieldError> invalid = validation.errors(form);
			WorkerRules.Checked checked = invalid.isEmpty() ? WorkerRules.check(form, this::unitArea,
					code -> knownAreas.contains(code) || areaExists(code), viewer::covers, viewer.scopeArea(), LocalDate.now(clock))
					: new WorkerRules.Checked(null, invalid);
			if (!checked.valid()) {
				checked.errors().forEach(e -> errors.add(new RowError(line.number(), e.field(), e.message())));
				continue;
			}
			WorkerRow row = checked.row();
			Integer first = seen.putIfAbsent(row.idType() + ":" + row.idNumber(), line.number());
			if (first != null) {
				errors.add(new RowError(line.number(), "idNumber", Message.of("workforce.import.same-document", first)));
				continue;
			}
			rows.add(row);
		}
		rows = linked(rows);
		Merged merged = new Merged(0, 0);
		for (int from = 0; from < rows.size(); from += 5_000) {
			Merged part = repository.merge(rows.subList(from, Math.min(rows.size(), from + 5_000)), clock.instant());
			merged = new Merged(merged.inserted() + part.inserted(), merged.updated() + part.updated());
		}
		errors.sort(Comparator.comparingInt(RowError::line));
		int rejected = (int) errors.stream().mapToInt(RowError::line).distinct().count();
		return new ImportReport(parsed.lines().size(), merged.inserted(), merged.updated(),
				rows.size() - merged.inserted() - merged.updated(), rejected, parsed.encoding(), errors);
	}

	private static NewWorker withUnit(NewWorker form, Long unit) {
		return new NewWorker(form.name(), form.idType(), form.idNumber(), form.phone(), form.kind(), unit,
				form.skills(), form.canSample(), form.licence(), form.status(), form.area(), form.account(),
				form.availability());
	}

	/** Workers in the viewer's reach, masked, a page at a time. */
	@Transactional(readOnly = true)
	public Page<Worker> search(WorkerQuery query) {
		Viewer viewer = access.reader();
		String low = null;
		String high = null;
		if (query.area() != null && !query.area().isBlank()) {
			String area = query.area().strip();
			if (!AreaCodes.wellFormed(area) || !viewer.covers(area)) {
				throw Problem.notFound("area.not-found", area.length() > 15 ? area.substring(0, 15) : area);
			}
			low = AreaCodes.prefix(area);
			high = AreaCodes.upperBound(low);
		}
		String text = query.text() == null || query.text().isBlank() ? null : query.text().strip();
		String name = null;
		String idNumber = null;
		String phone = null;
		if (text != null) {
			if (MobileNumber.isValid(text)) {
				phone = text;
			}
			else if (text.matches("[0-9A-Za-z]{5,}")) {
				idNumber = text.toUpperCase();
			}
			else {
				name = text.length() > 50 ? text.substring(0, 50) : text;
			}
		}
		int size = Math.max(1, Math.min(query.size() <= 0 ? 50 : query.size(), MAX_PAGE));
		int page = Math.max(0, Math.min(query.page(), 10_000));
		Filter filter = new Filter(low, high, query.unit(), query.kind(), query.status(),
				name, idNumber, phone, size, (long) page * size);
		var reach = access.reach(viewer);
		List<Worker> items = repository.search(reach, filter).stream().map(Worker::masked).toList();
		return new Page<>(items, repository.count(reach, filter));
	}

	/** The full record of a worker in the viewer's reach (or the viewer's own); the read is audited. */
	@Transactional
	public Worker get(long id) {
		Viewer viewer = Viewers.require();
		Worker worker = access.visible(viewer, id);
		auditLog.record("WORKER_READ", "workforce_worker", id, null);
		return worker;
	}

	/** A worker in the viewer's reach, masked and without an audit row: for lists, rosters and confirmations. */
	@Transactional(readOnly = true)
	public Worker summary(long id) {
		return access.visible(Viewers.require(), id).masked();
	}

	/** The worker the viewer signs in as, if their account is on a worker record. */
	@Transactional(readOnly = true)
	public Optional<Worker> mine() {
		return repository.byAccount(Viewers.require().username());
	}

	/** Marks a worker sick, resting, released or active again; sick and released workers get no more shifts. */
	@Transactional
	public Worker setStatus(long id, WorkerStatus status) {
		Viewer viewer = access.manager();
		Worker worker = access.visible(viewer, id);
		if (!access.manages(viewer, worker)) {
			throw WorkforceAccess.notFound(id);
		}
		if (status == null || status == WorkerStatus.PENDING) {
			throw Problem.invalid("status", "workforce.worker.status-invalid");
		}
		repository.setStatus(id, status, clock.instant());
		auditLog.record("WORKER_STATUS", "workforce_worker", id, status.name());
		return repository.find(id).orElseThrow();
	}

	/** Records a test the worker had elsewhere; the same test posted again is stored once. */
	@Transactional
	public List<WorkerTest> recordTest(long id, NewWorkerTest test) {
		Viewer viewer = access.manager();
		Worker worker = access.visible(viewer, id);
		validation.check(test);
		if (test.outcome() == Outcome.INVALID) {
			throw Problem.invalid("outcome", "workforce.test.outcome");
		}
		Instant now = clock.instant();
		if (test.at().isAfter(now.plus(Duration.ofMinutes(10))) || test.at().isBefore(now.minus(Duration.ofDays(365)))) {
			throw Problem.invalid("at", "workforce.test.time");
		}
		if (tests.insert(worker.id(), test.at(), test.outcome(), test.kind(), viewer.username(), now)) {
			auditLog.record("WORKER_TEST", "workforce_worker", id, test.kind() + " " + test.outcome());
		}
		return tests(worker);
	}

	/** A worker's tests: recorded ones and, for a resident, their latest result in a testing round, newest first. */
	@Transactional(readOnly = true)
	public List<WorkerTest> tests(long id) {
		return tests(access.visible(Viewers.require(), id));
	}

	private List<WorkerTest> tests(Worker worker) {
		List<WorkerTest> all = new ArrayList<>(tests.of(worker.id()));
		if (worker.personId() != null) {
			LatestResult round = results.latest(List.of(worker.personId())).get(worker.personId());
			if (round != null) {
				all.add(new WorkerTest(round.sampledAt(), round.outcome(), TestKind.PCR, true));
			}
		}
		all.sort(Comparator.comparing(WorkerTest::at).reversed());
		return all;
	}

	/**
	 * A volunteer signs themselves up on the public page: they land as {@code PENDING} for their community to approve.
	 * Whatever the document, the answer is the same (nothing is told about who else is registered); a known document
	 * changes nothing. Limited per source address.
	 */
	@Transactional
	public void signUp(String client, VolunteerSignUp form) {
		Instant now = clock.instant();
		List<AttemptLimit> limits = List.of(
				new AttemptLimit("volunteer:address:" + client, 5, Duration.ofMinutes(1), Duration.ofHours(1),
						Duration.ofHours(6), false),
				new AttemptLimit("volunteer:minute:" + now.getEpochSecond() / 60, 300, Duration.ofMinutes(1),
						Duration.ofMinutes(1), Duration.ofMinutes(2), false));
		Optional<Duration> wait = attempts.reserve(now, limits);
		if (wait.isPresent()) {
			// Rounded up: "try again in 1 minute" with 1 min 59 s to wait would be refused again.
			long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
			throw Problem.tooManyRequests("too-many-sign-ups", "workforce.signup.too-many", (int) seconds,
					(seconds + 59) / 60);
		}
		validation.check(form);
		Optional<Area> community = areas.find(form.community().strip());
		List<Problem.FieldError> errors = new ArrayList<>();
		if (community.isEmpty() || community.get().level() != AreaLevel.COMMUNITY) {
			errors.add(new Problem.FieldError("community", "workforce.signup.community"));
		}
		NewWorker worker = new NewWorker(form.name(), IdType.RESIDENT_ID, form.idNumber(), form.phone(),
				WorkerKind.VOLUNTEER, null, form.skills(), false, null, WorkerStatus.PENDING, form.community(), null,
				form.availability());
		WorkerRules.Checked checked = WorkerRules.check(worker, this::unitArea, this::areaExists, code -> true, null, LocalDate.now(clock));
		errors.addAll(checked.errors().stream().filter(e -> !e.field().equals("area")).toList());
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		WorkerRow row = checked.row();
		if (repository.idOf(row.idType(), row.idNumber()).isEmpty()) {
			repository.insert(linked(row), now);
		}
	}

	/** Volunteers waiting for approval in the viewer's area. */
	@Transactional(readOnly = true)
	public List<Worker> pending() {
		Viewer viewer = approver();
		return repository.pending(viewer.scopeLow(), viewer.scopeHigh()).stream().map(Worker::masked).toList();
	}

	/** Approves a volunteer who signed up ({@code ACTIVE}) or turns them down ({@code RELEASED}). */
	@Transactional
	public Worker decide(long id, boolean approve) {
		Viewer viewer = approver();
		Worker worker = repository.lock(id)
			.filter(w -> w.status() == WorkerStatus.PENDING && viewer.covers(w.area()))
			.orElseThrow(() -> WorkforceAccess.notFound(id));
		WorkerStatus status = approve ? WorkerStatus.ACTIVE : WorkerStatus.RELEASED;
		repository.setStatus(worker.id(), status, clock.instant());
		auditLog.record(approve ? "VOLUNTEER_APPROVE" : "VOLUNTEER_REJECT", "workforce_worker", id, null);
		return repository.find(id).orElseThrow().masked();
	}

	private Viewer approver() {
		Viewer viewer = Viewers.requireAny(Role.ADMIN, Role.COMMANDER, Role.WORKFORCE_COORDINATOR, Role.COMMUNITY_WORKER);
		if (WorkforceAccess.unitOf(viewer) != null) {
			throw Problem.forbidden("workforce.volunteers.area-only");
		}
		return viewer;
	}

	private Optional<String> unitArea(Long unit) {
		return units.areaOf(unit);
	}

	private boolean areaExists(String code) {
		return areas.find(code).isPresent();
	}

	private WorkerRow linked(WorkerRow row) {
		return linked(List.of(row)).get(0);
	}

	/** The rows with the resident each is (by document), where there is one. */
	private List<WorkerRow> linked(List<WorkerRow> rows) {
		Map<IdType, List<String>> byType = new HashMap<>();
		rows.forEach(r -> byType.computeIfAbsent(r.idType(), k -> new ArrayList<>()).add(r.idNumber()));
		Map<String, Long> persons = new HashMap<>();
		byType.forEach((type, numbers) -> residents.idsOf(type, numbers)
			.forEach((number, person) -> persons.put(type + ":" + number, person)));
		return rows.stream()
			.map(r -> new WorkerRow(r.name(), r.idType(), r.idNumber(), r.phone(), r.kind(), r.unitId(), r.skills(),
					r.canSample(), r.licence(), r.status(), r.area(), persons.get(r.idType() + ":" + r.idNumber()),
					r.account(), r.availability()))
			.toList();
	}
}
