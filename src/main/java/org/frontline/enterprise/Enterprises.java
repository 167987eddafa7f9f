package org.frontline.enterprise;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.frontline.area.Area;
import org.frontline.area.AreaLevel;
import org.frontline.area.Areas;
import org.frontline.audit.AuditLog;
import org.frontline.enterprise.CreditCode.InvalidCreditCodeException;
import org.frontline.enterprise.internal.EnterpriseAccess;
import org.frontline.enterprise.internal.EnterpriseRepository;
import org.frontline.enterprise.internal.Sheet;
import org.frontline.shared.AreaCodes;
import org.frontline.shared.Message;
import org.frontline.shared.Problem;
import org.frontline.shared.Problem.FieldError;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.shared.Workplace;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enterprises registered by the district, one by one or from the district's list (CSV/XLSX), and their dormitory
 * rooms. Liaisons see their own enterprise only.
 */
@Service
public class Enterprises {

	static final int MAX_IMPORT_ROWS = 20_000;

	private static final Map<String, String> HEADERS = new HashMap<>();

	static {
		for (String[] h : new String[][] { { "name", "name" }, { "企业名称", "name" }, { "名称", "name" },
				{ "creditcode", "creditCode" }, { "credit code", "creditCode" }, { "统一社会信用代码", "creditCode" },
				{ "address", "address" }, { "地址", "address" }, { "area", "area" }, { "区域代码", "area" },
				{ "小区代码", "area" }, { "industry", "industry" }, { "行业", "industry" }, { "staffcount", "staffCount" },
				{ "staff count", "staffCount" }, { "员工人数", "staffCount" }, { "人数", "staffCount" } }) {
			HEADERS.put(h[0], h[1]);
		}
	}

	private final EnterpriseRepository repository;

	private final Areas areas;

	private final AuditLog auditLog;

	Enterprises(EnterpriseRepository repository, Areas areas, AuditLog auditLog) {
		this.repository = repository;
		this.areas = areas;
		this.auditLog = auditLog;
	}

	/**
	 * Registers an enterprise in the viewer's scope. A credit code that fails its check is a 422 on
	 * {@code creditCode}; other wrong fields are a 400; a code already registered is a 409.
	 */
	@Transactional
	public Enterprise register(NewEnterprise enterprise) {
		Viewer viewer = Viewers.requireAny(EnterpriseAccess.DISTRICT);
		Checked checked = check(enterprise, viewer);
		if (!checked.errors().isEmpty()) {
			boolean codeOnly = checked.errors().stream().allMatch(e -> e.field().equals("creditCode"))
					&& checked.code() == null && enterprise.creditCode() != null && !enterprise.creditCode().isBlank();
			if (codeOnly) {
				throw new Problem(HttpStatus.valueOf(422), "invalid-credit-code", "problem.invalid-credit-code",
						"enterprise.credit-code.invalid", checked.errors());
			}
			throw Problem.invalid(checked.errors());
		}
		long id = repository.insert(enterprise, checked.code().value(), checked.staffCount())
			.orElseThrow(() -> Problem.conflict("duplicate-enterprise", "enterprise.duplicate", checked.code().value()));
		auditLog.record("ENTERPRISE_CREATE", "enterprise", id, enterprise.name().strip());
		return repository.find(id).orElseThrow();
	}

	/**
	 * Imports the district's list: each row answered in order, ACCEPTED (registered now), DUPLICATE (its credit code
	 * is registered already: nothing changes) or REJECTED with the wrong field. Importing a file again changes nothing.
	 */
	@Transactional
	public List<RowAnswer> importFile(byte[] content) {
		Viewer viewer = Viewers.requireAny(EnterpriseAccess.DISTRICT);
		Sheet sheet = Sheet.read(content, HEADERS, MAX_IMPORT_ROWS);
		for (String required : List.of("name", "creditCode", "area")) {
			if (!sheet.has(required)) {
				throw Problem.invalid("file", "enterprise.file.column-missing", required);
			}
		}
		List<RowAnswer> answers = new ArrayList<>();
		int accepted = 0;
		for (Sheet.Line line : sheet.lines()) {
			NewEnterprise row = new NewEnterprise(line.get("name"), line.get("creditCode"), line.get("address"),
					line.get("area"), line.get("industry"), null);
			Integer staff = null;
			String staffText = line.get("staffCount");
			if (staffText != null) {
				try {
					staff = Integer.valueOf(staffText);
				}
				catch (NumberFormatException ex) {
					answers.add(RowAnswer.rejected(line.number(), "staffCount", Message.of("enterprise.staff-count.invalid")));
					continue;
				}
			}
			row = new NewEnterprise(row.name(), row.creditCode(), row.address(), row.area(), row.industry(), staff);
			Checked checked = check(row, viewer);
			if (!checked.errors().isEmpty()) {
				FieldError first = checked.errors().get(0);
				answers.add(RowAnswer.rejected(line.number(), first.field(), first.message()));
				continue;
			}
			Optional<Long> id = repository.insert(row, checked.code().value(), checked.staffCount());
			if (id.isPresent()) {
				accepted++;
				answers.add(RowAnswer.accepted(line.number(), id.get()));
			}
			else {
				Long existing = repository.findByCode(checked.code().value()).map(Enterprise::id).orElse(null);
				answers.add(RowAnswer.duplicate(line.number(), existing, "enterprise.duplicate", checked.code().value()));
			}
		}
		auditLog.record("ENTERPRISE_IMPORT", "enterprise", null,
				"rows=%d accepted=%d".formatted(answers.size(), accepted));
		return answers;
	}

