package org.frontline.people.web;

import java.util.Set;

import org.frontline.shared.ApiAccess;
import org.frontline.shared.NavItem;
import org.frontline.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class PeopleNavigation {

	private static final Set<Role> READERS = Set.of(Role.ADMIN, Role.COMMANDER, Role.COMMUNITY_WORKER,
			Role.SITE_LEADER, Role.REGISTRAR, Role.FACILITY_STAFF);

	@Bean
	ApiAccess peopleRead() {
		return ApiAccess.of(HttpMethod.GET, "/api/v1/people/**", READERS.toArray(Role[]::new));
	}

	@Bean
	ApiAccess peopleCreate() {
		return ApiAccess.of(HttpMethod.POST, "/api/v1/people", Role.ADMIN, Role.COMMUNITY_WORKER);
	}

	@Bean
	ApiAccess peopleImport() {
		return ApiAccess.of(HttpMethod.POST, "/api/v1/people/import", Role.ADMIN, Role.COMMUNITY_WORKER);
	}

	@Bean
	ApiAccess samplingCodeReissue() {
		return ApiAccess.of(HttpMethod.POST, "/api/v1/people/*/code/reissue", Role.ADMIN, Role.COMMUNITY_WORKER);
	}

	@Bean
	ApiAccess samplingCodeRead() {
		return ApiAccess.of(HttpMethod.GET, "/api/v1/people/*/code", Role.ADMIN, Role.COMMUNITY_WORKER);
	}

	@Bean
	ApiAccess testCardsApi() {
		return ApiAccess.of(HttpMethod.POST, "/api/v1/cards/**", Role.ADMIN, Role.COMMUNITY_WORKER);
	}

	@Bean
	ApiAccess peopleUpdate() {
		return ApiAccess.of(HttpMethod.PUT, "/api/v1/people/**", Role.ADMIN, Role.COMMUNITY_WORKER);
	}

	@Bean
	NavItem residentsNav() {
		return new NavItem(10, "/people", "home.people", "home.people.hint", READERS);
	}

	@Bean
	NavItem areasNav() {
		return new NavItem(20, "/areas", "home.areas", "home.areas.hint", READERS);
	}
}
