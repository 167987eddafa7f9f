package org.frontline.planning.web;

import static org.frontline.shared.Role.ADMIN;
import static org.frontline.shared.Role.COMMANDER;

import org.frontline.shared.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A round's plan is the command centre's: only they may read or make it (more specific than the rounds' rules). */
@Configuration(proxyBeanMethods = false)
class PlanningApiAccess {

	@Bean
	ApiAccess planningApi() {
		return ApiAccess.any("/api/v1/rounds/*/plan/**", ADMIN, COMMANDER);
	}
}
