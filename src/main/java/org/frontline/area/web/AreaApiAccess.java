package org.frontline.area.web;

import org.frontline.shared.ApiAccess;
import org.frontline.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class AreaApiAccess {

	@Bean
	ApiAccess areasWrite() {
		return ApiAccess.of(HttpMethod.POST, "/api/v1/areas/**", Role.ADMIN);
	}
}
