package org.frontline.quarantine.web;

import java.util.Set;

import org.frontline.shared.NavItem;
import org.frontline.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class QuarantineNavigation {

	private static final Set<Role> READERS = Set.of(Role.ADMIN, Role.COMMANDER, Role.FACILITY_STAFF);

	@Bean
	NavItem quarantineNav() {
		return new NavItem(40, "/quarantine", "quarantine.nav", "quarantine.nav.hint", READERS);
	}

	@Bean
	NavItem anomaliesNav() {
		return new NavItem(41, "/quarantine/anomalies", "quarantine.anomalies.nav", "quarantine.anomalies.nav.hint",
				READERS);
	}
}
