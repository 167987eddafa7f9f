package org.frontline.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Frontline keeps its data: an external PostgreSQL when {@code url} is set, otherwise an embedded server
 * whose data directory is {@code dataDir} and whose buffer cache is {@code sharedBuffers} (PostgreSQL's units, e.g.
 * {@code 1GB}).
 */
@ConfigurationProperties("frontline.db")
public record DatabaseProperties(String url, String user, String password, Path dataDir, int embeddedPort,
		int poolSize, String sharedBuffers) {

	public boolean external() {
		return url != null && !url.isBlank();
	}
}
