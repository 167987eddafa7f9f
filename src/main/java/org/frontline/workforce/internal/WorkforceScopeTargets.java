package org.frontline.workforce.internal;

import java.util.Optional;

import org.frontline.shared.ScopeTarget;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Users can be limited to one unit (a unit's coordinator sees its cadres only); and, until the zones module answers,
 * no post is in a lockdown or control zone.
 */
@Configuration(proxyBeanMethods = false)
class WorkforceScopeTargets {

	@Bean
	ScopeTarget unitScopeTarget(UnitRepository units) {
		return new ScopeTarget() {
			@Override
			public String kind() {
				return "unit";
			}

			@Override
			public Optional<String> areaOf(long id) {
				return units.areaOf(id);
			}

			@Override
			public Optional<String> nameOf(long id) {
				return units.nameOf(id);
			}
		};
	}

	@Bean
	PostZones noZones() {
		return areaCode -> false;
	}
}
