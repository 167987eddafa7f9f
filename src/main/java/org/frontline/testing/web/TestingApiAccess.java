package org.frontline.testing.web;

import static org.frontline.shared.Role.ADMIN;
import static org.frontline.shared.Role.COMMANDER;
import static org.frontline.shared.Role.COMMUNITY_WORKER;
import static org.frontline.shared.Role.LAB;
import static org.frontline.shared.Role.REGISTRAR;
import static org.frontline.shared.Role.SITE_LEADER;
import static org.frontline.shared.Role.VOLUNTEER;

import org.frontline.shared.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may call the testing API at all; the services then check the site, lab or area of each call. */
@Configuration(proxyBeanMethods = false)
class TestingApiAccess {

	@Bean
	ApiAccess roundsWriteApi() {
		return ApiAccess.of(HttpMethod.POST, "/api/v1/rounds/**", ADMIN, COMMANDER);
	}

	@Bean
	ApiAccess roundsReadApi() {
		return ApiAccess.of(HttpMethod.GET, "/api/v1/rounds/**", ADMIN, COMMANDER, SITE_LEADER, REGISTRAR, LAB,
				COMMUNITY_WORKER);
	}

	@Bean
	ApiAccess sitesWriteApi() {
		return ApiAccess.of(HttpMethod.POST, "/api/v1/sites/**", ADMIN, COMMANDER, SITE_LEADER);
	}

	@Bean
	ApiAccess sitesReadApi() {
		return ApiAccess.of(HttpMethod.GET, "/api/v1/sites/**", ADMIN, COMMANDER, SITE_LEADER, REGISTRAR);
	}

	@Bean
	ApiAccess labsWriteApi() {
		return ApiAccess.of(HttpMethod.POST, "/api/v1/labs/**", ADMIN, COMMANDER);
	}

	@Bean
	ApiAccess labsReadApi() {
		return ApiAccess.of(HttpMethod.GET, "/api/v1/labs/**", ADMIN, COMMANDER, LAB, SITE_LEADER);
	}

	@Bean
	ApiAccess scansApi() {
		return ApiAccess.device(HttpMethod.POST, "/api/v1/scans", ADMIN, SITE_LEADER, REGISTRAR, VOLUNTEER, LAB);
	}

	@Bean
	ApiAccess tubesApi() {
		return ApiAccess.of(HttpMethod.GET, "/api/v1/tubes/**", ADMIN, COMMANDER, SITE_LEADER, REGISTRAR, LAB);
	}

	@Bean
	ApiAccess boxesApi() {
		return ApiAccess.of(HttpMethod.GET, "/api/v1/boxes/**", ADMIN, COMMANDER, SITE_LEADER, REGISTRAR, LAB);
	}
}
