package org.frontline.application;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Time is a bean, so that deadlines and escalations can be tested with a controlled clock. Its zone is the district's
 * ({@code frontline.zone}): every page, export and report shows times in it, whatever the server's own zone is.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock(@Value("${frontline.zone}") ZoneId zone) {
		return Clock.system(zone);
	}
}
