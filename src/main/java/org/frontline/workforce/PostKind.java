package org.frontline.workforce;

/**
 * The kind of place a post is: a sampling site (testing), a quarantine facility, a community, a closed-loop
 * enterprise or a command centre. Sites, facilities and enterprises are named by their module's id; communities and
 * command centres by their area code.
 */
public enum PostKind {

	SITE, FACILITY, COMMUNITY, ENTERPRISE, COMMAND;

	/** Whether the post is an area (named by its code) rather than a place of another module. */
	public boolean isArea() {
		return this == COMMUNITY || this == COMMAND;
	}
}
