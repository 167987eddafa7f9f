package org.frontline.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.ViewerPrincipal;
import org.frontline.shared.Workplace;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs demo loading as a demo user, so that it goes through the modules' public services and their checks (scope,
 * roles, audit) like a person at a page would.
 */
final class DemoViewer {

	private DemoViewer() {
	}

	private record Principal(Viewer viewer) implements ViewerPrincipal {
	}

	static Viewer of(String username, Role role, String scope) {
		return new Viewer(0, username, Set.of(role), scope);
	}

	static Viewer of(String username, Role role, String scope, Workplace placeKind, long placeId) {
		return new Viewer(0, username, Set.of(role), scope, Map.of(placeKind, placeId));
	}

	static <T> T as(Viewer viewer, Supplier<T> action) {
		var previous = SecurityContextHolder.getContext().getAuthentication();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Principal(viewer), null, List.of()));
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(previous);
		}
	}

	static void run(Viewer viewer, Runnable action) {
		as(viewer, () -> {
			action.run();
			return null;
		});
	}
}
