package org.frontline.security;

import java.util.Set;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.frontline.shared.Role;

/**
 * New roles and scope for an existing user, replacing the old ones: an area code, or one place (a sampling site,
 * lab, facility, enterprise, unit or warehouse) whose area then is the scope.
 */
public record UserChange(@NotEmpty Set<Role> roles, @Size(max = 15) String scope, Long site, Long lab, Long facility,
		Long enterprise, Long unit, Long warehouse) {

	NewUser asNewUser(String username) {
		return new NewUser(username, null, roles, scope, site, lab, facility, enterprise, unit, warehouse);
	}
}
