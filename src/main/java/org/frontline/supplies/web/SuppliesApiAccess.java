package org.frontline.supplies.web;

import static org.frontline.shared.Role.ADMIN;
import static org.frontline.shared.Role.COMMANDER;
import static org.frontline.shared.Role.COMMUNITY_WORKER;
import static org.frontline.shared.Role.ENTERPRISE_LIAISON;
import static org.frontline.shared.Role.FACILITY_STAFF;
import static org.frontline.shared.Role.SITE_LEADER;
import static org.frontline.shared.Role.WAREHOUSE_KEEPER;

import org.frontline.shared.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may call the supplies API at all; the services then check the places of each call against the caller's scope. */
@Configuration(proxyBeanMethods = false)
class SuppliesApiAccess {

	@Bean
	ApiAccess itemsReadApi() {
		return ApiAccess.of(HttpMethod.GET, "/api/v1/items/**", ADMIN, COMMANDER, WAREHOUSE_KEEPER, SITE_LEADER,
				FACILITY_STAFF, COMMUNITY_WORKER, ENTERPRISE_LIAISON);
	}

	@Bean
	ApiAccess itemsWriteApi() {
		return ApiAccess.of(HttpMethod.POST, "/api/v1/items/**", ADMIN);
	}

	@Bean
	ApiAccess stockApi() {
		return ApiAccess.any("/api/v1/stock/**", ADMIN, COMMANDER, WAREHOUSE_KEEPER, SITE_LEADER, FACILITY_STAFF,
				COMMUNITY_WORKER, ENTERPRISE_LIAISON);
	}

	@Bean
	ApiAccess movementsApi() {
		return ApiAccess.any("/api/v1/movements/**", ADMIN, COMMANDER, WAREHOUSE_KEEPER, SITE_LEADER, FACILITY_STAFF,
				COMMUNITY_WORKER, ENTERPRISE_LIAISON);
	}

	@Bean
	ApiAccess requestsApi() {
		return ApiAccess.any("/api/v1/requests/**", ADMIN, COMMANDER, WAREHOUSE_KEEPER, SITE_LEADER, FACILITY_STAFF,
				COMMUNITY_WORKER, ENTERPRISE_LIAISON);
	}

	@Bean
	ApiAccess shipmentsApi() {
		return ApiAccess.any("/api/v1/shipments/**", ADMIN, COMMANDER, WAREHOUSE_KEEPER, SITE_LEADER, FACILITY_STAFF,
				COMMUNITY_WORKER, ENTERPRISE_LIAISON);
	}

	@Bean
	ApiAccess donationsApi() {
		return ApiAccess.any("/api/v1/donations/**", ADMIN, COMMANDER, WAREHOUSE_KEEPER, SITE_LEADER, FACILITY_STAFF,
				COMMUNITY_WORKER, ENTERPRISE_LIAISON);
	}

	@Bean
	ApiAccess suppliesApi() {
		return ApiAccess.any("/api/v1/supplies/**", ADMIN, COMMANDER, WAREHOUSE_KEEPER);
	}

	@Bean
	ApiAccess warehousesReadApi() {
		return ApiAccess.of(HttpMethod.GET, "/api/v1/warehouses/**", ADMIN, COMMANDER, WAREHOUSE_KEEPER, SITE_LEADER,
				FACILITY_STAFF, COMMUNITY_WORKER, ENTERPRISE_LIAISON);
	}

	@Bean
	ApiAccess warehousesWriteApi() {
		return ApiAccess.of(HttpMethod.POST, "/api/v1/warehouses/**", ADMIN);
	}
}
