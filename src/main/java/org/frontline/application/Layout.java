package org.frontline.application;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.frontline.shared.NavItem;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;

/**
 * {@code #layout} in templates: what the layout of every page needs, whichever way the page was reached (a
 * controller, an exception handler, the error page): who is signed in, the menu with the current page's entry, whether
 * this is a demo installation, and whether what was refused was a form.
 */
public final class Layout {

	private final HttpServletRequest request;

	private final List<NavItem> navigation;

	private final boolean demo;

	Layout(HttpServletRequest request, List<NavItem> navigation, boolean demo) {
		this.request = request;
		this.navigation = navigation;
		this.demo = demo;
	}

	public Viewer getViewer() {
		return Viewers.current().orElse(null);
	}

	/** The menu entries the signed-in user may open, in their order. */
	public List<NavItem> getNavItems() {
		Viewer viewer = getViewer();
		return navigation.stream().filter(item -> item.visibleTo(viewer)).toList();
	}

	public boolean isDemo() {
		return demo;
	}

	/** The href of the menu entry the current page belongs to: the longest one the page's path starts with. */
	public String getActive() {
		if (request == null) {
			return "";
		}
		Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = original instanceof String s ? s : request.getRequestURI();
		String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
		return navigation.stream()
			.map(NavItem::href)
			.filter(href -> path.equals(href) || path.startsWith(href + "/"))
			.max(Comparator.comparingInt(String::length))
			.orElse(path);
	}

	/**
	 * Whether what was refused was one of Frontline's forms (it carries a CSRF token; an error page is shown by a GET
	 * dispatch, so the method does not tell): usually its token did not match (the page was open too long, or the
	 * browser did not keep the session cookie), which signing in again mends.
	 */
	public boolean isFormRefused() {
		return request != null && (request.getParameter("_csrf") != null
				|| request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException);
	}
}
