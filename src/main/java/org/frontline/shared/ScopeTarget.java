package org.frontline.shared;

import java.util.Optional;

/**
 * A kind of place a user can be scoped to besides an area (a sampling site, a lab, a facility, an enterprise).
 * The module that owns such places provides a bean, so that accounts can be checked without depending on it.
 */
public interface ScopeTarget {

	/** The kind, as in {@link Viewer#place(Workplace)}. */
	Workplace kind();

	/** The area code the place belongs to, if it exists. */
	Optional<String> areaOf(long id);

	/** The place's name as pages show it (a post of the workforce names its site or facility so), if it exists. */
	default Optional<String> nameOf(long id) {
		return Optional.empty();
	}

}
