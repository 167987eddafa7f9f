package org.frontline.command.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import org.frontline.area.Area;
import org.frontline.area.AreaLevel;
import org.frontline.area.Areas;
import org.frontline.command.Alerts;
import org.frontline.command.DailyReports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The command centre's clocks: alerts nobody acknowledged escalate (checked every half minute), and each district's
 * daily report of yesterday is issued once it is {@code frontline.command.report-at} (00:30) in the district's time
 * zone. Tests switch them off ({@code frontline.command.jobs=false}) and call the work directly with their clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "frontline.command.jobs", havingValue = "true", matchIfMissing = true)
class CommandJobs {

	private static final Logger log = LoggerFactory.getLogger(CommandJobs.class);

	@Bean
	Escalation commandEscalation(Alerts alerts) {
		return new Escalation(alerts);
	}

	@Bean
	ReportIssuer commandReportIssuer(DailyReports reports, Areas areas, Clock clock,
			@Value("${frontline.command.report-at:00:30}") LocalTime at) {
		return new ReportIssuer(reports, areas, clock, at);
	}

	static class Escalation {

		private final Alerts alerts;

		Escalation(Alerts alerts) {
			this.alerts = alerts;
		}

		@Scheduled(fixedDelayString = "${frontline.command.escalation-check:PT30S}", initialDelayString = "PT30S")
		void escalate() {
			try {
				int moved = alerts.escalateOverdue();
				if (moved > 0) {
					log.info("Escalated {} alerts not acknowledged in time", moved);
				}
			}
			catch (RuntimeException ex) {
				log.warn("Escalating alerts failed; will retry", ex);
			}
		}
	}

	static class ReportIssuer {

		private final DailyReports reports;

		private final Areas areas;

		private final Clock clock;

		private final LocalTime at;

		ReportIssuer(DailyReports reports, Areas areas, Clock clock, LocalTime at) {
			this.reports = reports;
			this.areas = areas;
			this.clock = clock;
			this.at = at;
		}

		@Scheduled(fixedDelayString = "${frontline.command.report-check:PT5M}", initialDelayString = "PT1M")
		void issue() {
			ZonedDateTime now = ZonedDateTime.now(clock);
			if (now.toLocalTime().isBefore(at)) {
				return;
			}
			LocalDate yesterday = now.toLocalDate().minusDays(1);
			for (Area district : areas.atLevel(AreaLevel.DISTRICT)) {
				try {
					if (!reports.issued(yesterday, district.code())) {
						reports.issue(yesterday, district, "system");
					}
				}
				catch (RuntimeException ex) {
					log.warn("Issuing the daily report of {} for {} failed; will retry", district.code(), yesterday, ex);
				}
			}
		}
	}
}
