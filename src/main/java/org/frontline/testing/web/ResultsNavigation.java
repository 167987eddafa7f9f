package org.frontline.testing.web;

import java.util.Set;

import org.frontline.shared.ApiAccess;
import org.frontline.shared.NavItem;
import org.frontline.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call the results, follow-up and coverage API, and their pages in the navigation. GET
 * /api/v1/people/{id}/results falls under the people module's rule for /api/v1/people/**.
 */
@Configuration(proxyBeanMethods = false)
class ResultsNavigation {

	private static final Role[] FOLLOW_UP = { Role.ADMIN, Role.COMMANDER, Role.COMMUNITY_WORKER };

	@Bean
	ApiAccess resultsPost() {
		return ApiAccess.any("/api/v1/results/**", Role.ADMIN, Role.LAB);
	}

	@Bean
	ApiAccess tasksAccess() {
		return ApiAccess.any("/api/v1/tasks/**", FOLLOW_UP);
	}

	@Bean
	ApiAccess followUpsAccess() {
		return ApiAccess.any("/api/v1/followups/**", FOLLOW_UP);
	}

	@Bean
	ApiAccess selfReportsAccess() {
		return ApiAccess.any("/api/v1/self-reports/**", FOLLOW_UP);
	}

	@Bean
	ApiAccess coverageAccess() {
		return ApiAccess.of(HttpMethod.GET, "/api/v1/rounds/*/coverage", FOLLOW_UP);
	}

	@Bean
	ApiAccess missingAccess() {
		return ApiAccess.of(HttpMethod.GET, "/api/v1/rounds/*/missing/**", FOLLOW_UP);
	}

	@Bean
	ApiAccess exemptionsAccess() {
		return ApiAccess.any("/api/v1/rounds/*/exemptions/**", FOLLOW_UP);
	}

	@Bean
	ApiAccess turnaroundAccess() {
		return ApiAccess.of(HttpMethod.GET, "/api/v1/rounds/*/turnaround", Role.ADMIN, Role.COMMANDER, Role.LAB);
	}

	@Bean
	ApiAccess poolAdviceAccess() {
		return ApiAccess.of(HttpMethod.GET, "/api/v1/rounds/*/pool-advice", Role.ADMIN, Role.COMMANDER);
	}

	@Bean
	NavItem resultsNav() {
		return new NavItem(32, "/testing/results", "testing.nav.results", "testing.nav.results.hint",
				Set.of(Role.ADMIN, Role.LAB));
	}

	@Bean
	NavItem roundsNav() {
		return new NavItem(33, "/testing/rounds", "testing.nav.rounds", "testing.nav.rounds.hint",
				Set.of(Role.ADMIN, Role.COMMANDER, Role.COMMUNITY_WORKER));
	}

	@Bean
	NavItem followUpNav() {
		return new NavItem(34, "/testing/followups", "testing.nav.followups", "testing.nav.followups.hint",
				Set.of(Role.ADMIN, Role.COMMANDER, Role.COMMUNITY_WORKER));
	}
}
