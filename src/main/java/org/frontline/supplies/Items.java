package org.frontline.supplies;

import java.util.List;

import org.frontline.audit.AuditLog;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Validation;
import org.frontline.shared.Viewers;
import org.frontline.supplies.internal.ItemRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The item catalogue: everyone who handles stock reads it; administrators add items. */
@Service
public class Items {

	private final ItemRepository items;

	private final Validation validation;

	private final AuditLog auditLog;

	Items(ItemRepository items, Validation validation, AuditLog auditLog) {
		this.items = items;
		this.validation = validation;
		this.auditLog = auditLog;
	}

	@Transactional(readOnly = true)
	public List<Item> list() {
		Viewers.requireAny(Stock.READERS);
		return items.all();
	}

	@Transactional(readOnly = true)
	public Item get(String code) {
		Viewers.requireAny(Stock.READERS);
		return items.find(code).orElseThrow(() -> Problem.notFound("supplies.item.not-found", code));
	}

	@Transactional
	public Item add(NewItem item) {
		Viewers.requireAny(Role.ADMIN);
		validation.check(item);
		if (!items.insert(item)) {
			throw Problem.conflict("item-exists", "supplies.item.exists", item.code());
		}
		auditLog.record("SUPPLIES_ITEM_ADD", "supplies_item", item.code(), item.name());
		return items.find(item.code()).orElseThrow();
	}
}
