package org.frontline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.frontline.FrontlineApplication;
import org.frontline.support.Browser;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A first start of the demo, as a new user meets it: a second instance of the application on a fresh database of the
 * test server, with the demo day on. Its round page, follow-up page and a quarantine facility's day page show work;
 * a later start on the kept database completes what is missing and repeats nothing.
 */
class DemoDayIntegrationTests extends IntegrationTest {

	@Autowired
	DataSource dataSource;

	private static String database;

	private static ConfigurableApplicationContext demo;

	@AfterAll
	static void stopTheDemo(@Autowired JdbcClient jdbc) {
		if (demo != null) {
			demo.close();
			demo = null;
		}
		if (database != null) {
			jdbc.sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)").update();
			database = null;
		}
	}

	/** One demo start for the class: the first test to need it starts it. */
	private ConfigurableApplicationContext demo() {
		if (demo == null) {
			database = "demo_day_" + System.nanoTime();
			jdbc.sql("CREATE DATABASE " + database).update();
			demo = start(database);
		}
		return demo;
	}

	@Test
	void theDemoStartsInTheMiddleOfADayThatEveryPageShows() {
		ConfigurableApplicationContext demo = demo();
		JdbcClient db = JdbcClient.create(demo.getBean(DataSource.class));
		long round = db.sql("SELECT id FROM testing_round WHERE name = '崇川区第3轮全员核酸检测'").query(Long.class).single();
		long sampled = db.sql("""
				SELECT count(DISTINCT person_id) FROM testing_sample WHERE round_id = :round AND removed_at IS NULL""")
			.param("round", round)
			.query(Long.class)
			.single();
		long residents = 600; // the generated district's (other demos register staff and cadres besides)
		assertThat((double) sampled / residents).as("about two-thirds of the round sampled").isBetween(0.5, 0.75);
		assertThat(db.sql("SELECT count(*) FROM testing_box WHERE status = 'RECEIVED'").query(Long.class).single())
			.as("boxes received by the lab").isPositive();
		assertThat(db.sql("SELECT count(*) FROM testing_box WHERE status <> 'RECEIVED'").query(Long.class).single())
			.as("boxes still at the site or on their way").isPositive();
		// The day's own tubes (the zones and enterprise demos add positives of their own elsewhere).
		assertThat(db.sql("""
				SELECT count(*) FROM testing_result r JOIN testing_tube t ON t.id = r.tube_id
				WHERE r.outcome = 'POSITIVE' AND t.code LIKE 'D%' AND t.pool_size = 10""").query(Long.class).single())
			.as("one positive pool of the day").isEqualTo(1);
		long facility = db.sql("SELECT min(id) FROM quarantine_facility").query(Long.class).single();
		int port = ((WebServerApplicationContext) demo).getWebServer().getPort();
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.login("admin", DEMO_PASSWORD).open("/testing/rounds/" + round);
			assertThat(count(browser.find(By.id("round-sampled")).getDomAttribute("data-count")))
				.isEqualTo(sampled);
			browser.open("/testing/followups");
			assertThat(browser.driver().findElements(By.cssSelector("#inbox-pools tbody tr"))).as("positive pools")
				.isNotEmpty();
			assertThat(browser.driver().findElements(By.cssSelector("#inbox-tasks tbody tr")))
				.as("retest tasks, one per person of the pool").hasSizeGreaterThanOrEqualTo(2);
			browser.open("/quarantine/facilities/" + facility);
			assertThat(browser.driver().findElements(By.cssSelector("#rooms-table .room-row[id^='stay-']")))
				.as("people staying").isNotEmpty();
		}
		// A second start keeps the day as it is.
		List<Long> before = db.sql("SELECT count(*) FROM testing_scan_event").query(Long.class).list();
		demo.getBean(DemoDay.class).run(null);
		assertThat(db.sql("SELECT count(*) FROM testing_scan_event").query(Long.class).list()).isEqualTo(before);
	}

	@Test
	void theZonesDemoMakesItsPositiveOnAKeptCityWhoseRoundSampledTheResidentBefore() {
		JdbcClient db = JdbcClient.create(demo().getBean(DataSource.class));
		// A kept city: its notices are in, the open round sampled the resident before, the demo's positive is not made.
		db.sql("UPDATE testing_tube SET code = 'EARLIER-' || code WHERE code LIKE 'GYS-7-%'").update();
		db.sql("UPDATE testing_box SET code = 'EARLIER-' || code WHERE code LIKE 'GYS-BOX-7-%'").update();
		long notices = db.sql("SELECT count(*) FROM zones_notice").query(Long.class).single();

		demo.getBean(ZonesDemo.class).run(null);

		assertThat(db.sql("""
				SELECT r.outcome FROM testing_result r JOIN testing_tube t ON t.id = r.tube_id
				WHERE t.code LIKE 'GYS-7-%'""").query(String.class).list()).containsExactly("POSITIVE");
		assertThat(db.sql("""
				SELECT s.resample FROM testing_sample s JOIN testing_tube t ON t.id = s.tube_id
				WHERE t.code LIKE 'GYS-7-%'""").query(Boolean.class).list()).as("sampled again, confirmed")
			.containsExactly(true);
		assertThat(db.sql("SELECT count(*) FROM zones_notice").query(Long.class).single()).isEqualTo(notices);
		List<Long> scans = db.sql("SELECT count(*) FROM testing_scan_event").query(Long.class).list();
		demo.getBean(ZonesDemo.class).run(null);
		assertThat(db.sql("SELECT count(*) FROM testing_scan_event").query(Long.class).list())
			.as("a second start changes nothing").isEqualTo(scans);
	}

	private static long count(String value) {
		return Long.parseLong(value);
	}

	private ConfigurableApplicationContext start(String database) {
		HikariDataSource hikari = (HikariDataSource) dataSource;
		String url = hikari.getJdbcUrl();
		int query = url.indexOf('?');
		String base = query < 0 ? url : url.substring(0, query);
		String newUrl = base.substring(0, base.lastIndexOf('/') + 1) + database + (query < 0 ? "" : url.substring(query));
		return new SpringApplicationBuilder(FrontlineApplication.class).run("--frontline.db.url=" + newUrl,
				"--frontline.db.user=" + (hikari.getUsername() == null ? "postgres" : hikari.getUsername()),
				"--frontline.db.password=", "--server.port=0", "--frontline.demo.enabled=true",
				"--frontline.demo.day=true", "--frontline.demo.residents=600", "--frontline.demo.seed=7",
				"--frontline.demo.password=" + DEMO_PASSWORD, "--frontline.quarantine.escalation-job=false",
				"--logging.level.root=WARN", "--spring.application.name=frontline-demo-day");
	}
}
