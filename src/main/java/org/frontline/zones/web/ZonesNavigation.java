package org.frontline.zones.web;

import java.util.Set;

import org.frontline.shared.NavItem;
import org.frontline.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ZonesNavigation {

	@Bean
	NavItem zonesNav() {
		return new NavItem(25, "/zones", "zones.nav", "zones.nav.hint",
				Set.of(Role.ADMIN, Role.COMMANDER, Role.COMMUNITY_WORKER));
	}

	@Bean
	NavItem noticesNav() {
		return new NavItem(26, "/zones/notices", "zones.notices.nav", "zones.notices.nav.hint",
				Set.of(Role.ADMIN, Role.COMMANDER, Role.COMMUNITY_WORKER));
	}
}
