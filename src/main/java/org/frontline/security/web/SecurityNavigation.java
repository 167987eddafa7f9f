package org.frontline.security.web;

import java.util.Set;

import org.frontline.shared.ApiAccess;
import org.frontline.shared.NavItem;
import org.frontline.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SecurityNavigation {

	@Bean
	ApiAccess usersApi() {
		return ApiAccess.any("/api/v1/users/**", Role.ADMIN);
	}

	@Bean
	ApiAccess tokensApi() {
		return ApiAccess.any("/api/v1/tokens/**", Role.ADMIN);
	}

	@Bean
	NavItem accountNav() {
		return new NavItem(990, "/account", "security.account.title", "security.account.hint", Set.of());
	}

	@Bean
	NavItem usersNav() {
		return new NavItem(900, "/admin/users", "home.admin", "home.admin.hint", Set.of(Role.ADMIN));
	}
}
