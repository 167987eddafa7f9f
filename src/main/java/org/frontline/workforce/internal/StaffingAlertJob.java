package org.frontline.workforce.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Looks for no-shows, stations without their sampler and workers past a limit every minute. Tests switch it off
 * ({@code frontline.workforce.alert-job=false}) and call {@link StaffingAlerts#check()} with their clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "frontline.workforce.alert-job", havingValue = "true", matchIfMissing = true)
class StaffingAlertJob {

	private static final Logger log = LoggerFactory.getLogger(StaffingAlertJob.class);

	private final StaffingAlerts alerts;

	StaffingAlertJob(StaffingAlerts alerts) {
		this.alerts = alerts;
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	void check() {
		try {
			int raised = alerts.check();
			if (raised > 0) {
				log.info("Raised {} staffing alerts", raised);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Checking staffing alerts failed; will retry", ex);
		}
	}
}
