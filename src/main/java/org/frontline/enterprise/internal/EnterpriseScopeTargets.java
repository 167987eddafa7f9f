package org.frontline.enterprise.internal;

import java.util.Optional;

import org.frontline.shared.ScopeTarget;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Users (enterprise liaisons) can be limited to one enterprise. */
@Configuration(proxyBeanMethods = false)
class EnterpriseScopeTargets {

	@Bean
	ScopeTarget enterpriseScopeTarget(EnterpriseRepository enterprises) {
		return new ScopeTarget() {
			@Override
			public String kind() {
				return "enterprise";
			}

			@Override
			public Optional<String> areaOf(long id) {
				return enterprises.area(id);
			}
		};
	}
}
