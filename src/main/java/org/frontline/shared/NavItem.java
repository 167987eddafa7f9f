package org.frontline.shared;

import java.util.Set;

/**
 * An entry of the page navigation and a card on the home page, contributed as a bean by the module that owns the
 * page. Shown to users holding any of {@code roles} (everyone signed in when empty).
 */
public record NavItem(int order, String href, String labelKey, String hintKey, Set<Role> roles) {

	public boolean visibleTo(Viewer viewer) {
		return viewer != null && (roles.isEmpty() || roles.stream().anyMatch(viewer::has));
	}
}
