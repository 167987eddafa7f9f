package org.frontline.planning.web;

import java.util.Set;

import org.frontline.shared.NavItem;
import org.frontline.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlanningNavigation {

	@Bean
	NavItem planningNav() {
		return new NavItem(35, "/planning", "planning.nav", "planning.nav.hint", Set.of(Role.ADMIN, Role.COMMANDER));
	}
}
