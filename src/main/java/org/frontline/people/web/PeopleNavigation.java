package org.frontline.people.web;

import java.util.Set;

import org.frontline.shared.NavItem;
import org.frontline.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PeopleNavigation {

	private static final Set<Role> READERS = Set.of(Role.ADMIN, Role.COMMANDER, Role.COMMUNITY_WORKER,
			Role.SITE_LEADER, Role.REGISTRAR, Role.FACILITY_STAFF);

	@Bean
	NavItem residentsNav() {
		return new NavItem(10, "/people", "home.people", "home.people.hint", READERS);
	}

	@Bean
	NavItem areasNav() {
		return new NavItem(20, "/areas", "home.areas", "home.areas.hint", READERS);
	}
}