	/** Enterprises the viewer sees, inside {@code area} when given; by name. */
	@Transactional(readOnly = true)
	public List<Enterprise> list(String area) {
		Viewer viewer = Viewers.requireAny(EnterpriseAccess.READERS);
		String code = area == null || area.isBlank() ? viewer.scopeArea() : area.strip();
		if (!AreaCodes.wellFormed(code)) {
			throw Problem.invalid("area", "enterprise.area.malformed");
		}
		Area root = areas.visible(viewer, code);
		String prefix = AreaCodes.prefix(root.code());
		return repository.list(prefix, AreaCodes.upperBound(prefix), viewer.place(Workplace.ENTERPRISE), 1000);
	}

	@Transactional(readOnly = true)
	public Enterprise get(long id) {
		Viewer viewer = Viewers.requireAny(EnterpriseAccess.READERS);
		return visible(viewer, id);
	}

	/** Dormitory buildings of an enterprise, with their rooms and beds. */
	@Transactional(readOnly = true)
	public List<EnterpriseRepository.Building> dormitories(long id) {
		visible(Viewers.requireAny(EnterpriseAccess.READERS), id);
		return repository.buildings(id);
	}

	/** Adds (or changes the beds of) dormitory rooms: {@code count} rooms numbered from {@code first}. */
	@Transactional
	public List<EnterpriseRepository.Building> addRooms(long id, String building, int first, int count, int beds) {
		Viewer viewer = Viewers.requireAny(EnterpriseAccess.KEEPERS);
		visible(viewer, id);
		Problem.Errors errors = new Problem.Errors();
		if (building == null || building.isBlank() || building.strip().length() > 20 || !EnterpriseAccess.plain(building)) {
			errors.add("building", "enterprise.building.invalid", 20);
		}
		if (first < 1 || first > 99_999) {
			errors.add("first", "enterprise.room.first-invalid");
		}
		if (count < 1 || count > 500) {
			errors.add("count", "enterprise.room.count-invalid", 500);
		}
		if (beds < 1 || beds > 50) {
			errors.add("beds", "enterprise.room.beds-invalid", 50);
		}
		errors.throwIfAny();
		repository.addRooms(id, building.strip(), first, count, beds);
		auditLog.record("ENTERPRISE_ROOMS", "enterprise", id, building.strip() + " rooms=" + count);
		return repository.buildings(id);
	}

	/** An enterprise for a reaction to another module's event, where nobody is signed in. */
	Optional<Enterprise> find(long id) {
		return repository.find(id);
	}

	Enterprise visible(Viewer viewer, long id) {
		return repository.find(id)
			.filter(e -> EnterpriseAccess.sees(viewer, e.id(), e.area()))
			.orElseThrow(() -> Problem.notFound("enterprise.not-found", id));
	}

	private record Checked(CreditCode code, int staffCount, List<FieldError> errors) {
	}

	private Checked check(NewEnterprise e, Viewer viewer) {
		Problem.Errors errors = new Problem.Errors();
		if (e.name() == null || e.name().isBlank() || e.name().strip().length() > 100 || !EnterpriseAccess.plain(e.name())) {
			errors.add("name", "enterprise.name.invalid", 100);
		}
		CreditCode code = null;
		try {
			code = CreditCode.parse(e.creditCode());
		}
		catch (InvalidCreditCodeException ex) {
			errors.add("creditCode", ex.key());
		}
		if (e.address() != null && (e.address().strip().length() > 200 || !EnterpriseAccess.plain(e.address()))) {
			errors.add("address", "enterprise.address.invalid", 200);
		}
		if (e.industry() != null && (e.industry().strip().length() > 50 || !EnterpriseAccess.plain(e.industry()))) {
			errors.add("industry", "enterprise.industry.invalid", 50);
		}
		String area = e.area() == null ? null : e.area().strip();
		if (area == null || area.isEmpty()) {
			errors.add("area", "enterprise.area.missing");
		}
		else if (!AreaCodes.wellFormed(area)) {
			errors.add("area", "enterprise.area.malformed");
		}
		else {
			Optional<Area> found = areas.find(area);
			if (found.isEmpty() || !viewer.covers(area)) {
				errors.add("area", "enterprise.area.unknown", area);
			}
			else if (found.get().level() != AreaLevel.COMPOUND) {
				errors.add("area", "enterprise.area.not-compound", area);
			}
		}
		int staff = e.staffCount() == null ? 0 : e.staffCount();
		if (staff < 0 || staff > 1_000_000) {
			errors.add("staffCount", "enterprise.staff-count.invalid");
		}
		return new Checked(code, staff, errors.list());
	}
}
