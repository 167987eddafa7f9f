package org.frontline.workforce.web;

import java.util.Set;

import org.frontline.shared.NavItem;
import org.frontline.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WorkforceNavigation {

	@Bean
	NavItem onDutyNav() {
		return new NavItem(60, "/workforce", "workforce.nav", "workforce.nav.hint", Set.of(Role.ADMIN, Role.COMMANDER,
				Role.WORKFORCE_COORDINATOR, Role.COMMUNITY_WORKER, Role.SITE_LEADER));
	}

	@Bean
	NavItem workersNav() {
		return new NavItem(61, "/workforce/workers", "workforce.workers.nav", "workforce.workers.nav.hint",
				Set.of(Role.ADMIN, Role.COMMANDER, Role.WORKFORCE_COORDINATOR, Role.COMMUNITY_WORKER));
	}

	@Bean
	NavItem unitsNav() {
		return new NavItem(62, "/workforce/units", "workforce.units.nav", "workforce.units.nav.hint",
				Set.of(Role.ADMIN, Role.COMMANDER, Role.WORKFORCE_COORDINATOR));
	}

	/** Volunteers and site staff sign in to see their own shifts and check in. */
	@Bean
	NavItem myShiftsNav() {
		return new NavItem(63, "/workforce/me", "workforce.me.nav", "workforce.me.nav.hint",
				Set.of(Role.VOLUNTEER, Role.REGISTRAR, Role.SITE_LEADER));
	}
}
