package org.frontline.database;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code java -jar frontline.jar backup FILE} and {@code java -jar frontline.jar restore FILE}: the database is found
 * the way the application finds it ({@code FRONTLINE_DB_URL}, or the embedded server of {@code FRONTLINE_DATA_DIR}).
 * A restore into the embedded server starts it on the (new, empty) data directory for the time of the restore.
 */
public final class BackupCommand {

	private BackupCommand() {
	}

	/** Runs the command if the arguments name one, and answers whether they did. */
	public static boolean run(String[] args) throws Exception {
		if (args.length < 1 || !(args[0].equals("backup") || args[0].equals("restore"))) {
			return false;
		}
		if (args.length != 2) {
			System.err.println("usage: java -jar frontline.jar backup|restore FILE");
			System.exit(2);
		}
		Path file = Path.of(args[1]).toAbsolutePath();
		String url = System.getenv().getOrDefault("FRONTLINE_DB_URL", "");
		DatabaseProperties properties = new DatabaseProperties(url, System.getenv().getOrDefault("FRONTLINE_DB_USER", ""),
				System.getenv().getOrDefault("FRONTLINE_DB_PASSWORD", ""),
				Path.of(System.getenv().getOrDefault("FRONTLINE_DATA_DIR", "./frontline-data")), 0, 0,
				System.getenv("FRONTLINE_DB_SHARED_BUFFERS"));
		long started = System.nanoTime();
		Map<String, Long> rows;
		if (args[0].equals("backup")) {
			rows = Backups.backup(Backups.Target.of(properties), file);
		}
		else if (properties.external()) {
			rows = Backups.restore(Backups.Target.of(properties), file);
		}
		else {
			try (EmbeddedDatabase database = EmbeddedDatabase.start(properties.dataDir(), 0, properties.sharedBuffers())) {
				rows = Backups.restore(new Backups.Target(database.jdbcUrl(), "postgres", ""), file);
			}
		}
		long total = rows.values().stream().mapToLong(Long::longValue).sum();
		System.out.printf("%s %s: %d tables, %d rows in %d ms%n", args[0], file, rows.size(), total,
				(System.nanoTime() - started) / 1_000_000);
		return true;
	}
}
