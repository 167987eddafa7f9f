package org.frontline.application;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Module listeners ({@code @ApplicationModuleListener}) run after the publishing transaction commits, on their own
 * thread and transaction. A publication that did not complete (its listener failed, or the instance stopped before
 * it ran) is marked failed by Modulith's staleness check ({@code spring.modulith.events.staleness.*}) and delivered
 * again here, so a listener must be idempotent; completed publications are kept a week for inspection.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
public class EventPublications {

	private static final Logger log = LoggerFactory.getLogger(EventPublications.class);

	private final FailedEventPublications failed;

	private final CompletedEventPublications completed;

	private final Duration retryAfter;

	private final Duration keepCompleted;

	EventPublications(FailedEventPublications failed, CompletedEventPublications completed,
			@Value("${frontline.events.retry-after:PT1M}") Duration retryAfter,
			@Value("${frontline.events.keep-completed:P7D}") Duration keepCompleted) {
		this.failed = failed;
		this.completed = completed;
		this.retryAfter = retryAfter;
		this.keepCompleted = keepCompleted;
	}

	/** Delivers failed publications again and forgets completed ones older than {@code keepCompleted}. */
	@Scheduled(fixedDelayString = "${frontline.events.check:PT1M}", initialDelayString = "${frontline.events.check:PT1M}")
	public void redeliver() {
		try {
			failed.resubmit(ResubmissionOptions.defaults().withMinAge(retryAfter));
			completed.deletePublicationsOlderThan(keepCompleted);
		}
		catch (RuntimeException ex) {
			log.warn("Delivering event publications again failed; will retry", ex);
		}
	}
}
