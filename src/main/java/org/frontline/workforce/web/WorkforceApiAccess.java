package org.frontline.workforce.web;

import static org.frontline.shared.Role.ADMIN;
import static org.frontline.shared.Role.COMMANDER;
import static org.frontline.shared.Role.COMMUNITY_WORKER;
import static org.frontline.shared.Role.SITE_LEADER;
import static org.frontline.shared.Role.WORKFORCE_COORDINATOR;

import org.frontline.shared.ApiAccess;
import org.frontline.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call the workforce API at all; the services then check the unit, post or area of each call. A worker may
 * hold any role (volunteers sign in as VOLUNTEER, a medic may be a registrar), so what a worker does for themselves
 * (their record and hours, their shifts, checking in) is open to every role and limited by the services to their own.
 */
@Configuration(proxyBeanMethods = false)
class WorkforceApiAccess {

	@Bean
	ApiAccess workersWriteApi() {
		return ApiAccess.of(HttpMethod.POST, "/api/v1/workers/**", ADMIN, COMMANDER, WORKFORCE_COORDINATOR);
	}

	@Bean
	ApiAccess workersListApi() {
		return ApiAccess.of(HttpMethod.GET, "/api/v1/workers", ADMIN, COMMANDER, WORKFORCE_COORDINATOR, SITE_LEADER,
				COMMUNITY_WORKER);
	}

	@Bean
	ApiAccess workerReadApi() {
		return ApiAccess.of(HttpMethod.GET, "/api/v1/workers/*", Role.values());
	}

	@Bean
	ApiAccess workerHoursApi() {
		return ApiAccess.of(HttpMethod.GET, "/api/v1/workers/*/hours", Role.values());
	}

	@Bean
	ApiAccess unitsApi() {
		return ApiAccess.any("/api/v1/units/**", ADMIN, COMMANDER, WORKFORCE_COORDINATOR, SITE_LEADER, COMMUNITY_WORKER);
	}

	@Bean
	ApiAccess deploymentsApi() {
		return ApiAccess.any("/api/v1/deployments/**", ADMIN, COMMANDER, WORKFORCE_COORDINATOR);
	}

	@Bean
	ApiAccess shiftsPlanApi() {
		return ApiAccess.any("/api/v1/shifts/**", ADMIN, COMMANDER, WORKFORCE_COORDINATOR, SITE_LEADER);
	}

	@Bean
	ApiAccess shiftReadApi() {
		return ApiAccess.of(HttpMethod.GET, "/api/v1/shifts/*", Role.values());
	}

	@Bean
	ApiAccess checkInApi() {
		return ApiAccess.of(HttpMethod.POST, "/api/v1/shifts/*/check-ins", Role.values());
	}

	@Bean
	ApiAccess checkOutApi() {
		return ApiAccess.of(HttpMethod.POST, "/api/v1/shifts/*/check-outs", Role.values());
	}

	@Bean
	ApiAccess workforceReadApi() {
		return ApiAccess.of(HttpMethod.GET, "/api/v1/workforce/**", ADMIN, COMMANDER, WORKFORCE_COORDINATOR,
				SITE_LEADER, COMMUNITY_WORKER);
	}

	@Bean
	ApiAccess ownShiftsApi() {
		return ApiAccess.of(HttpMethod.GET, "/api/v1/workforce/me/shifts", Role.values());
	}

	@Bean
	ApiAccess limitsWriteApi() {
		return ApiAccess.of(HttpMethod.POST, "/api/v1/workforce/limits", ADMIN, COMMANDER);
	}

	@Bean
	ApiAccess heatDaysApi() {
		return ApiAccess.of(HttpMethod.POST, "/api/v1/workforce/heat-days", ADMIN, COMMANDER, WORKFORCE_COORDINATOR);
	}
}
