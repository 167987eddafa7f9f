package org.frontline.command.web;

import static org.frontline.shared.Role.ADMIN;
import static org.frontline.shared.Role.COMMANDER;
import static org.frontline.shared.Role.COMMUNITY_WORKER;
import static org.frontline.shared.Role.ENTERPRISE_LIAISON;
import static org.frontline.shared.Role.FACILITY_STAFF;
import static org.frontline.shared.Role.SITE_LEADER;
import static org.frontline.shared.Role.WAREHOUSE_KEEPER;
import static org.frontline.shared.Role.WORKFORCE_COORDINATOR;

import org.frontline.shared.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may call the command centre's API at all; the services then check the area of each call. */
@Configuration(proxyBeanMethods = false)
class CommandApiAccess {

	@Bean
	ApiAccess commandOverviewApi() {
		return ApiAccess.any("/api/v1/command/**", ADMIN, COMMANDER);
	}

	@Bean
	ApiAccess alertsApi() {
		return ApiAccess.any("/api/v1/alerts/**", ADMIN, COMMANDER, COMMUNITY_WORKER, FACILITY_STAFF, SITE_LEADER,
				WORKFORCE_COORDINATOR, WAREHOUSE_KEEPER, ENTERPRISE_LIAISON);
	}

	@Bean
	ApiAccess dailyReportsApi() {
		return ApiAccess.any("/api/v1/reports/**", ADMIN, COMMANDER);
	}
}
