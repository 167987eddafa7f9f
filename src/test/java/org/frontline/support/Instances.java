package org.frontline.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.frontline.FrontlineApplication;
import org.frontline.database.EmbeddedDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several instances of Frontline on one PostgreSQL server (started separately, as a production database would be),
 * each a full application with its own HTTP port, for tests of what must not depend on which instance answers.
 */
public final class Instances implements AutoCloseable {

	private final EmbeddedDatabase database;

	private final List<ConfigurableApplicationContext> apps = new ArrayList<>();

	public Instances(Path dir, int count, String... extraArgs) throws Exception {
		database = EmbeddedDatabase.start(dir.resolve("db"), 0);
		for (int i = 0; i < count; i++) {
			List<String> args = new ArrayList<>(List.of(
					"--frontline.db.url=jdbc:postgresql://localhost:" + database.port() + "/postgres",
					"--frontline.db.user=postgres", "--frontline.db.password=", "--frontline.demo.enabled=true", "--frontline.demo.day=false",
					"--frontline.demo.residents=200", "--frontline.demo.password=" + IntegrationTest.DEMO_PASSWORD,
					"--server.port=0", "--logging.level.root=WARN", "--spring.application.name=frontline-" + i));
			args.addAll(List.of(extraArgs));
			apps.add(new SpringApplicationBuilder(FrontlineApplication.class).run(args.toArray(String[]::new)));
		}
	}

	public int port(int instance) {
		return ((WebServerApplicationContext) apps.get(instance)).getWebServer().getPort();
	}

	public Api api(int instance) {
		return new Api(port(instance));
	}

	public String baseUrl(int instance) {
		return "http://localhost:" + port(instance);
	}

	public EmbeddedDatabase database() {
		return database;
	}

	/** Stops one instance at once, as if its machine went away. */
	public void stop(int instance) {
		apps.get(instance).close();
	}

	@Override
	public void close() throws Exception {
		for (ConfigurableApplicationContext app : apps) {
			if (app.isActive()) {
				app.close();
			}
		}
		database.close();
	}
}
