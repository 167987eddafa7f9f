package org.frontline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A module owns its tables; another module reads only the views it publishes. Read from the sources, by naming
 * convention, so a new module needs nothing here: its tables and views are named {@code <module>_...} (or just
 * {@code <module>}) and created by migrations named {@code V..__<module>_<what>.sql}; every {@code CREATE VIEW} is a
 * read view others may select from (never write to); any other table is another module's private business, except
 * that a foreign key may reference a table of a module this one is allowed to depend on ({@code allowedDependencies}
 * in its {@code package-info.java}). The SQL of a module is every string in its Java sources and every migration of
 * its name.
 */
class ModuleSqlTests {

	private static final Path SOURCES = Path.of("src/main/java/org/frontline");

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	/** Tables of the frameworks, no module's: none of them is any module's to touch. */
	private static final Set<String> INFRASTRUCTURE = Set.of("flyway_schema_history", "event_publication",
			"event_publication_archive");

	/**
	 * Migrations that landed before their tables moved to the module now owning them; a migration that ran is never
	 * edited, so they stay as they are.
	 */
	private static final Set<String> HISTORICAL = Set.of("V202611291501__testing_personal_codes.sql");

	private static final Pattern CREATED = Pattern.compile(
			"(?i)\\bCREATE\\s+(?:UNLOGGED\\s+)?(TABLE|VIEW|MATERIALIZED\\s+VIEW)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([a-z_][a-z0-9_]*)");

	/** A name right after a keyword that reads or writes a relation (an alias-qualified column is no relation). */
	private static final Pattern REFERENCE = Pattern.compile(
			"(?i)\\b(FROM|JOIN|INTO|UPDATE|TABLE|REFERENCES|ON|USING|COPY|TRUNCATE)\\s+(?:ONLY\\s+)?([a-z_][a-z0-9_]*)\\b(?!\\s*\\.)");

	private static final Set<String> WRITES = Set.of("INTO", "UPDATE", "TABLE", "REFERENCES", "ON", "COPY", "TRUNCATE");

