package org.frontline.quarantine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.frontline.audit.AuditLog;
import org.frontline.quarantine.internal.CategoryRepository;
import org.frontline.quarantine.internal.CategoryRepository.CategoryRow;
import org.frontline.quarantine.internal.FacilityAccess;
import org.frontline.shared.Problem;
import org.frontline.shared.Problem.FieldError;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Categories of people in quarantine and their versioned rules. A new version applies to intakes from its effective
 * time on; stays admitted earlier keep the version they were admitted under unless re-classified.
 */
@Service
public class Categories {

	private final CategoryRepository repository;

	private final AuditLog auditLog;

	private final Clock clock;

	Categories(CategoryRepository repository, AuditLog auditLog, Clock clock) {
		this.repository = repository;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@Transactional
	public Category create(NewCategory form) {
		Viewer viewer = Viewers.requireAny(FacilityAccess.PLANNERS);
		List<FieldError> errors = new ArrayList<>();
		String code = form.code() == null ? null : form.code().strip();
		if (code == null || !code.matches("[A-Za-z0-9_-]{1,40}")) {
			errors.add(new FieldError("code", "A code of 1 to 40 letters, digits, '_' or '-' is required."));
		}
		Facilities.text(form.name(), "name", 100, true, errors);
		if (form.rule() == null) {
			errors.add(new FieldError("rule", "A category needs its first rule."));
		}
		else {
			checkRule(form.rule(), "rule.", errors);
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		if (repository.byCode(code).isPresent()) {
			throw Problem.conflict("category-exists", "Category " + code + " already exists.");
		}
		long id = repository.insert(code, form.name().strip());
		insertRule(id, form.rule(), viewer);
		auditLog.record("CATEGORY_CREATE", "quarantine_category", id, code);
		return category(repository.find(id).orElseThrow());
	}

	/** Publishes a new version of a category's rule (e.g. after a new notice). */
	@Transactional
	public Category addRule(String categoryCode, NewRule rule) {
		Viewer viewer = Viewers.requireAny(FacilityAccess.PLANNERS);
		CategoryRow category = row(categoryCode);
		List<FieldError> errors = new ArrayList<>();
		checkRule(rule, "", errors);
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		long ruleId = insertRule(category.id(), rule, viewer);
		auditLog.record("CATEGORY_RULE_ADD", "quarantine_category", category.id(), "rule " + ruleId);
		return category(category);
	}

	@Transactional(readOnly = true)
	public List<Category> list() {
		Viewers.requireAny(FacilityAccess.READERS);
		return repository.all().stream().map(this::category).toList();
	}

	@Transactional(readOnly = true)
	public Category get(String code) {
		Viewers.requireAny(FacilityAccess.READERS);
		return category(row(code));
	}

	CategoryRow row(String code) {
		if (code == null || code.isBlank()) {
			throw Problem.invalid("category", "A category is required.");
		}
		return repository.byCode(code.strip())
			.orElseThrow(() -> Problem.invalid("category", "Category " + code + " does not exist."));
	}

	Rule inForce(CategoryRow category, Instant at) {
		return repository.inForce(category.id(), at)
			.orElseThrow(() -> Problem.conflict("no-rule-in-force",
					"Category " + category.code() + " has no rule in force yet."));
	}

	Rule rule(long id) {
		return repository.rule(id).orElseThrow();
	}

	private long insertRule(long categoryId, NewRule rule, Viewer viewer) {
		Instant from = rule.effectiveFrom() == null ? clock.instant() : rule.effectiveFrom();
		return repository.insertRule(categoryId, from, rule.facilityDays(), rule.homeDays(),
				rule.natDays() == null ? List.of() : rule.natDays().stream().distinct().sorted().toList(),
				rule.antigenDays() == null ? List.of() : rule.antigenDays().stream().distinct().sorted().toList(),
				Boolean.TRUE.equals(rule.familyAllowed()), Facilities.blankToNull(rule.notice()), viewer.username());
	}

	private Category category(CategoryRow row) {
		return new Category(row.id(), row.code(), row.name(), repository.rules(row.id()));
	}

	private static void checkRule(NewRule rule, String prefix, List<FieldError> errors) {
		if (rule.facilityDays() == null || rule.facilityDays() < 0 || rule.facilityDays() > 60) {
			errors.add(new FieldError(prefix + "facilityDays", "Days in the facility: 0 to 60."));
		}
		if (rule.homeDays() == null || rule.homeDays() < 0 || rule.homeDays() > 60) {
			errors.add(new FieldError(prefix + "homeDays", "Days of home health monitoring: 0 to 60."));
		}
		int last = rule.facilityDays() == null ? 60 : Math.max(rule.facilityDays(), 1);
		checkDays(rule.natDays(), prefix + "natDays", last, errors);
		checkDays(rule.antigenDays(), prefix + "antigenDays", last, errors);
		if (rule.notice() != null && rule.notice().length() > 200) {
			errors.add(new FieldError(prefix + "notice", "At most 200 characters."));
		}
	}

	private static void checkDays(List<Integer> days, String field, int last, List<FieldError> errors) {
		if (days != null && days.stream().anyMatch(d -> d == null || d < 1 || d > last)) {
			errors.add(new FieldError(field, "Test days are days of the stay, from 1 to " + last + "."));
		}
	}
}
