package org.frontline.audit.web;

import java.util.Set;

import org.frontline.shared.ApiAccess;
import org.frontline.shared.NavItem;
import org.frontline.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditNavigation {

	@Bean
	ApiAccess auditApi() {
		return ApiAccess.any("/api/v1/audit/**", Role.ADMIN);
	}

	@Bean
	NavItem auditNav() {
		return new NavItem(910, "/admin/audit", "home.audit", "home.audit.hint", Set.of(Role.ADMIN));
	}
}
