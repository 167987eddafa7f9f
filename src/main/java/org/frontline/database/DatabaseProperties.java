package org.frontline.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Frontline keeps its data: an external PostgreSQL when {@code url} is set, otherwise an embedded server
 * whose data directory is {@code dataDir}.
 */
@ConfigurationProperties("frontline.db")
public record DatabaseProperties(String url, String user, String password, Path dataDir, int embeddedPort,
		int poolSize) {

	public boolean external() {
		return url != null && !url.isBlank();
	}
}
