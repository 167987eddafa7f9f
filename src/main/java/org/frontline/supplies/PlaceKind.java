package org.frontline.supplies;

/**
 * Where stock is held: a warehouse of this module, or a post of another one (a sampling site, a quarantine facility, a
 * community by its area code, a closed-loop enterprise).
 */
public enum PlaceKind {

	WAREHOUSE("warehouse"), SITE("site"), FACILITY("facility"), COMMUNITY(null), ENTERPRISE("enterprise");

	private final String scopeKind;

	PlaceKind(String scopeKind) {
		this.scopeKind = scopeKind;
	}

	/** The kind of place a user can be limited to ({@code Viewer.place(kind)}), or null for a community. */
	public String scopeKind() {
		return scopeKind;
	}
}
