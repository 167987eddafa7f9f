package org.frontline.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.frontline.support.InstalledPostgres;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The integration tests run on the server they were started for, with the settings Frontline's writes rely on: the
 * embedded PostgreSQL 17, or in the profile {@code postgresql15} Debian's PostgreSQL 15.
 */
class ServerVersionIntegrationTests extends IntegrationTest {

	@Test
	void runsOnTheMajorVersionItWasStartedForWithFrontlinesServerSettings() {
		int major = jdbc.sql("SELECT current_setting('server_version_num')::int / 10000").query(Integer.class).single();
		assertThat(major).isEqualTo(InstalledPostgres.configured() ? InstalledPostgres.shared().majorVersion() : 17);
		EmbeddedDatabase.SERVER_SETTINGS.forEach((name, value) -> assertThat(
				jdbc.sql("SELECT current_setting(:name)").param("name", name).query(String.class).single())
			.as(name)
			.isEqualTo(value));
	}
}
