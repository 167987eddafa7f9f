package org.frontline.enterprise.internal;

import org.frontline.enterprise.DailyReports;
import org.frontline.enterprise.Loops;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every minute: today's testing round of each active loop (made once, after midnight), and the daily reports'
 * deadline and escalation. Tests switch it off ({@code frontline.enterprise.loop-jobs=false}) and call both with a
 * controlled clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "frontline.enterprise.loop-jobs", havingValue = "true", matchIfMissing = true)
class LoopJobs {

	private final Loops loops;

	private final DailyReports reports;

	LoopJobs(Loops loops, DailyReports reports) {
		this.loops = loops;
		this.reports = reports;
	}

	@Scheduled(fixedDelayString = "${frontline.enterprise.loop-check:PT1M}", initialDelayString = "PT1M")
	void check() {
		loops.openToday();
		reports.checkDeadlines();
	}
}
