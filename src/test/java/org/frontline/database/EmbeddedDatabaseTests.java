package org.frontline.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTests {

	@TempDir
	Path dataDir;

	@Test
	void keepsItsDataBetweenStartsAndRunsDurably() throws Exception {
		try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDir, 0);
				Connection connection = DriverManager.getConnection(first.jdbcUrl());
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE kept (v text)");
			statement.execute("INSERT INTO kept VALUES ('before restart')");
			assertThat(single(statement, "SHOW fsync")).isEqualTo("on");
			assertThat(single(statement, "SHOW synchronous_commit")).isEqualTo("on");
			assertThat(single(statement, "SHOW shared_buffers")).isEqualTo(EmbeddedDatabase.SHARED_BUFFERS);
			// Writes reach the disk as they are made, not in bursts that stall commits; autovacuum is paced.
			assertThat(single(statement, "SHOW backend_flush_after")).isEqualTo("256kB");
			assertThat(single(statement, "SHOW autovacuum_vacuum_cost_delay")).isEqualTo("20ms");
		}
		// FRONTLINE_DB_SHARED_BUFFERS sizes the buffer cache at the next start.
		try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDir, 0, "192MB");
				Connection connection = DriverManager.getConnection(second.jdbcUrl());
				Statement statement = connection.createStatement()) {
			assertThat(single(statement, "SELECT v FROM kept")).isEqualTo("before restart");
			assertThat(single(statement, "SHOW shared_buffers")).isEqualTo("192MB");
		}
	}

	private static String single(Statement statement, String sql) throws Exception {
		try (ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}
}
