package org.frontline.testing.web;

import java.util.Set;

import org.frontline.shared.NavItem;
import org.frontline.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TestingNavigation {

	@Bean
	NavItem scanNav() {
		return new NavItem(30, "/testing/scan", "testing.nav.scan", "testing.nav.scan.hint",
				Set.of(Role.ADMIN, Role.SITE_LEADER, Role.REGISTRAR, Role.VOLUNTEER));
	}

	@Bean
	NavItem liveNav() {
		return new NavItem(31, "/testing/live", "testing.nav.live", "testing.nav.live.hint",
				Set.of(Role.ADMIN, Role.COMMANDER, Role.SITE_LEADER));
	}
}
