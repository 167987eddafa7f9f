package org.frontline.shared;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Set;

/**
 * The signed-in user on whose behalf a request runs: roles and the area they are scoped to. Every query that
 * returns people is bounded by {@link #scopeLow()} and {@link #scopeHigh()}.
 */
public record Viewer(long userId, String username, Set<Role> roles, String scopeArea) implements Serializable {

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean hasAny(Role... wanted) {
		return Arrays.stream(wanted).anyMatch(roles::contains);
	}

	public boolean covers(String areaCode) {
		return AreaCodes.contains(scopeArea, areaCode);
	}

	public String scopePrefix() {
		return AreaCodes.prefix(scopeArea);
	}

	/** Inclusive lower bound of the area codes this viewer may see. */
	public String scopeLow() {
		return scopePrefix();
	}

	/** Exclusive upper bound of the area codes this viewer may see. */
	public String scopeHigh() {
		return AreaCodes.upperBound(scopePrefix());
	}
}
