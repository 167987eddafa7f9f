package org.frontline.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.frontline.support.Instances;
import org.frontline.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class BackupIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void aBackupOfARunningFrontlineRestoresEveryRowIntoAFreshDataDirectory() throws Exception {
		Path backup = dir.resolve("frontline.backup");
		Map<String, String> original;
		try (Instances running = new Instances(dir.resolve("running"), 1)) {
			assertThat(running.api(0).as("community").post("/api/v1/people", Map.of("name", "备份", "idNumber",
					TestData.residentId(), "area", TestData.CHENYUAN_COMPOUND)).status()).isEqualTo(201);
			String url = running.database().jdbcUrl();
			Map<String, Long> written = Backups.backup(new Backups.Target(url, "postgres", ""), backup);
			assertThat(written.get("people_person")).isGreaterThan(200);
			original = fingerprints(url);
		}
		try (EmbeddedDatabase fresh = EmbeddedDatabase.start(dir.resolve("restored"), 0)) {
			Map<String, Long> restored = Backups.restore(new Backups.Target(fresh.jdbcUrl(), "postgres", ""), backup);
			assertThat(restored.get("people_person")).isGreaterThan(200);
			assertThat(fingerprints(fresh.jdbcUrl())).isEqualTo(original);
			JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(fresh.jdbcUrl()));
			long next = jdbc.sql("SELECT nextval('people_person_id_seq')").query(Long.class).single();
			assertThat(next).isGreaterThan(jdbc.sql("SELECT max(id) FROM people_person").query(Long.class).single());
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry").update())
				.hasMessageContaining("append-only");
		}
	}

	/** Row count and an md5 of all rows in a fixed order, per table. */
	private static Map<String, String> fingerprints(String url) {
		JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url));
		Map<String, String> result = new LinkedHashMap<>();
		for (String table : jdbc.sql("""
				SELECT table_name FROM information_schema.tables
				WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name
				""").query(String.class).list()) {
			result.put(table, jdbc.sql("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM "
					+ table + " t").query(String.class).single());
		}
		return result;
	}
}
