package org.frontline.workforce;

import org.frontline.shared.Workplace;

/**
 * The kind of place a post is: a sampling site (testing), a quarantine facility, a community, a closed-loop
 * enterprise or a command centre. Sites, facilities and enterprises are named by their module's id; communities and
 * command centres by their area code.
 */
public enum PostKind {

	SITE(Workplace.SITE), FACILITY(Workplace.FACILITY), COMMUNITY(null), ENTERPRISE(Workplace.ENTERPRISE), COMMAND(null);

	private final Workplace workplace;

	PostKind(Workplace workplace) {
		this.workplace = workplace;
	}

	/** The kind of place a user can be limited to that a post of this kind is, or null for an area. */
	public Workplace workplace() {
		return workplace;
	}

	/** Whether the post is an area (named by its code) rather than a place of another module. */
	public boolean isArea() {
		return this == COMMUNITY || this == COMMAND;
	}
}
