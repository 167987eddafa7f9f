package org.frontline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The real application on a real embedded PostgreSQL with the real migrations and a small demo district, one server
 * for the whole test JVM (every integration test extends this class, so Spring caches one context). Tests make their
 * own data with unique identifiers instead of resetting the database. Tagged {@value #TAG}: the Maven profile
 * {@code postgresql15} runs every such test a second time on Debian's PostgreSQL 15 ({@link InstalledPostgres}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "frontline.demo.enabled=true", "frontline.demo.day=false", "frontline.demo.residents=600", "frontline.demo.seed=7",
				"frontline.demo.password=" + IntegrationTest.DEMO_PASSWORD, "frontline.quarantine.escalation-job=false",
				"frontline.zones.round-check-job=false", "frontline.enterprise.loop-jobs=false",
				"frontline.workforce.alert-job=false", "frontline.supplies.jobs=false",
				"frontline.command.jobs=false", "frontline.command.overview-cache=PT0S",
				"frontline.scans.answer-ms=10000", "logging.level.root=WARN",
				"logging.level.org.frontline=INFO" })
@Import(TestClockConfiguration.class)
@Tag(IntegrationTest.TAG)
public abstract class IntegrationTest {

	public static final String TAG = "integration";

	public static final String DEMO_PASSWORD = "demo-pass-1";

	private static final Path DATA_DIR = createDataDir();

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected TestClock clock;

	private Api api;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("frontline.db.data-dir", DATA_DIR::toString);
		if (InstalledPostgres.configured()) {
			registry.add("frontline.db.url", () -> InstalledPostgres.shared().jdbcUrl());
			registry.add("frontline.db.user", () -> "postgres");
		}
	}

	protected Api api() {
		if (api == null || api.port() != port) {
			api = new Api(port);
		}
		return api;
	}

	/**
	 * Rows per table of the application (sessions and the migration history aside): equal before and after a call
	 * means the call wrote nothing.
	 */
	protected Map<String, Long> rowCounts() {
		awaitEventListeners();
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : jdbc.sql("""
				SELECT table_name FROM information_schema.tables
				WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
				  AND table_name NOT LIKE 'security_session%' AND table_name <> 'flyway_schema_history'
				ORDER BY table_name
				""").query(String.class).list()) {
			counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
		}
		return counts;
	}

	/**
	 * Waits (up to ten seconds) until every event publication is complete, so that module listeners still running for
	 * an earlier call write nothing during what follows.
	 */
	protected void awaitEventListeners() {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (System.nanoTime() < deadline && jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND coalesce(status, '') <> 'FAILED'")
			.query(Long.class)
			.single() > 0) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	protected String baseUrl() {
		return "http://localhost:" + port;
	}

	/**
	 * A data directory of this JVM's own, removed when the JVM exits. It holds tens of megabytes once the demo district
	 * is in it, and {@code deleteOnExit} removes no directory that is not empty: before, every test JVM left its own in
	 * the temporary directory, until the disk was full.
	 */
	private static Path createDataDir() {
		try {
			Path dir = Files.createTempDirectory("frontline-test-db");
			Runtime.getRuntime().addShutdownHook(new Thread(() -> removeOnceStopped(dir), "remove-test-db"));
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Removes the data directory once its server has stopped: the application context stops it in a shutdown hook of
	 * its own, which runs beside this one, and PostgreSQL removes its pid file last. A server still running after a
	 * minute keeps its directory.
	 */
	private static void removeOnceStopped(Path dir) {
		Path pid = dir.resolve("postmaster.pid");
		long deadline = System.nanoTime() + 60_000_000_000L;
		while (Files.exists(pid) && System.nanoTime() < deadline) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
		if (!Files.exists(pid)) {
			try {
				FileSystemUtils.deleteRecursively(dir);
			}
			catch (IOException ex) {
				// left for the system's cleaning of its temporary directory
			}
		}
	}
}
