package org.frontline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.frontline.FrontlineApplication;
import org.frontline.support.Api;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Frontline started as the README starts it (the demo on, its own embedded PostgreSQL keeping its data directory),
 * stopped, and started again on the same directory: the second start comes up healthy and the demos, finding their
 * data, add nothing.
 */
class SecondStartIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void aSecondStartOnTheKeptDataDirectoryComesUpHealthyAndAddsNoDemoData() throws InterruptedException {
		Map<String, Long> first;
		try (ConfigurableApplicationContext app = start()) {
			first = rowCounts(app);
			assertThat(first.get("people_person")).as("the demo district was loaded").isGreaterThanOrEqualTo(600);
			assertThat(first.get("testing_sample")).as("the demo day played").isPositive();
		}

		try (ConfigurableApplicationContext app = start()) {
			assertThat(rowCounts(app)).as("rows per table after the second start").isEqualTo(first);

			Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
			Api.Response health = api.anonymous().get("/actuator/health");
			assertThat(health.status()).isEqualTo(200);
			assertThat(health.body()).contains("UP");
			assertThat(api.as("admin").get("/api/v1/areas").status()).as("a demo user signs in").isEqualTo(200);
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(FrontlineApplication.class).run(
				"--frontline.db.data-dir=" + dir.resolve("data"), "--frontline.db.shared-buffers=128MB",
				"--server.port=0", "--frontline.demo.enabled=true", "--frontline.demo.residents=600",
				"--frontline.demo.seed=7", "--frontline.demo.password=" + IntegrationTest.DEMO_PASSWORD,
				"--logging.level.root=WARN", "--spring.application.name=frontline-second-start");
	}

	/** Rows per table once every module listener is done (sessions and the migration history aside). */
	private static Map<String, Long> rowCounts(ConfigurableApplicationContext app) throws InterruptedException {
		JdbcClient db = JdbcClient.create(app.getBean(DataSource.class));
		long deadline = System.nanoTime() + 60_000_000_000L;
		while (System.nanoTime() < deadline && db.sql("""
				SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND coalesce(status, '') <> 'FAILED'
				""").query(Long.class).single() > 0) {
			Thread.sleep(100);
		}
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : db.sql("""
				SELECT table_name FROM information_schema.tables
				WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
				  AND table_name NOT LIKE 'security_session%' AND table_name <> 'flyway_schema_history'
				ORDER BY table_name
				""").query(String.class).list()) {
			counts.put(table, db.sql("SELECT count(*) FROM " + table).query(Long.class).single());
		}
		return counts;
	}
}
