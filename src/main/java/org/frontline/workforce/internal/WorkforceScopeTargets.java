package org.frontline.workforce.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.frontline.shared.ScopeTarget;
import org.frontline.shared.Workplace;
import org.frontline.shared.ZoneMark;
import org.frontline.shared.ZoneMarks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Users can be limited to one unit (a unit's coordinator sees its cadres only); and, until the zones module answers,
 * no post is in a lockdown or control zone.
 */
@Configuration(proxyBeanMethods = false)
class WorkforceScopeTargets {

	private static final Set<String> CONTROLLED = Set.of("LOCKDOWN", "CONTROL");

	@Bean
	ScopeTarget unitScopeTarget(UnitRepository units) {
		return new ScopeTarget() {
			@Override
			public Workplace kind() {
				return Workplace.UNIT;
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

	/**
	 * A post is in a lockdown or control zone when the zones module marks its area so, wholly or on some of its
	 * buildings; without the zones module no post is.
	 */
	@Bean
	PostZones postZones(ObjectProvider<ZoneMarks> marks) {
		return areaCode -> {
			ZoneMarks zones = marks.getIfAvailable();
			ZoneMark mark = zones == null ? null : zones.ofAreas(List.of(areaCode)).get(areaCode);
			return mark != null && CONTROLLED.contains(mark.level());
		};
	}
}
