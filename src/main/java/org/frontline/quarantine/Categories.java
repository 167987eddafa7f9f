package org.frontline.quarantine;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.frontline.audit.AuditLog;
import org.frontline.quarantine.internal.CategoryRepository;
import org.frontline.quarantine.internal.CategoryRepository.CategoryRow;
import org.frontline.quarantine.internal.FacilityAccess;
import org.frontline.shared.Message;
import org.frontline.shared.Problem;
import org.frontline.shared.Validation;
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

	private final Validation validation;

	private final Clock clock;

	Categories(CategoryRepository repository, AuditLog auditLog, Validation validation, Clock clock) {
		this.repository = repository;
		this.auditLog = auditLog;
		this.validation = validation;
		this.clock = clock;
	}

	@Transactional
	public Category create(NewCategory form) {
		Viewer viewer = Viewers.requireAny(FacilityAccess.PLANNERS);
		Problem.Errors errors = new Problem.Errors().addAll(validation.errors(form));
		if (form != null && form.rule() != null) {
			checkTestDays(form.rule(), "rule.", errors);
		}
		errors.throwIfAny();
		String code = form.code().strip();
		if (repository.byCode(code).isPresent()) {
			throw Problem.conflict("category-exists", "quarantine.category.exists", code);
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
		Problem.Errors errors = new Problem.Errors().addAll(validation.errors(rule));
		if (rule != null) {
			checkTestDays(rule, "", errors);
		}
		errors.throwIfAny();
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
			throw Problem.invalid("category", "problem.constraint.NotBlank", Message.of("quarantine.category"));
		}
		return repository.byCode(code.strip())
			.orElseThrow(() -> Problem.invalid("category", "quarantine.category.not-found", code.strip()));
	}

	Rule inForce(CategoryRow category, Instant at) {
		return repository.inForce(category.id(), at)
			.orElseThrow(() -> Problem.conflict("no-rule-in-force", "quarantine.category.no-rule-in-force",
					category.code()));
	}

	Rule rule(long id) {
		return repository.rule(id).orElseThrow();
	}

	private long insertRule(long categoryId, NewRule rule, Viewer viewer) {
		Instant from = rule.effectiveFrom() == null ? clock.instant() : rule.effectiveFrom();
		return repository.insertRule(categoryId, from, rule.facilityDays(), rule.homeDays(),
				rule.natDays() == null ? List.of() : rule.natDays().stream().distinct().sorted().toList(),
				rule.antigenDays() == null ? List.of() : rule.antigenDays().stream().distinct().sorted().toList(),
				Boolean.TRUE.equals(rule.familyAllowed()), Validation.optional(rule.notice()), viewer.username());
	}

	private Category category(CategoryRow row) {
		return new Category(row.id(), row.code(), row.name(), repository.rules(row.id()));
	}

	/** Test days are days of the stay, so they depend on the rule's days in the facility. */
	private static void checkTestDays(NewRule rule, String prefix, Problem.Errors errors) {
		int last = rule.facilityDays() == null ? 60 : Math.max(rule.facilityDays(), 1);
		checkDays(rule.natDays(), prefix + "natDays", Message.of("field.NewRule.natDays"), last, errors);
		checkDays(rule.antigenDays(), prefix + "antigenDays", Message.of("field.NewRule.antigenDays"), last, errors);
	}

	private static void checkDays(List<Integer> days, String field, Message label, int last, Problem.Errors errors) {
		if (days != null && days.stream().anyMatch(d -> d == null || d < 1 || d > last)) {
			errors.add(field, "quarantine.rule.test-days", label, last);
		}
	}
}
