package org.frontline.enterprise.web;

import static org.frontline.shared.Role.ADMIN;
import static org.frontline.shared.Role.COMMANDER;
import static org.frontline.shared.Role.ENTERPRISE_LIAISON;

import org.frontline.shared.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may call the enterprise API at all; the services then check the enterprise or area of each call. */
@Configuration(proxyBeanMethods = false)
class EnterpriseApiAccess {

	@Bean
	ApiAccess enterprisesReadApi() {
		return ApiAccess.of(HttpMethod.GET, "/api/v1/enterprises/**", ADMIN, COMMANDER, ENTERPRISE_LIAISON);
	}

	@Bean
	ApiAccess enterprisesWriteApi() {
		return ApiAccess.of(HttpMethod.POST, "/api/v1/enterprises/**", ADMIN, COMMANDER);
	}

	@Bean
	ApiAccess enterpriseRoomsApi() {
		return ApiAccess.of(HttpMethod.POST, "/api/v1/enterprises/*/rooms", ADMIN, COMMANDER, ENTERPRISE_LIAISON);
	}

	@Bean
	ApiAccess loopsReadApi() {
		return ApiAccess.of(HttpMethod.GET, "/api/v1/loops/**", ADMIN, COMMANDER, ENTERPRISE_LIAISON);
	}

	@Bean
	ApiAccess loopsWriteApi() {
		return ApiAccess.of(HttpMethod.POST, "/api/v1/loops/**", ADMIN, COMMANDER, ENTERPRISE_LIAISON);
	}

	@Bean
	ApiAccess loopsEndApi() {
		return ApiAccess.of(HttpMethod.POST, "/api/v1/loops/*/end", ADMIN, COMMANDER);
	}
}
