package org.frontline.zones.internal;

import org.frontline.zones.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Checks the zones' rounds that are not final yet every few minutes ({@code frontline.zones.round-check}), so that
 * the lifting board reads the negative-round criterion without counting residents. Tests switch it off
 * ({@code frontline.zones.round-check-job=false}) and call {@link Zones#checkRounds()} themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "frontline.zones.round-check-job", havingValue = "true", matchIfMissing = true)
class RoundCheckJob {

	private static final Logger log = LoggerFactory.getLogger(RoundCheckJob.class);

	private final Zones zones;

	RoundCheckJob(Zones zones) {
		this.zones = zones;
	}

	@Scheduled(fixedDelayString = "${frontline.zones.round-check:PT5M}", initialDelayString = "PT1M")
	void check() {
		try {
			zones.checkRounds();
		}
		catch (RuntimeException ex) {
			log.warn("Checking the zones' rounds failed; will retry", ex);
		}
	}
}
