package org.frontline.security.internal;

import java.time.Clock;
import java.time.Duration;

import org.frontline.security.Attempts;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes attempt counters nobody has used for two hours (every limit has forgotten them after one) and the
 * addresses of sign-ins older than 90 days, so that neither table grows with the names and addresses of the past.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AttemptCleanup {

	static final Duration IDLE = Duration.ofHours(2);

	private final Attempts attempts;

	private final SignInLimits limits;

	private final Clock clock;

	AttemptCleanup(Attempts attempts, SignInLimits limits, Clock clock) {
		this.attempts = attempts;
		this.limits = limits;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${frontline.security.attempt-cleanup:PT10M}", initialDelayString = "PT1M")
	void cleanUp() {
		attempts.forgetIdle(clock.instant(), IDLE);
		limits.forgetOld(clock.instant());
	}
}
