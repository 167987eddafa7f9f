package org.frontline.database;

import java.io.IOException;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedDatabaseHolder embeddedDatabase(DatabaseProperties properties) throws IOException {
		if (properties.external()) {
			return new EmbeddedDatabaseHolder(null);
		}
		return new EmbeddedDatabaseHolder(EmbeddedDatabase.start(properties.dataDir(), properties.embeddedPort(),
				properties.sharedBuffers()));
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(DatabaseProperties properties, EmbeddedDatabaseHolder embedded) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("frontline");
		if (properties.external()) {
			config.setJdbcUrl(properties.url());
			config.setUsername(properties.user());
			config.setPassword(properties.password());
		}
		else {
			config.setJdbcUrl(embedded.database().jdbcUrl());
		}
		config.setMaximumPoolSize(properties.poolSize() > 0 ? properties.poolSize() : 20);
		config.addDataSourceProperty("reWriteBatchedInserts", "true");
		config.addDataSourceProperty("ApplicationName", "frontline");
		failover(config);
		return new HikariDataSource(config);
	}

	/**
	 * How the pool rides out a failover of the database (README, "High availability"): a request waits at most
	 * {@link #CONNECTION_WAIT_MS} for a connection and is then answered 503 "try again", so that no request hangs
	 * while no primary can be reached; idle connections are checked every 30 s, and a failed, shut down or read-only
	 * connection is closed and replaced by one to the new primary. Settings in the URL take precedence over the
	 * driver's defaults set here: a server that does not answer a connection attempt within 3 s is given up on (the
	 * next host of a multi-host URL is tried), and which host is the primary is looked up again after 2 s.
	 */
	static void failover(HikariConfig config) {
		config.setConnectionTimeout(CONNECTION_WAIT_MS);
		config.setValidationTimeout(1_000);
		config.setKeepaliveTime(30_000);
		config.setExceptionOverrideClassName(ReadOnlyServerEviction.class.getName());
		// A Frontline started while its database fails over waits for it instead of exiting.
		config.setInitializationFailTimeout(120_000);
		config.addDataSourceProperty("connectTimeout", "3");
		config.addDataSourceProperty("loginTimeout", "5");
		config.addDataSourceProperty("hostRecheckSeconds", "2");
		config.addDataSourceProperty("tcpKeepAlive", "true");
	}

	/** How long a request waits for a pooled connection before it is answered 503. */
	static final long CONNECTION_WAIT_MS = 3_000;

	/** Holds the embedded server, if any, so that it is stopped after the pool that uses it. */
	record EmbeddedDatabaseHolder(EmbeddedDatabase database) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			if (database != null) {
				database.close();
			}
		}
	}

}
