package org.frontline.support;

import java.util.List;
import java.util.function.Supplier;

import org.frontline.shared.Viewer;
import org.frontline.shared.ViewerPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Calls a module's service in the test's own thread as a viewer (so Modulith's test support sees its events). */
public final class SignedIn {

	private SignedIn() {
	}

	private record Principal(Viewer viewer) implements ViewerPrincipal {
	}

	public static <T> T as(Viewer viewer, Supplier<T> action) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Principal(viewer), null, List.of()));
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
