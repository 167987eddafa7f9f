package org.frontline.testing.internal;

import java.util.Optional;

import org.frontline.shared.ScopeTarget;
import org.frontline.shared.Workplace;
import org.frontline.testing.Lab;
import org.frontline.testing.Site;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Users can be limited to one sampling site or one lab. */
@Configuration(proxyBeanMethods = false)
class TestingScopeTargets {

	@Bean
	ScopeTarget siteScopeTarget(PlaceRepository places) {
		return new ScopeTarget() {
			@Override
			public Workplace kind() {
				return Workplace.SITE;
			}

			@Override
			public Optional<String> areaOf(long id) {
				return places.siteArea(id);
			}

			@Override
			public Optional<String> nameOf(long id) {
				return places.site(id).map(Site::name);
			}
		};
	}

	@Bean
	ScopeTarget labScopeTarget(PlaceRepository places) {
		return new ScopeTarget() {
			@Override
			public Workplace kind() {
				return Workplace.LAB;
			}

			@Override
			public Optional<String> areaOf(long id) {
				return places.lab(id).map(Lab::area);
			}
		};
	}
}
