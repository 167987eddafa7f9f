package org.frontline.enterprise.web;

import java.util.Set;

import org.frontline.shared.NavItem;
import org.frontline.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EnterpriseNavigation {

	@Bean
	NavItem loopsNav() {
		return new NavItem(60, "/enterprise", "enterprise.nav.loops", "enterprise.nav.loops.hint",
				Set.of(Role.ADMIN, Role.COMMANDER, Role.ENTERPRISE_LIAISON));
	}

	@Bean
	NavItem enterprisesNav() {
		return new NavItem(61, "/enterprise/enterprises", "enterprise.nav.enterprises", "enterprise.nav.enterprises.hint",
				Set.of(Role.ADMIN, Role.COMMANDER));
	}
}
