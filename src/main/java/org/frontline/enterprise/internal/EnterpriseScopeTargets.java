package org.frontline.enterprise.internal;

import java.util.Optional;

import org.frontline.shared.ScopeTarget;
import org.frontline.shared.Workplace;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Users (enterprise liaisons) can be limited to one enterprise, which other modules show by its name. */
@Configuration(proxyBeanMethods = false)
class EnterpriseScopeTargets {

	@Bean
	ScopeTarget enterpriseScopeTarget(EnterpriseRepository enterprises) {
		return new ScopeTarget() {
			@Override
			public Workplace kind() {
				return Workplace.ENTERPRISE;
			}

			@Override
			public Optional<String> areaOf(long id) {
				return enterprises.area(id);
			}

			@Override
			public Optional<String> nameOf(long id) {
				return enterprises.find(id).map(enterprise -> enterprise.name());
			}
		};
	}
}
