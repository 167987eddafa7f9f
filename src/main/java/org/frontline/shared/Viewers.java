package org.frontline.shared;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The {@link Viewer} of the current request. */
public final class Viewers {

	private Viewers() {
	}

	public static Optional<Viewer> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof ViewerPrincipal principal) {
			return Optional.of(principal.viewer());
		}
		return Optional.empty();
	}

	public static Viewer require() {
		return current().orElseThrow(() -> Problem.unauthorized());
	}

	/** The current viewer, who must hold one of the roles. */
	public static Viewer requireAny(Role... roles) {
		Viewer viewer = require();
		if (!viewer.hasAny(roles)) {
			throw Problem.forbidden("problem.forbidden.role");
		}
		return viewer;
	}
}
