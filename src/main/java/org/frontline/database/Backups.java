package org.frontline.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Consistent backups of a running Frontline and their restore, for the embedded server and an external one alike.
 * A backup reads every table in one repeatable-read snapshot with {@code COPY ... TO STDOUT (FORMAT binary)} into a
 * zip; a restore creates the schema with the same migrations and copies the rows back in one transaction.
 */
public final class Backups {

	private static final String SCHEMA_VERSION = "schema-version";

	private Backups() {
	}

	/** Where the database of a Frontline installation is: its URL and credentials. */
	public record Target(String url, String user, String password) {

		Connection connect() throws SQLException {
			return DriverManager.getConnection(url, user, password);
		}

		/** The external server when a URL is configured, otherwise the embedded server running on the data directory. */
		public static Target of(DatabaseProperties properties) throws IOException {
			if (properties.external()) {
				return new Target(properties.url(), properties.user(), properties.password());
			}
			Path pidFile = properties.dataDir().resolve("postmaster.pid");
			if (!Files.exists(pidFile)) {
				throw new IllegalStateException("No PostgreSQL is running on " + properties.dataDir().toAbsolutePath()
						+ "; start Frontline first, or restore into it.");
			}
			List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
			return new Target("jdbc:postgresql://localhost:" + lines.get(3).trim() + "/postgres", "postgres", "");
		}
	}

	/** Writes a backup of every table and returns the number of rows per table. */
	public static Map<String, Long> backup(Target target, Path file) throws SQLException, IOException {
		Map<String, Long> rows = new LinkedHashMap<>();
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		try (Connection connection = target.connect();
				OutputStream out = Files.newOutputStream(partial);
				ZipOutputStream zip = new ZipOutputStream(out)) {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			connection.setReadOnly(true);
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			zip.putNextEntry(new ZipEntry(SCHEMA_VERSION));
			zip.write(schemaVersion(connection).getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			for (String table : tables(connection)) {
				zip.putNextEntry(new ZipEntry(table + ".copy"));
				copy.copyOut("COPY " + table + " TO STDOUT (FORMAT binary)", new NonClosing(zip));
				zip.closeEntry();
				rows.put(table, count(connection, table));
			}
			connection.commit();
		}
		Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
				java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		return rows;
	}

	/**
	 * Restores a backup into an empty database: the migrations of this version create the schema, then every table's
	 * rows are copied back and the id sequences set past them, all in one transaction.
	 */
	public static Map<String, Long> restore(Target target, Path file) throws SQLException, IOException {
		Map<String, Long> rows = new LinkedHashMap<>();
		try (Connection connection = target.connect()) {
			if (!tables(connection).isEmpty()
					&& count(connection, "flyway_schema_history") > 0) {
				throw new IllegalStateException("The target database is not empty; restore into a new data directory.");
			}
		}
		String version;
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
			ZipEntry first = zip.getNextEntry();
			if (first == null || !first.getName().equals(SCHEMA_VERSION)) {
				throw new IllegalArgumentException(file + " is not a Frontline backup.");
			}
			version = new String(zip.readAllBytes(), StandardCharsets.UTF_8).trim();
		}
		Flyway.configure()
			.dataSource(target.url(), target.user(), target.password())
			.locations("classpath:db/migration")
			.target(version)
			.load()
			.migrate();
		try (Connection connection = target.connect();
				ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
			connection.setAutoCommit(false);
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			try (Statement statement = connection.createStatement()) {
				// Rows arrive table by table: foreign keys and the audit log's append-only trigger hold for the whole.
				statement.execute("SET LOCAL session_replication_role = replica");
				// Migrations seed rows (catalogues, rules) that the backup holds as well: the backup's rows replace them.
				statement.execute("TRUNCATE " + String.join(", ", tables(connection)));
			}
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (!entry.getName().endsWith(".copy")) {
					continue;
				}
				String table = entry.getName().substring(0, entry.getName().length() - 5);
				if (!table.matches("[a-z_][a-z0-9_]*")) {
					throw new IllegalArgumentException("Unexpected entry " + entry.getName());
				}
				rows.put(table, copy.copyIn("COPY " + table + " FROM STDIN (FORMAT binary)", new NonClosingIn(zip)));
			}
			resetSequences(connection);
			connection.commit();
		}
		return rows;
	}

	private static String schemaVersion(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1")) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static List<String> tables(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("""
						SELECT table_name FROM information_schema.tables
						WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name
						""")) {
			while (rs.next()) {
				tables.add(rs.getString(1));
			}
		}
		return tables;
	}

	private static long count(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static void resetSequences(Connection connection) throws SQLException {
		List<String[]> columns = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("""
						SELECT table_name, column_name, pg_get_serial_sequence(table_name, column_name)
						FROM information_schema.columns
						WHERE table_schema = 'public' AND pg_get_serial_sequence(table_name, column_name) IS NOT NULL
						""")) {
			while (rs.next()) {
				columns.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3) });
			}
		}
		try (Statement statement = connection.createStatement()) {
			for (String[] c : columns) {
				statement.execute("SELECT setval('%s', COALESCE((SELECT max(%s) FROM %s), 0) + 1, false)"
					.formatted(c[2], c[1], c[0]));
			}
		}
	}

	/** The zip stays open while COPY writes one table into it. */
	private static final class NonClosing extends java.io.FilterOutputStream {

		NonClosing(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}
	}

	private static final class NonClosingIn extends java.io.FilterInputStream {

		NonClosingIn(InputStream in) {
			super(in);
		}

		@Override
		public void close() {
		}
	}
}
