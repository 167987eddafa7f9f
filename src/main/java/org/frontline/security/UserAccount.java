package org.frontline.security;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.frontline.shared.Role;
import org.frontline.shared.Workplace;

/** A user as administrators see it; never carries the password hash. */
public record UserAccount(long id, String username, Set<Role> roles, String scope, Map<Workplace, Long> places,
		boolean enabled, Instant createdAt) {
}
