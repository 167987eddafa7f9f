package org.frontline.quarantine.web;

import static org.frontline.shared.Role.ADMIN;
import static org.frontline.shared.Role.COMMANDER;
import static org.frontline.shared.Role.COMMUNITY_WORKER;
import static org.frontline.shared.Role.FACILITY_STAFF;

import org.frontline.shared.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may call the quarantine API at all; the services then check the facility or area of each call. */
@Configuration(proxyBeanMethods = false)
class QuarantineApiAccess {

	@Bean
	ApiAccess facilitiesApi() {
		return ApiAccess.any("/api/v1/facilities/**", ADMIN, COMMANDER, FACILITY_STAFF);
	}

	@Bean
	ApiAccess categoriesApi() {
		return ApiAccess.any("/api/v1/categories/**", ADMIN, COMMANDER, FACILITY_STAFF);
	}

	@Bean
	ApiAccess staysApi() {
		return ApiAccess.any("/api/v1/stays/**", ADMIN, COMMANDER, FACILITY_STAFF, COMMUNITY_WORKER);
	}

	@Bean
	ApiAccess roomsApi() {
		return ApiAccess.any("/api/v1/rooms/**", ADMIN, COMMANDER, FACILITY_STAFF);
	}

	@Bean
	ApiAccess anomaliesApi() {
		return ApiAccess.any("/api/v1/anomalies/**", ADMIN, COMMANDER, FACILITY_STAFF);
	}

	@Bean
	ApiAccess capacityApi() {
		return ApiAccess.any("/api/v1/quarantine/**", ADMIN, COMMANDER, FACILITY_STAFF);
	}
}
