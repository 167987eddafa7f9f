package org.frontline.quarantine.internal;

import org.frontline.quarantine.Anomalies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Escalates anomalies nobody acknowledged in time, checking every half minute. Tests switch it off
 * ({@code frontline.quarantine.escalation-job=false}) and drive the escalation with a controlled clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "frontline.quarantine.escalation-job", havingValue = "true", matchIfMissing = true)
class EscalationJob {

	private static final Logger log = LoggerFactory.getLogger(EscalationJob.class);

	private final Anomalies anomalies;

	EscalationJob(Anomalies anomalies) {
		this.anomalies = anomalies;
	}

	@Scheduled(fixedDelayString = "${frontline.quarantine.escalation-check:PT30S}", initialDelayString = "PT30S")
	void escalate() {
		try {
			int escalated = anomalies.escalateOverdue();
			if (escalated > 0) {
				log.info("Escalated {} anomalies not acknowledged in time", escalated);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Escalating anomalies failed; will retry", ex);
		}
	}
}
