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
		return new HikariDataSource(config);
	}

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
