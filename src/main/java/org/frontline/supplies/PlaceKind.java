package org.frontline.supplies;

import org.frontline.shared.Workplace;

/**
 * Where stock is held: a warehouse of this module, or a post of another one (a sampling site, a quarantine facility, a
 * community by its area code, a closed-loop enterprise).
 */
public enum PlaceKind {

	WAREHOUSE(Workplace.WAREHOUSE), SITE(Workplace.SITE), FACILITY(Workplace.FACILITY), COMMUNITY(null),
	ENTERPRISE(Workplace.ENTERPRISE);

	private final Workplace workplace;

	PlaceKind(Workplace workplace) {
		this.workplace = workplace;
	}

	/** The kind of place a user can be limited to ({@code Viewer.place(kind)}), or null for a community. */
	public Workplace workplace() {
		return workplace;
	}
}
