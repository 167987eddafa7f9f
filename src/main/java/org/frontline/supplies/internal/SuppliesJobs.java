package org.frontline.supplies.internal;

import org.frontline.supplies.SupplyChecks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the module's checks on a schedule. Tests switch them off ({@code frontline.supplies.jobs=false}) and call
 * {@link SupplyChecks} with the test clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "frontline.supplies.jobs", havingValue = "true", matchIfMissing = true)
class SuppliesJobs {

	private static final Logger log = LoggerFactory.getLogger(SuppliesJobs.class);

	private final SupplyChecks checks;

	SuppliesJobs(SupplyChecks checks) {
		this.checks = checks;
	}

	@Scheduled(fixedDelayString = "${frontline.supplies.tube-use-interval:PT1M}", initialDelayString = "PT1M")
	void tubeUse() {
		try {
			checks.takeTubeUse();
			checks.takeOwedSets();
		}
		catch (RuntimeException ex) {
			log.warn("Taking tube use from site stock failed; will retry", ex);
		}
	}

	@Scheduled(fixedDelayString = "${frontline.supplies.alert-interval:PT5M}", initialDelayString = "PT2M")
	void alerts() {
		try {
			checks.checkOverdueRequests();
			checks.checkLowCover();
		}
		catch (RuntimeException ex) {
			log.warn("Checking supplies alerts failed; will retry", ex);
		}
	}
}
