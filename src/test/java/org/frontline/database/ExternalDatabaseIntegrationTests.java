package org.frontline.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.frontline.FrontlineApplication;
import org.frontline.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With a database URL configured Frontline uses that server (here a separately started PostgreSQL standing in for a
 * production one), starts no server of its own, and outside demo mode creates only the first administrator, with the
 * password from configuration.
 */
class ExternalDatabaseIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void runsOnAConfiguredServerWithOnlyTheConfiguredAdministrator() throws Exception {
		Path ownDataDir = dir.resolve("never-used");
		try (EmbeddedDatabase external = EmbeddedDatabase.start(dir.resolve("external"), 0);
				ConfigurableApplicationContext app = new SpringApplicationBuilder(FrontlineApplication.class).run(
						"--frontline.db.url=jdbc:postgresql://localhost:" + external.port() + "/postgres",
						"--frontline.db.user=postgres", "--frontline.db.password=",
						"--frontline.db.data-dir=" + ownDataDir, "--frontline.demo.enabled=false",
						"--frontline.admin.password=Configured2022", "--server.port=0",
						"--logging.level.root=WARN")) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			Api api = new Api(port);
			assertThat(api.anonymous().get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
			assertThat(Files.exists(ownDataDir)).isFalse();

			JdbcClient direct = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
					external.jdbcUrl()));
			assertThat(direct.sql("SELECT username FROM security_user").query(String.class).list()).containsExactly("admin");
			assertThat(direct.sql("SELECT count(*) FROM area WHERE code = '320602'").query(Long.class).single()).isZero();

			assertThat(api.anonymous().post("/api/v1/auth/login", Map.of("username", "admin", "password", "frontline-demo"))
				.status()).isEqualTo(401);
			assertThat(api.as("admin", "Configured2022").get("/api/v1/areas").json().get("code").asString())
				.isEqualTo("320600");
		}
	}
}
