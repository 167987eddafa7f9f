package org.frontline.demo;

import java.time.Clock;
import java.time.LocalDate;

import org.frontline.area.Areas;
import org.frontline.command.DailyReports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The command centre's morning in the demo district: yesterday's daily report is already issued when the commander
 * signs in (after every other module's demo has loaded, so it counts their people and alerts).
 */
@Component
@Order(90)
class CommandDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CommandDemo.class);

	private final DemoProperties properties;

	private final DailyReports reports;

	private final Areas areas;

	private final Clock clock;

	CommandDemo(DemoProperties properties, DailyReports reports, Areas areas, Clock clock) {
		this.properties = properties;
		this.reports = reports;
		this.areas = areas;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		LocalDate yesterday = LocalDate.now(clock).minusDays(1);
		if (!properties.enabled() || reports.issued(yesterday, DemoAreas.DISTRICT)) {
			return;
		}
		areas.find(DemoAreas.DISTRICT).ifPresent(district -> {
			long id = reports.issue(yesterday, district, "system").id();
			log.info("Demo daily report of {} issued: report {}", yesterday, id);
		});
	}
}