	private static final Pattern STRING = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);

	@Test
	void everyModuleTouchesOnlyItsOwnTablesAndTheViewsOthersPublish() {
		Set<String> modules = modules();
		Map<String, String> tables = new TreeMap<>();
		Set<String> views = new TreeSet<>();
		for (Path migration : migrations()) {
			Matcher created = CREATED.matcher(read(migration));
			while (created.find()) {
				String name = created.group(2).toLowerCase();
				if (created.group(1).toUpperCase().contains("VIEW")) {
					views.add(name);
				}
				tables.put(name, owner(name, modules));
			}
		}
		assertThat(tables).as("tables found in the migrations").containsKeys("people_person", "testing_tube");
		assertThat(views).as("read views found in the migrations").contains("people_resident");

		Schema schema = new Schema(tables, views, allowedDependencies(modules));
		List<String> violations = new ArrayList<>();
		for (String module : modules) {
			for (Path source : javaSources(module)) {
				Matcher string = STRING.matcher(read(source));
				while (string.find()) {
					String sql = string.group(1) != null ? string.group(1) : string.group(2);
					violations.addAll(schema.violations(module, SOURCES.relativize(source).toString(), sql));
				}
			}
		}
		for (Path migration : migrations()) {
			String name = migration.getFileName().toString();
			String module = name.replaceFirst("^V\\d+__", "").split("_")[0];
			if (!HISTORICAL.contains(name)) {
				violations.addAll(schema.violations(modules.contains(module) ? module : null, name, read(migration)));
			}
		}
		assertThat(violations).as("SQL that touches another module's tables").isEmpty();
	}

	@Test
	void findsAModuleReadingOrWritingAnotherModulesTableButNotReadingItsView() {
		Schema schema = new Schema(Map.of("people_person", "people", "people_resident", "people", "testing_tube", "testing",
				"area", "area"), Set.of("people_resident"), Map.of("testing", Set.of("area", "people")));
		assertThat(schema.violations("testing", "X.java", "SELECT p.name FROM people_person p JOIN testing_tube t ON t.id = 1"))
			.containsExactly("X.java: FROM people_person (people's)");
		assertThat(schema.violations("testing", "X.java", "UPDATE people_resident SET name = 'x'"))
			.containsExactly("X.java: UPDATE people_resident (people's)");
		assertThat(schema.violations("testing", "X.java", """
				SELECT r.id FROM people_resident r JOIN testing_tube t ON t.id = r.id
				WHERE r.area_code IN (SELECT code FROM area)""")).containsExactly("X.java: FROM area (area's)");
		assertThat(schema.violations("testing", "V1__testing_x.sql", "area_code varchar(15) REFERENCES area (code)"))
			.isEmpty();
		assertThat(schema.violations("people", "V1__people_x.sql", "tube_id bigint REFERENCES testing_tube (id)"))
			.containsExactly("V1__people_x.sql: REFERENCES testing_tube (testing's)");
	}

	@Test
	void everyTableAndViewIsNamedAfterTheModuleThatCreatesIt() {
		Set<String> modules = modules();
		List<String> misnamed = new ArrayList<>();
		for (Path migration : migrations()) {
			String name = migration.getFileName().toString();
			String module = name.replaceFirst("^V\\d+__", "").split("_")[0];
			Matcher created = CREATED.matcher(read(migration));
			while (created.find()) {
				String table = created.group(2).toLowerCase();
				String owner = owner(table, modules);
				boolean infrastructure = !modules.contains(module) && INFRASTRUCTURE.contains(table);
				if (!infrastructure && !HISTORICAL.contains(name) && !module.equals(owner)) {
					misnamed.add(name + " creates " + table);
				}
			}
		}
		assertThat(misnamed).isEmpty();
	}

	/** Every table and view with its owning module (null for the frameworks'), and who may depend on whom. */
	record Schema(Map<String, String> tables, Set<String> views, Map<String, Set<String>> allowed) {

		/**
		 * References to a table of another module, writes to another module's view, and a framework's table touched
		 * by a module; {@code module} null is a migration of no module (the frameworks' tables).
		 */
		List<String> violations(String module, String where, String sql) {
			List<String> violations = new ArrayList<>();
			Matcher reference = REFERENCE.matcher(sql);
			while (reference.find()) {
				String name = reference.group(2).toLowerCase();
				if (!tables.containsKey(name)) {
					continue;
				}
				String keyword = reference.group(1).toUpperCase();
				String owner = tables.get(name);
				boolean own = owner == null ? module == null : owner.equals(module);
				boolean publishedView = views.contains(name) && !WRITES.contains(keyword);
				boolean foreignKey = "REFERENCES".equals(keyword) && owner != null
						&& allowed.getOrDefault(module, Set.of()).contains(owner);
				if (!own && !publishedView && !foreignKey) {
					violations.add(where + ": " + keyword + " " + name
							+ (owner == null ? " (no module's)" : " (" + owner + "'s)"));
				}
			}
			return violations;
		}
	}

	private static final Pattern ALLOWED = Pattern.compile("allowedDependencies\\s*=\\s*\\{([^}]*)}");

	/** Each module's {@code allowedDependencies}, read from its {@code package-info.java}. */
	private static Map<String, Set<String>> allowedDependencies(Set<String> modules) {
		Map<String, Set<String>> allowed = new TreeMap<>();
		for (String module : modules) {
			Path info = SOURCES.resolve(module).resolve("package-info.java");
			Set<String> names = new TreeSet<>();
			if (Files.exists(info)) {
				Matcher declared = ALLOWED.matcher(read(info));
				if (declared.find()) {
					Matcher name = Pattern.compile("\"([a-z]+)").matcher(declared.group(1));
					while (name.find()) {
						names.add(name.group(1));
					}
				}
			}
			allowed.put(module, names);
		}
		return allowed;
	}

	/** The module a table or view belongs to by its name, or null for tables of no module. */
	private static String owner(String table, Set<String> modules) {
		if (INFRASTRUCTURE.contains(table)) {
			return null;
		}
		String prefix = table.split("_")[0];
		return modules.contains(prefix) ? prefix : null;
	}

	private static Set<String> modules() {
		try (Stream<Path> dirs = Files.list(SOURCES)) {
			Set<String> modules = new TreeSet<>();
			dirs.filter(Files::isDirectory).forEach(dir -> modules.add(dir.getFileName().toString()));
			return modules;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Path> javaSources(String module) {
		try (Stream<Path> files = Files.walk(SOURCES.resolve(module))) {
			return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Path> migrations() {
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
