package org.frontline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.frontline.database.EmbeddedDatabase;
import org.frontline.support.Api;
import org.frontline.support.AppProcess;

/**
 * Load tool for the command centre ({@code bench/command.sh}). On a generated city (demo district with N residents),
 * prepares once per data directory {@code --days} daily rounds in which every resident was sampled into 10-person
 * tubes with results, and {@code --facilities} quarantine facilities of 100 rooms with a month of stays (set-based SQL,
 * not measured); then measures, {@code --runs} times: the district's overview read afresh (the application runs with
 * {@code frontline.command.overview-cache=PT0S}, so every call reads every part), and issuing one past day's daily
 * report (PDF and XLSX made in the same call), a different day each run.
 */
public final class CommandBench {

	private static final String DISTRICT = "320602";

	private static final String PASSWORD = "bench-pass-1";

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final Map<String, String> options;

	private String jdbcUrl;

	private CommandBench(Map<String, String> options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>(Map.of("residents", "2000000", "data", "target/bench-command",
				"runs", "5", "days", "30", "facilities", "50", "calls", "20"));
		for (String arg : args) {
			String[] kv = arg.replaceFirst("^--", "").split("=", 2);
			options.put(kv[0], kv.length > 1 ? kv[1] : "true");
		}
		new CommandBench(options).run();
	}

