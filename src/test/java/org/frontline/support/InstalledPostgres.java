package org.frontline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.frontline.database.EmbeddedDatabase;
import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL server from binaries installed on the machine (Debian's {@code postgresql-15}), with Frontline's server
 * settings, for running the integration tests on another major version than the embedded one: with
 * {@code -Dfrontline.test.postgres-bin=/usr/lib/postgresql/15/bin} every {@link IntegrationTest} uses one such server
 * per test JVM instead of the embedded server. Started as root, the server runs as the {@code postgres} user
 * (PostgreSQL refuses to run as root).
 */
public final class InstalledPostgres implements AutoCloseable {

	static final String BIN_PROPERTY = "frontline.test.postgres-bin";

	private static InstalledPostgres shared;

	private final Path bin;

	private final Path dir;

	private final int port;

	private InstalledPostgres(Path bin, Path dir, int port) {
		this.bin = bin;
		this.dir = dir;
		this.port = port;
	}

	/** Whether the tests are to run on an installed server ({@value #BIN_PROPERTY} is set). */
	public static boolean configured() {
		String bin = System.getProperty(BIN_PROPERTY, "");
		return !bin.isBlank();
	}

	/** The server of this test JVM, started at the first call and stopped when the JVM exits. */
	public static synchronized InstalledPostgres shared() {
		if (shared == null) {
			try {
				shared = start(Path.of(System.getProperty(BIN_PROPERTY)), Files.createTempDirectory("frontline-pg"));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "installed-postgres-stop"));
		}
		return shared;
	}

	/** Creates a cluster in the empty directory {@code dir} with the binaries in {@code bin} and starts it. */
	public static InstalledPostgres start(Path bin, Path dir) throws IOException {
		if (!Files.isExecutable(bin.resolve("postgres"))) {
			throw new IllegalStateException("No PostgreSQL server in " + bin + " (Debian: apt-get install postgresql-15)");
		}
		if (asRoot()) {
			UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
			Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
		}
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		InstalledPostgres server = new InstalledPostgres(bin, dir, port);
		server.run(List.of(bin.resolve("initdb").toString(), "-D", dir.toString(), "-U", "postgres", "--auth=trust",
				"-E", "UTF8", "--locale=C"));
		StringBuilder options = new StringBuilder("-p " + port + " -c listen_addresses=localhost")
			.append(" -c unix_socket_directories=").append(dir)
			.append(" -c shared_buffers=").append(EmbeddedDatabase.SHARED_BUFFERS);
		EmbeddedDatabase.SERVER_SETTINGS.forEach((name, value) -> options.append(" -c ").append(name).append('=').append(value));
		server.run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.toString(), "-l", dir.resolve("server.log").toString(),
				"-w", "-t", "120", "-o", options.toString(), "start"));
		return server;
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
	}

	public int port() {
		return port;
	}

	/** The server's major version, from its data directory. */
	public int majorVersion() {
		try {
			return Integer.parseInt(Files.readString(dir.resolve("PG_VERSION")).trim());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.toString(), "-m", "fast", "-w", "stop"));
		}
		catch (IOException | RuntimeException ex) {
			// already stopped
		}
		FileSystemUtils.deleteRecursively(dir.toFile());
		dir.resolveSibling(dir.getFileName() + ".log").toFile().delete();
	}

	private void run(List<String> command) throws IOException {
		List<String> full = new ArrayList<>();
		if (asRoot()) {
			full.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		full.addAll(command);
		Process process = new ProcessBuilder(full).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolveSibling(dir.getFileName() + ".log").toFile()))
			.start();
		try {
			if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed; see "
						+ dir.resolveSibling(dir.getFileName() + ".log"));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static boolean asRoot() {
		return "root".equals(System.getProperty("user.name"));
	}
}
