package org.frontline.security;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.frontline.shared.Role;
import org.frontline.shared.Workplace;

/**
 * A user to create: roles and the area code they are scoped to, or one place (a sampling site, lab, facility,
 * enterprise, a unit that sends cadres or a warehouse) whose area then is the scope.
 */
public record NewUser(
		@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{2,64}", message = "{security.username.pattern}") String username,
		@NotBlank @Size(max = 128) String password, @NotEmpty Set<Role> roles, @Size(max = 15) String scope, Long site,
		Long lab, Long facility, Long enterprise, Long unit, Long warehouse) {

	public NewUser(String username, String password, Set<Role> roles, String scope) {
		this(username, password, roles, scope, null, null, null, null, null, null);
	}

	public NewUser(String username, String password, Set<Role> roles, String scope, Long site, Long lab, Long facility,
			Long enterprise) {
		this(username, password, roles, scope, site, lab, facility, enterprise, null, null);
	}

	public NewUser(String username, String password, Set<Role> roles, String scope, Long site, Long lab, Long facility,
			Long enterprise, Long unit) {
		this(username, password, roles, scope, site, lab, facility, enterprise, unit, null);
	}

	/** The places given, by kind. */
	public Map<Workplace, Long> places() {
		Map<Workplace, Long> places = new EnumMap<>(Workplace.class);
		if (site != null) {
			places.put(Workplace.SITE, site);
		}
		if (lab != null) {
			places.put(Workplace.LAB, lab);
		}
		if (facility != null) {
			places.put(Workplace.FACILITY, facility);
		}
		if (enterprise != null) {
			places.put(Workplace.ENTERPRISE, enterprise);
		}
		if (unit != null) {
			places.put(Workplace.UNIT, unit);
		}
		if (warehouse != null) {
			places.put(Workplace.WAREHOUSE, warehouse);
		}
		return places;
	}
}