	private void run() throws Exception {
		Path data = Path.of(options.get("data")).toAbsolutePath();
		Files.createDirectories(data);
		try (EmbeddedDatabase database = EmbeddedDatabase.start(data.resolve("db"), 0)) {
			jdbcUrl = database.jdbcUrl();
			List<String> appArgs = List.of("--frontline.db.url=jdbc:postgresql://localhost:" + database.port() + "/postgres",
					"--frontline.db.user=postgres", "--frontline.db.password=", "--frontline.demo.enabled=true", "--frontline.demo.day=false",
					"--frontline.demo.residents=" + options.get("residents"), "--frontline.demo.password=" + PASSWORD,
					"--frontline.command.overview-cache=PT0S", "--frontline.command.jobs=false",
					"--logging.level.root=WARN", "--logging.level.org.frontline.command.Overviews=DEBUG");
			try (AppProcess app = new AppProcess(data.resolve("app.log"), appArgs.toArray(String[]::new))) {
				long started = System.nanoTime();
				app.start();
				System.out.printf("Frontline up in %.1f s on %s%n", (System.nanoTime() - started) / 1e9, data);
				String admin = app.api().as("admin", PASSWORD).token();
				String commander = app.api().as("commander", PASSWORD).token();
				Path marker = data.resolve("prepared");
				int days = Integer.parseInt(options.get("days"));
				String done = Files.exists(marker) ? Files.readString(marker).strip() : "days=0";
				if (!done.startsWith("days=") || Integer.parseInt(done.substring(5)) < days) {
					prepare(app.api(), admin);
					Files.writeString(marker, "days=" + days);
				}
				describe();
				if (options.containsKey("prepare-only")) {
					return;
				}
				HttpClient http = HttpClient.newHttpClient();
				String base = "http://localhost:" + app.port();
				for (int i = 0; i < 5; i++) {
					get(http, base + "/api/v1/command/overview", commander);
				}
				long partsBefore = partTimes(data.resolve("app.log")).size();
				List<Double> overview = new ArrayList<>();
				List<Double> reports = new ArrayList<>();
				int calls = Integer.parseInt(options.get("calls"));
				for (int run = 1; run <= Integer.parseInt(options.get("runs")); run++) {
					double[] times = new double[calls];
					for (int i = 0; i < calls; i++) {
						long t0 = System.nanoTime();
						get(http, base + "/api/v1/command/overview", commander);
						times[i] = (System.nanoTime() - t0) / 1e6;
					}
					Arrays.sort(times);
					double median = times[calls / 2];
					overview.add(median);
					LocalDate day = LocalDate.now(ZONE).minusDays(run);
					long t0 = System.nanoTime();
					HttpResponse<String> issued = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/reports/daily"))
						.header("Authorization", "Bearer " + commander).header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("{\"date\":\"" + day + "\"}")).build(),
							HttpResponse.BodyHandlers.ofString());
					double report = (System.nanoTime() - t0) / 1e9;
					if (issued.statusCode() != 201) {
						throw new IllegalStateException("report: " + issued.statusCode() + " " + issued.body());
					}
					reports.add(report);
					System.out.printf("run %d: overview median %.1f ms (p90 %.1f ms, %d calls); report of %s (PDF and XLSX) %.2f s: %s%n",
							run, median, times[(int) (calls * 0.9)], calls, day, report,
							issued.body().replaceAll(".*\"version\":(\\d+).*", "version $1"));
				}
				printParts(partTimes(data.resolve("app.log")).subList((int) partsBefore, partTimes(data.resolve("app.log")).size()));
				double[] o = overview.stream().mapToDouble(Double::doubleValue).sorted().toArray();
				double[] r = reports.stream().mapToDouble(Double::doubleValue).sorted().toArray();
				System.out.printf("%nsummary: district overview median of run medians %.1f ms %s (target < 300 ms %s); "
						+ "daily report PDF+XLSX median %.2f s %s (target < 10 s each %s)%n", o[o.length / 2],
						Arrays.toString(o), o[o.length / 2] < 300 ? "MET" : "MISSED", r[r.length / 2], Arrays.toString(r),
						r[r.length / 2] < 10 ? "MET" : "MISSED");
			}
		}
	}

	private static final java.util.regex.Pattern PART_READ = java.util.regex.Pattern
		.compile("Overviews +: (\\w+) of " + DISTRICT + " read in (\\d+) ms");

	/** The application's log of each part's read of the district (part name and milliseconds), oldest first. */
	private static List<String[]> partTimes(Path log) throws Exception {
		List<String[]> times = new ArrayList<>();
		for (String line : Files.readAllLines(log)) {
			java.util.regex.Matcher read = PART_READ.matcher(line);
			if (read.find()) {
				times.add(new String[] { read.group(1), read.group(2) });
			}
		}
		return times;
	}

	/** Each part's median and maximum read time over the measured calls (the parts are read side by side). */
	private static void printParts(List<String[]> times) {
		Map<String, List<Long>> byPart = new java.util.TreeMap<>();
		times.forEach(t -> byPart.computeIfAbsent(t[0], k -> new ArrayList<>()).add(Long.parseLong(t[1])));
		System.out.println("parts of the district's overview (read side by side), over the measured calls:");
		byPart.forEach((part, ms) -> {
			long[] sorted = ms.stream().mapToLong(Long::longValue).sorted().toArray();
			System.out.printf("  %-16s median %5d ms  max %5d ms  (%d reads)%n", part, sorted[sorted.length / 2],
					sorted[sorted.length - 1], sorted.length);
		});
	}

	private static String get(HttpClient http, String url, String token) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	private void describe() throws Exception {
		try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
			System.out.printf("data: %,d residents, %,d rounds, %,d samples, %,d tubes, %,d facilities, %,d rooms, %,d stays%n",
					count(c, "SELECT count(*) FROM people_person"), count(c, "SELECT count(*) FROM testing_round"),
					count(c, "SELECT count(*) FROM testing_sample"), count(c, "SELECT count(*) FROM testing_tube"),
					count(c, "SELECT count(*) FROM quarantine_facility"), count(c, "SELECT count(*) FROM quarantine_room"),
					count(c, "SELECT count(*) FROM quarantine_stay"));
		}
	}

	/** Daily rounds with every resident sampled and resulted, and a month of quarantine stays. */
	private void prepare(Api api, String admin) throws Exception {
		long t0 = System.nanoTime();
		int days = Integer.parseInt(options.get("days"));
		try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
			// A preparation stopped half-way resumes, and a larger --days adds the older days: the days and facilities
			// already made are kept.
			prepareRounds(api, admin, c, days, t0);
			prepareFacilities(c);
		}
		System.out.printf("prepared in %.0f s%n", (System.nanoTime() - t0) / 1e9);
	}

	private void prepareRounds(Api api, String admin, Connection c, int days, long t0) throws Exception {
		long lab = count(c, "SELECT min(id) FROM testing_lab");
		List<String> communities = new ArrayList<>();
		try (ResultSet rs = c.createStatement().executeQuery(
				"SELECT code FROM area WHERE level = 'COMMUNITY' AND code LIKE '" + DISTRICT + "%' ORDER BY code")) {
			while (rs.next()) {
				communities.add(rs.getString(1));
			}
		}
		StringBuilder siteValues = new StringBuilder();
		for (String community : communities) {
			long existing = count(c, "SELECT coalesce(min(id), 0) FROM testing_site WHERE name = '指挥部压测采样点" + community + "'");
			if (existing > 0) {
				siteValues.append(siteValues.isEmpty() ? "" : ",").append("('").append(community).append("',")
					.append(existing).append(")");
				continue;
			}
			Api.Response made = api.withToken(admin).post("/api/v1/sites", Map.of("name", "指挥部压测采样点" + community,
					"kind", "FIXED", "area", community, "location", "bench", "stations", 4));
			if (made.status() != 201) {
				throw new IllegalStateException("site: " + made.body());
			}
			siteValues.append(siteValues.isEmpty() ? "" : ",").append("('").append(community).append("',")
				.append(made.json().get("id").asLong()).append(")");
		}
		update(c, "CREATE TABLE bench_site (community text, site_id bigint)");
		update(c, "INSERT INTO bench_site VALUES " + siteValues);
		update(c, """
				CREATE TABLE bench_sample AS
				SELECT p.id AS person_id, s.site_id,
				       (row_number() OVER (PARTITION BY s.site_id ORDER BY p.area_code, p.id) - 1) / 10 AS tube_no
				FROM people_person p JOIN bench_site s ON left(p.area_code, 12) = s.community
				WHERE p.area_code LIKE ?""", DISTRICT + "%");
		update(c, "ANALYZE bench_sample");
		for (int d = days - 1; d >= 0; d--) {
			Instant start = LocalDate.now(ZONE).minusDays(d).atTime(7, 0).atZone(ZONE).toInstant();
			if (count(c, "SELECT count(*) FROM testing_round WHERE name LIKE '指挥部压测%' AND starts_at = '" + start + "'") > 0) {
				continue;
			}
			Api.Response created = api.withToken(admin).post("/api/v1/rounds", Map.of("name", "指挥部压测第" + (days - d) + "轮",
					"areas", List.of(DISTRICT), "startsAt", start.toString(), "endsAt",
					start.plus(Duration.ofHours(12)).toString(), "poolSize", 10));
			long round = created.json().get("id").asLong();
			api.withToken(admin).post("/api/v1/rounds/" + round + "/open", Map.of());
			String at = "?::timestamptz + (t.tube_no % 3000) * interval '10 seconds'";
			update(c, """
					INSERT INTO testing_tube (code, round_id, site_id, pool_size, samples, status, opened_at, opened_by,
					                          sealed_at, sealed_by)
					SELECT 'C' || ? || '-' || t.site_id || '-' || t.tube_no, ?, t.site_id, 10, t.samples, 'SEALED', %s,
					       'bench', %s + interval '5 minutes', 'bench'
					FROM (SELECT site_id, tube_no, count(*) AS samples FROM bench_sample GROUP BY site_id, tube_no) t
					""".formatted(at.replace("?", "'" + start + "'"), at.replace("?", "'" + start + "'")), round, round);
			update(c, """
					INSERT INTO testing_sample (tube_id, round_id, site_id, person_id, sampled_at, sampled_by, resample)
					SELECT tb.id, ?, t.site_id, t.person_id, %s, 'bench', false
					FROM bench_sample t JOIN testing_tube tb ON tb.code = 'C' || ? || '-' || t.site_id || '-' || t.tube_no
					""".formatted(at.replace("?", "'" + start + "'")), round, round);
			update(c, """
					INSERT INTO testing_result (tube_id, outcome, tested_at, lab_id, operator, posted_at)
					SELECT id, CASE WHEN id % 997 = 0 THEN 'POSITIVE' ELSE 'NEGATIVE' END, opened_at + interval '4 hours',
					       ?, 'bench', opened_at + interval '4 hours' + (id % 120) * interval '1 minute'
					FROM testing_tube WHERE round_id = ? AND (? > 0 OR id % 2 = 0)""", lab, round, d);
			update(c, """
					INSERT INTO command_positive (person_id, round_id, tube_code, area, found_by, confirmed_at)
					SELECT s.person_id, ?, 'C', p.area_code, CASE WHEN s.person_id % 3 = 0 THEN 'IN_QUARANTINE'
					       ELSE 'COMMUNITY_SCREENING' END, s.sampled_at + interval '8 hours'
					FROM testing_sample s JOIN people_person p ON p.id = s.person_id
					WHERE s.round_id = ? AND s.person_id % 5003 = 0""", round, round);
			if (d > 0) {
				update(c, "UPDATE testing_round SET status = 'CLOSED', closed_at = ends_at WHERE id = ?", round);
			}
			System.out.printf("round %d of day -%d prepared (%.0f s so far)%n", round, d, (System.nanoTime() - t0) / 1e9);
		}
		update(c, "DROP TABLE bench_sample");
		update(c, "DROP TABLE bench_site");
	}

	private void prepareFacilities(Connection c) throws Exception {
		if (count(c, "SELECT count(*) FROM quarantine_stay WHERE name LIKE '压测%'") > 0) {
			return;
		}
		long category = count(c, "SELECT min(id) FROM quarantine_category");
		long rule = count(c, "SELECT max(id) FROM quarantine_rule WHERE category_id = " + category);
		String subdistricts = "(SELECT array_agg(code ORDER BY code) FROM area WHERE level = 'SUBDISTRICT' AND code LIKE '"
				+ DISTRICT + "%')";
		update(c, "DELETE FROM quarantine_room WHERE facility_id IN (SELECT id FROM quarantine_facility WHERE name LIKE "
				+ "'指挥部压测隔离点%')");
		update(c, "DELETE FROM quarantine_facility WHERE name LIKE '指挥部压测隔离点%'");
		update(c, """
				INSERT INTO quarantine_facility (name, address, area_code)
				SELECT '指挥部压测隔离点' || f, '压测路' || f || '号', (%s)[1 + f %% array_length(%s, 1)]
				FROM generate_series(1, ?) f""".formatted(subdistricts, subdistricts),
				Integer.parseInt(options.get("facilities")));
		update(c, """
				INSERT INTO quarantine_room (facility_id, number, floor, status)
				SELECT f.id, (100 * (1 + r / 20) + r % 20)::text, 1 + r / 20, 'AVAILABLE'
				FROM quarantine_facility f, generate_series(0, 99) r WHERE f.name LIKE '指挥部压测隔离点%'""");
		// Three stays a room over the month: two released after 14 days, the latest still staying in most rooms.
		update(c, """
				INSERT INTO quarantine_stay (facility_id, room_id, name, category_id, rule_id, admitted_at, admitted_on,
				                             planned_release, registration_complete, status, released_at, created_by)
				SELECT r.facility_id, r.id, '压测' || r.id || '-' || k, ?, ?, a, (a AT TIME ZONE 'Asia/Shanghai')::date,
				       (a AT TIME ZONE 'Asia/Shanghai')::date + 14, true,
				       CASE WHEN k < 2 OR r.id % 10 = 0 THEN 'RELEASED' ELSE 'ACTIVE' END,
				       CASE WHEN k < 2 OR r.id % 10 = 0 THEN a + interval '14 days' END, 'bench'
				FROM quarantine_room r JOIN quarantine_facility f ON f.id = r.facility_id,
				     generate_series(0, 2) k,
				     LATERAL (SELECT now() - interval '30 days' + k * interval '14 days' + (r.id % 48) * interval '1 hour' AS a) t
				WHERE f.name LIKE '指挥部压测隔离点%'""", category, rule);
		update(c, """
				UPDATE quarantine_room r SET status = 'OCCUPIED' FROM quarantine_stay s
				WHERE s.room_id = r.id AND s.status = 'ACTIVE' AND r.status = 'AVAILABLE'""");
		for (String table : List.of("testing_tube", "testing_sample", "testing_result", "quarantine_stay",
				"quarantine_room", "command_positive")) {
			update(c, "ANALYZE " + table);
		}
	}

	private static long count(Connection c, String sql) throws Exception {
		try (ResultSet rs = c.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static void update(Connection c, String sql, Object... params) throws Exception {
		try (PreparedStatement statement = c.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				statement.setObject(i + 1, params[i]);
			}
			statement.executeUpdate();
		}
	}
}
