package org.frontline.shared;

import java.util.Set;

import org.springframework.http.HttpMethod;

/**
 * Which roles may call an API path (an Ant-style pattern, for one method or for all when {@code method} is null).
 * A module declares the rules of its own API as beans; they are checked before a request body is even read, so a
 * caller without the role learns nothing but 403. Where patterns overlap the most specific one decides: patterns
 * without {@code **} first, then longer before shorter. See {@link #device} for endpoints called once per scan.
 */
public record ApiAccess(HttpMethod method, String pattern, Set<Role> roles, boolean device) {

	public static ApiAccess any(String pattern, Role... roles) {
		return new ApiAccess(null, pattern, Set.of(roles), false);
	}

	public static ApiAccess of(HttpMethod method, String pattern, Role... roles) {
		return new ApiAccess(method, pattern, Set.of(roles), false);
	}

	/** A path anyone may call without signing in (no roles): a description of the API, such as FHIR's metadata. */
	public static ApiAccess open(HttpMethod method, String pattern) {
		return new ApiAccess(method, pattern, Set.of(), false);
	}

	/**
	 * A device protocol endpoint (one exact path, one method): called by phones and scanners many times a second, it
	 * gets security filter chains of its own with the same authentication, CSRF rule and role check as the rest of
	 * the API, but without what a JSON answer to a device does not need (page headers, request cache, logout,
	 * anonymous user, session management), each of which costs CPU on every call: one for bearer tokens (no CSRF
	 * check, no session), one for signed-in pages (session and CSRF token).
	 */
	public static ApiAccess device(HttpMethod method, String path, Role... roles) {
		return new ApiAccess(method, path, Set.of(roles), true);
	}
}
