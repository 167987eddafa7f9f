package org.frontline.supplies;

import java.math.BigDecimal;
import java.util.List;

import org.frontline.audit.AuditLog;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Validation;
import org.frontline.shared.Viewers;
import org.frontline.supplies.internal.ItemRepository;
import org.frontline.supplies.internal.NormRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consumption norms and the low-cover threshold: settings the command reads and an administrator changes (a new set of
 * PPE per sampler shift and after each break, per occupied room and day, per closed-loop staff member and day).
 */
@Service
public class Norms {

	private final NormRepository norms;

	private final ItemRepository items;

	private final Validation validation;

	private final AuditLog auditLog;

	Norms(NormRepository norms, ItemRepository items, Validation validation, AuditLog auditLog) {
		this.norms = norms;
		this.items = items;
		this.validation = validation;
		this.auditLog = auditLog;
	}

	@Transactional(readOnly = true)
	public List<Norm> list() {
		Viewers.requireAny(Stock.READERS);
		return norms.all();
	}

	/** Replaces the norms of one basis. */
	@Transactional
	public List<Norm> replace(NormBasis basis, List<Norm> replacement) {
		Viewers.requireAny(Role.ADMIN);
		if (basis == null) {
			throw Problem.invalid("basis", "supplies.norm.basis");
		}
		for (Norm norm : replacement == null ? List.<Norm>of() : replacement) {
			validation.check(norm);
			if (norm.basis() != basis) {
				throw Problem.invalid("basis", "supplies.norm.basis");
			}
			if (items.find(norm.item()).isEmpty()) {
				throw Problem.invalid("item", "supplies.item.unknown", norm.item());
			}
		}
		norms.replace(basis, replacement == null ? List.of() : replacement);
		auditLog.record("SUPPLIES_NORMS", "supplies_norm", basis.name(), String.valueOf(replacement));
		return norms.of(basis);
	}

	/** Below how many days of cover an item at a place raises an alert. */
	@Transactional(readOnly = true)
	public double lowCoverDays() {
		Viewers.requireAny(Stock.READERS);
		return norms.setting(NormRepository.LOW_COVER_DAYS, 1.0);
	}

	@Transactional
	public double setLowCoverDays(BigDecimal days) {
		Viewers.requireAny(Role.ADMIN);
		if (days == null || days.signum() <= 0 || days.compareTo(BigDecimal.valueOf(60)) > 0) {
			throw Problem.invalid("days", "supplies.norm.low-cover-days");
		}
		norms.setSetting(NormRepository.LOW_COVER_DAYS, days);
		auditLog.record("SUPPLIES_NORMS", "supplies_setting", NormRepository.LOW_COVER_DAYS, days.toPlainString());
		return days.doubleValue();
	}
}
