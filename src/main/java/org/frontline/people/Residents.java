package org.frontline.people;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.frontline.area.Area;
import org.frontline.area.AreaLevel;
import org.frontline.area.Areas;
import org.frontline.audit.AuditLog;
import org.frontline.people.ImportReport.RowError;
import org.frontline.people.internal.PersonRepository;
import org.frontline.people.internal.PersonRepository.Search;
import org.frontline.people.internal.PersonRepository.Upserted;
import org.frontline.people.internal.PersonRow;
import org.frontline.people.internal.PersonRules;
import org.frontline.people.internal.ResidentFile;
import org.frontline.security.AttemptLimit;
import org.frontline.security.Attempts;
import org.frontline.shared.AreaCodes;
import org.frontline.shared.Message;
import org.frontline.shared.MobileNumber;
import org.frontline.shared.Page;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The residents registry. Every read is bounded by the viewer's scope: a person outside it is not found, in a list,
 * a search or by id. Lists are masked; a full record is read only by {@link #get(long)}, and audited.
 */
@Service
public class Residents {

	static final Role[] READERS = { Role.ADMIN, Role.COMMANDER, Role.COMMUNITY_WORKER, Role.SITE_LEADER,
			Role.REGISTRAR, Role.FACILITY_STAFF };

	static final Role[] WRITERS = { Role.ADMIN, Role.COMMUNITY_WORKER };

	private static final int STAGE_CHUNK = 50_000;

	private static final String NOT_AVAILABLE = "people.document.not-available";

	private final PersonRepository repository;

	private final Areas areas;

	private final AuditLog auditLog;

	private final PlaceScope places;

	private final Attempts attempts;

	private final Clock clock;

	Residents(PersonRepository repository, Areas areas, AuditLog auditLog, PlaceScope places, Attempts attempts,
			Clock clock) {
		this.repository = repository;
		this.areas = areas;
		this.auditLog = auditLog;
		this.places = places;
		this.attempts = attempts;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Page<Person> search(PersonQuery query) {
		Viewer viewer = Viewers.requireAny(READERS);
		String area = query.area() == null || query.area().isBlank() ? viewer.scopeArea() : query.area().strip();
		areas.visible(viewer, area);
		String prefix = AreaCodes.prefix(area);
		String text = query.text() == null || query.text().isBlank() ? null : query.text().strip();
		String idNumber = null;
		String phone = null;
		String name = null;
		if (text != null) {
			if (MobileNumber.isValid(text)) {
				phone = text;
			}
			else if (text.matches("[0-9A-Za-z]{5,}")) {
				idNumber = text.toUpperCase();
			}
			else {
				name = text;
			}
		}
		int size = Math.max(1, Math.min(query.size() <= 0 ? 50 : query.size(), 500));
		int page = Math.max(0, query.page());
		Search search = new Search(prefix, AreaCodes.upperBound(prefix), name, idNumber, phone, query.tag(), size,
				(long) page * size, places.limit(viewer));
		List<Person> items = repository.search(search).stream().map(Person::masked).toList();
		return new Page<>(items, repository.count(search));
	}

	/** The full record of a person in the viewer's scope; the read is audited. */
	@Transactional
	public Person get(long id) {
		Viewer viewer = Viewers.requireAny(READERS);
		Person person = visible(viewer, id);
		auditLog.record("PERSON_READ", "person", id, null);
		return person;
	}

	/**
	 * The full record of a person about to be taken into a place the viewer staffs (a quarantine intake): bounded by
	 * the viewer's area but not by their place, whose people the person is not yet among; the read is audited.
	 */
	@Transactional
	public Person forIntake(long id) {
		Viewer viewer = Viewers.requireAny(Role.ADMIN, Role.FACILITY_STAFF);
		Person person = repository.find(id)
			.filter(found -> viewer.covers(found.area()))
			.orElseThrow(() -> Problem.notFound("people.person.not-found", id));
		auditLog.record("PERSON_READ", "person", id, "intake");
		return person;
	}

	/**
	 * The full records of those of these people in the viewer's scope (others are left out), in id order, for an
	 * export to a platform entitled to them; the read is audited as one row naming how many and which ids.
	 */
	@Transactional
	public List<Person> records(java.util.Collection<Long> ids) {
		Viewer viewer = Viewers.requireAny(Role.ADMIN, Role.COMMANDER);
		if (ids.isEmpty()) {
			return List.of();
		}
		List<Person> people = repository.findAll(ids, viewer.scopeLow(), viewer.scopeHigh());
		if (!people.isEmpty()) {
			auditLog.record("PERSON_EXPORT", "person", null, "%d records, ids %d..%d".formatted(people.size(),
					people.get(0).id(), people.get(people.size() - 1).id()));
		}
		return people;
	}

	/** A person in the viewer's scope, masked and without an audit row: for lists and confirmations. */
	@Transactional(readOnly = true)
	public Person summary(long id) {
		return visible(Viewers.requireAny(READERS), id).masked();
	}

	@Transactional
	public Person register(PersonForm form) {
		Viewer viewer = Viewers.requireAny(WRITERS);
		PersonRow row = checked(form, viewer);
		repository.idOf(row.idType(), row.idNumber()).ifPresent(existing -> {
			throw taken(viewer, existing, row);
		});
		long id = repository.insert(row);
		auditLog.record("PERSON_CREATE", "person", id, null);
		return repository.find(id).orElseThrow();
	}

	@Transactional
	public Person update(long id, PersonForm form) {
		Viewer viewer = Viewers.requireAny(WRITERS);
		visible(viewer, id);
		PersonRow row = checked(form, viewer);
		repository.idOf(row.idType(), row.idNumber()).filter(other -> other != id).ifPresent(other -> {
			throw taken(viewer, other, row);
		});
		repository.update(id, row);
		auditLog.record("PERSON_UPDATE", "person", id, null);
		return repository.find(id).orElseThrow();
	}

	/**
	 * Imports a CSV file: valid rows are stored (new people inserted, changed ones updated), every invalid row is
	 * reported with its line and reason. Importing the same file again changes nothing.
	 */
	@Transactional
	public ImportReport importCsv(byte[] file) {
		Viewer viewer = Viewers.requireAny(WRITERS);
		ResidentFile.Parsed parsed = ResidentFile.parse(file);
		ImportReport report = importLines(parsed.lines(), parsed.encoding(), viewer.scopeArea());
		long elsewhere = report.errors()
			.stream()
			.filter(error -> error.reason() != null && NOT_AVAILABLE.equals(error.reason().key()))
			.count();
		if (elsewhere > 0) {
			documentsElsewhere(viewer, (int) elsewhere, "import");
		}
		auditLog.record("PERSON_IMPORT", "person", null, "rows=%d inserted=%d updated=%d rejected=%d"
			.formatted(report.rows(), report.inserted(), report.updated(), report.rejected()));
		return report;
	}

	/** Loads generated people (the demo district) through the same rules as an import, with no caller. */
	@Transactional
	public ImportReport load(List<PersonForm> forms, String scopeArea) {
		List<ResidentFile.Line> lines = new ArrayList<>(forms.size());
		for (int i = 0; i < forms.size(); i++) {
			lines.add(new ResidentFile.Line(i + 1, forms.get(i), null));
		}
		return importLines(lines, "generated", scopeArea);
	}

	/**
	 * Brings people onto another module's roster (a closed-loop enterprise's staff) by their identity document: a
	 * person already registered is found and left as they are; a newcomer is checked by the same rules as a
	 * registration and registered in the compound given. Set-based, for thousands of rows at once. The calling module
	 * decides who may do this, so no viewer is checked; the answer carries ids only.
	 */
	@Transactional
	public List<Enrolment> enrol(List<PersonForm> forms) {
		List<Enrolment> answers = new ArrayList<>(java.util.Collections.nCopies(forms.size(), null));
		List<PersonRow> rows = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (int i = 0; i < forms.size(); i++) {
			PersonRules.Checked checked = PersonRules.check(i + 1, forms.get(i), areas::isCompound, code -> true, LocalDate.now(clock));
			if (!checked.valid()) {
				answers.set(i, new Enrolment(null, false, checked.errors()));
				continue;
			}
			if (seen.putIfAbsent(checked.row().idType() + ":" + checked.row().idNumber(), i + 1) == null) {
				rows.add(checked.row());
			}
		}
		Map<String, Long> before = new HashMap<>();
		Map<String, Long> after = new HashMap<>();
		for (int from = 0; from < rows.size(); from += STAGE_CHUNK) {
			repository.stage(rows.subList(from, Math.min(rows.size(), from + STAGE_CHUNK)));
			before.putAll(repository.stagedIds());
			repository.insertStagedNew();
			after.putAll(repository.stagedIds());
			repository.clearStaged();
		}
		int registered = 0;
		for (int i = 0; i < forms.size(); i++) {
			if (answers.get(i) != null) {
				continue;
			}
			PersonRow row = PersonRules.check(i + 1, forms.get(i), areas::isCompound, code -> true, LocalDate.now(clock)).row();
			String key = row.idType() + ":" + row.idNumber();
			boolean isNew = !before.containsKey(key) && seen.get(key) == i + 1;
			registered += isNew ? 1 : 0;
			answers.set(i, new Enrolment(after.get(key), isNew, List.of()));
		}
		if (registered > 0) {
			auditLog.record("PERSON_CREATE", "person", null, "enrolled=" + registered);
		}
		return answers;
	}

	/** Residents per area for every area inside the viewer's scope (rolled up the hierarchy). */
	@Transactional(readOnly = true)
	public Map<String, Long> countsByArea(String areaCode) {
		Viewer viewer = Viewers.requireAny(READERS);
		Area root = areas.visible(viewer, areaCode);
		String prefix = AreaCodes.prefix(root.code());
		Map<String, Long> byCompound = repository.countByCompound(prefix, AreaCodes.upperBound(prefix));
		Map<String, Long> counts = new HashMap<>();
		for (Area area : areas.inside(root.code())) {
			String p = AreaCodes.prefix(area.code());
			counts.put(area.code(), byCompound.entrySet()
				.stream()
				.filter(e -> e.getKey().startsWith(p))
				.mapToLong(Map.Entry::getValue)
				.sum());
		}
		return counts;
	}

	/**
	 * The ids of the residents registered with these documents of one type, by document number: for a module that
	 * links its own record to the resident (a worker who lives in the district) instead of keeping a copy. Nothing
	 * but the id is answered, so nothing is audited.
	 */
	@Transactional(readOnly = true)
	public Map<String, Long> idsOf(IdType type, Collection<String> numbers) {
		return numbers.isEmpty() ? Map.of() : repository.idsOf(type, numbers);
	}

	private ImportReport importLines(List<ResidentFile.Line> lines, String encoding, String scopeArea) {
		String prefix = AreaCodes.prefix(scopeArea);
		Set<String> compounds = new HashSet<>();
		areas.inside(scopeArea)
			.stream()
			.filter(a -> a.level() == AreaLevel.COMPOUND)
			.forEach(a -> compounds.add(a.code()));
		Predicate<String> known = code -> compounds.contains(code) || areas.isCompound(code);
		Predicate<String> inScope = code -> code.startsWith(prefix);
		List<RowError> errors = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		List<PersonRow> rows = new ArrayList<>();
		LocalDate today = LocalDate.now(clock);
		for (ResidentFile.Line line : lines) {
			if (line.error() != null) {
				errors.add(line.error());
				continue;
			}
			PersonRules.Checked checked = PersonRules.check(line.number(), line.form(), known, inScope, today);
			if (!checked.valid()) {
				checked.errors().forEach(e -> errors.add(new RowError(line.number(), e.field(), e.message())));
				continue;
			}
			PersonRow row = checked.row();
			Integer first = seen.putIfAbsent(row.idType() + ":" + row.idNumber(), row.line());
			if (first != null) {
				errors.add(new RowError(row.line(), "idNumber", Message.of("people.import.same-document", first)));
				continue;
			}
			rows.add(row);
		}
		int inserted = 0;
		int updated = 0;
		int outside = 0;
		for (int from = 0; from < rows.size(); from += STAGE_CHUNK) {
			repository.stage(rows.subList(from, Math.min(rows.size(), from + STAGE_CHUNK)));
			List<Integer> foreign = repository.stagedOutside(prefix, AreaCodes.upperBound(prefix));
			for (Integer line : foreign) {
				errors.add(new RowError(line, "idNumber", Message.of(NOT_AVAILABLE)));
			}
			outside += foreign.size();
			repository.unstage(foreign);
			Upserted merged = repository.mergeStaged();
			inserted += merged.inserted();
			updated += merged.updated();
		}
		errors.sort((a, b) -> Integer.compare(a.line(), b.line()));
		int stored = rows.size() - outside;
		int rejected = (int) errors.stream().mapToInt(RowError::line).distinct().count();
		return new ImportReport(lines.size(), inserted, updated, stored - inserted - updated, rejected, encoding,
				errors);
	}

	private PersonRow checked(PersonForm form, Viewer viewer) {
		if (form.area() != null && AreaCodes.wellFormed(form.area().strip()) && !viewer.covers(form.area().strip())) {
			throw Problem.notFound("area.not-found", form.area().strip());
		}
		PersonRules.Checked checked = PersonRules.check(0, form, areas::isCompound, viewer::covers, LocalDate.now(clock));
		if (!checked.valid()) {
			throw Problem.invalid(checked.errors());
		}
		return checked.row();
	}

	private Person visible(Viewer viewer, long id) {
		return repository.find(id)
			.filter(person -> viewer.covers(person.area()) && places.sees(viewer, id))
			.orElseThrow(() -> Problem.notFound("people.person.not-found", id));
	}

	/**
	 * The answer to a document that is registered already: a duplicate when the viewer sees that person, else one that
	 * tells nothing of the other record (it lies outside the viewer's area), audited and limited.
	 */
	private Problem taken(Viewer viewer, long existing, PersonRow row) {
		if (repository.find(existing).filter(p -> viewer.covers(p.area()) && places.sees(viewer, existing)).isPresent()) {
			return duplicate(row);
		}
		documentsElsewhere(viewer, 1, "registration");
		return Problem.conflict("document-not-available", NOT_AVAILABLE);
	}

	/**
	 * Records that the viewer named documents registered outside their area, and counts each under a limit of their
	 * own: trying ID numbers is a way to learn who lives elsewhere.
	 */
	private void documentsElsewhere(Viewer viewer, int count, String how) {
		auditLog.recordRefused("PERSON_DOCUMENT_ELSEWHERE", "person", null,
				how + ": " + count + (count == 1 ? " document" : " documents") + " registered outside the caller's area");
		AttemptLimit limit = new AttemptLimit("people:document-elsewhere:user:" + viewer.userId(), 10,
				Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofHours(1), false);
		for (int i = 0; i < count; i++) {
			Optional<Duration> wait = attempts.reserve(clock.instant(), List.of(limit));
			if (wait.isPresent()) {
				int seconds = (int) Math.max(1, (wait.get().toMillis() + 999) / 1000);
				throw Problem.tooManyRequests("too-many-documents-elsewhere", "people.document.too-many", seconds,
						seconds);
			}
		}
	}

	private static Problem duplicate(PersonRow row) {
		return Problem.conflict("duplicate-person", "people.person.duplicate", row.idType(),
				row.idNumber().substring(0, Math.min(6, row.idNumber().length())));
	}

}
