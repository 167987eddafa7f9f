package org.frontline.database;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frontline's own PostgreSQL server, started on a persistent data directory. Unlike the library's defaults it runs
 * with {@code fsync} and {@code synchronous_commit} on: an acknowledged write must survive a crash.
 */
public final class EmbeddedDatabase implements Closeable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private final EmbeddedPostgres postgres;

	private EmbeddedDatabase(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	/**
	 * PostgreSQL's buffer cache when none is configured. A district's testing round inserts into indexes keyed by
	 * person (random places in them); with 256 MB their current round's pages no longer fitted once the database
	 * held a few rounds, and the server's backends spent the round writing out and reading back pages themselves.
	 */
	public static final String SHARED_BUFFERS = "1GB";

	/**
	 * The server settings Frontline's writes rely on, for the embedded server and to be set on an external one
	 * (Patroni's {@code deploy/ha/patroni.yml} sets them too).
	 */
	public static final Map<String, String> SERVER_SETTINGS = settings();

	private static Map<String, String> settings() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("fsync", "on");
		settings.put("synchronous_commit", "on");
		settings.put("full_page_writes", "on");
		settings.put("max_connections", "200");
		// A testing round writes WAL fast: checkpoints every few minutes would flood it with full-page images and
		// stall commits while they flush. Crash recovery replays at most this much.
		settings.put("max_wal_size", "4GB");
		settings.put("checkpoint_timeout", "15min");
		// Every process hands what it wrote to the disk every 256 kB instead of leaving it in the kernel's page
		// cache: an autovacuum of the scan log once left 800 MB there, the kernel wrote it out in one second, and
		// commits waited behind it (WAL flushes 20 ms instead of 0.8, answers up to 580 ms).
		settings.put("backend_flush_after", "256kB");
		// Autovacuum rests 20 ms per round of work (PostgreSQL's pace until version 12, now 2 ms): on the two cores
		// that also serve the scans, vacuuming the tubes at 2 ms took 0.2-0.3 of a core for a minute and answers
		// waited up to 460 ms; at 5 ms a vacuum of the scan log still slowed them to a p99 of 124 ms.
		settings.put("autovacuum_vacuum_cost_delay", "20ms");
		return Collections.unmodifiableMap(settings);
	}

	public static EmbeddedDatabase start(Path dataDir, int port) throws IOException {
		return start(dataDir, port, SHARED_BUFFERS);
	}

	/** Starts the server; {@code sharedBuffers} null or blank is {@link #SHARED_BUFFERS}. */
	public static EmbeddedDatabase start(Path dataDir, int port, String sharedBuffers) throws IOException {
		Path dir = dataDir.toAbsolutePath().normalize();
		Files.createDirectories(dir);
		stopOrphanedServer(dir);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			// Stopped by the application context after the connection pool (DatabaseConfiguration), not by a JVM
			// shutdown hook of its own that would stop it while the context still closes (and still uses it).
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(120))
			.setLocaleConfig("locale", "C")
			.setServerConfig("shared_buffers", sharedBuffers == null || sharedBuffers.isBlank() ? SHARED_BUFFERS : sharedBuffers)
			.setServerConfig("listen_addresses", "localhost");
		SERVER_SETTINGS.forEach(builder::setServerConfig);
		if (port > 0) {
			builder.setPort(port);
		}
		EmbeddedPostgres postgres = builder.start();
		log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dir);
		return new EmbeddedDatabase(postgres);
	}

	/**
	 * A JVM killed without its shutdown hook leaves its postmaster running on the data directory; stop it so this
	 * start can take over (PostgreSQL recovers from its WAL).
	 */
	private static void stopOrphanedServer(Path dir) throws IOException {
		Path pidFile = dir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
		if (lines.isEmpty()) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).trim());
		}
		catch (NumberFormatException ex) {
			return;
		}
		ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(process -> {
			log.warn("Stopping PostgreSQL server {} left running on {}", pid, dir);
			process.destroy();
			process.onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join();
		});
	}

	public String jdbcUrl() {
		return postgres.getJdbcUrl("postgres", "postgres");
	}

	public int port() {
		return postgres.getPort();
	}

	@Override
	public void close() throws IOException {
		postgres.close();
	}
}
