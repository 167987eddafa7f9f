package org.frontline.command.web;

import java.util.Set;

import org.frontline.shared.NavItem;
import org.frontline.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CommandNavigation {

	@Bean
	NavItem commandNav() {
		return new NavItem(5, "/command", "command.nav", "command.nav.hint", Set.of(Role.ADMIN, Role.COMMANDER));
	}

	@Bean
	NavItem alertsNav() {
		return new NavItem(6, "/command/alerts", "command.alerts.nav", "command.alerts.nav.hint",
				Set.of(Role.ADMIN, Role.COMMANDER, Role.COMMUNITY_WORKER, Role.FACILITY_STAFF, Role.SITE_LEADER,
						Role.WORKFORCE_COORDINATOR, Role.WAREHOUSE_KEEPER, Role.ENTERPRISE_LIAISON));
	}

	@Bean
	NavItem reportsNav() {
		return new NavItem(7, "/command/reports", "command.reports.nav", "command.reports.nav.hint",
				Set.of(Role.ADMIN, Role.COMMANDER));
	}
}
