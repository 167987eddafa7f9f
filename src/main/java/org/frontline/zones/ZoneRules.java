package org.frontline.zones;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.frontline.audit.AuditLog;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Validation;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.zones.internal.RuleRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of each level, versioned: a new version applies to zones set from its effective time on; zones set before
 * keep theirs until they are re-classified. Rules are public.
 */
@Service
public class ZoneRules {

	static final Role[] AUTHORS = { Role.ADMIN, Role.COMMANDER };

	private final RuleRepository repository;

	private final Validation validation;

	private final AuditLog auditLog;

	private final Clock clock;

	ZoneRules(RuleRepository repository, Validation validation, AuditLog auditLog, Clock clock) {
		this.repository = repository;
		this.validation = validation;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** Publishes the next version of a level's rules. */
	@Transactional
	public ZoneRule add(ZoneLevel level, NewZoneRule rule) {
		Viewer viewer = Viewers.requireAny(AUTHORS);
		validation.check(rule);
		Problem.Errors errors = new Problem.Errors();
		int pool = rule.poolSize();
		if (pool != 1 && pool != 5 && pool != 10 && pool != 20) {
			errors.add("poolSize", "zones.rule.pool-size");
		}
		if (!rule.liftTo().milderThan(level)) {
			errors.add("liftTo", "zones.rule.lift-to-milder", level);
		}
		errors.throwIfAny();
		Instant now = clock.instant();
		long id = repository.insert(level, rule, rule.effectiveFrom() == null ? now : rule.effectiveFrom(),
				viewer.username(), now);
		ZoneRule added = repository.find(id).orElseThrow();
		auditLog.record("ZONE_RULE_ADD", "zones_rule", id, level + " v" + added.version());
		return added;
	}

	/** Every version of every level, strictest level first, oldest version first. */
	@Transactional(readOnly = true)
	public List<ZoneRule> list() {
		return repository.all();
	}

	/** The version of a level's rules a zone set now would take. */
	@Transactional(readOnly = true)
	public Optional<ZoneRule> current(ZoneLevel level) {
		return repository.inForce(level, clock.instant());
	}
}
