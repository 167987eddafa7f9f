package org.frontline.shared;

import java.util.Set;

import org.springframework.http.HttpMethod;

/**
 * Which roles may call an API path (an Ant-style pattern, for one method or for all when {@code method} is null).
 * A module declares the rules of its own API as beans; they are checked before a request body is even read, so a
 * caller without the role learns nothing but 403. Where patterns overlap the most specific one decides: patterns
 * without {@code **} first, then longer before shorter.
 */
public record ApiAccess(HttpMethod method, String pattern, Set<Role> roles) {

	public static ApiAccess any(String pattern, Role... roles) {
		return new ApiAccess(null, pattern, Set.of(roles));
	}

	public static ApiAccess of(HttpMethod method, String pattern, Role... roles) {
		return new ApiAccess(method, pattern, Set.of(roles));
	}
}
