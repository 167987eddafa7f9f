package org.frontline.interop;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.frontline.database.EmbeddedDatabase;
import org.frontline.support.Api;
import org.frontline.support.AppProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load tool for the FHIR Bulk Data export ({@code bench/fhir-export.sh}). On a generated city (demo district with N
 * residents), prepares a round in which every resident is sampled into 10-person tubes received by one lab, with
 * results (set-based SQL, not measured: the rows the scan and result paths write), then measures an export of the
 * round: kick-off, status, and every NDJSON file downloaded by concurrent clients, counting each file's lines and
 * checking them against the database; the application's resident memory is sampled throughout.
 */
public final class FhirExportBench {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final String DISTRICT = "320602";

	private static final String PASSWORD = "bench-pass-1";

	private final Map<String, String> options;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private String jdbcUrl;

	private String admin;

	private int port;

	private FhirExportBench(Map<String, String> options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>(Map.of("residents", "2000000", "data", "target/bench-fhir", "runs",
				"3", "clients", "4", "positive-every", "400", "invalid-every", "3000"));
		for (String arg : args) {
			String[] kv = arg.replaceFirst("^--", "").split("=", 2);
			options.put(kv[0], kv.length > 1 ? kv[1] : "true");
		}
		new FhirExportBench(options).run();
	}

	private void run() throws Exception {
		Path data = Path.of(options.get("data")).toAbsolutePath();
		Files.createDirectories(data);
		try (EmbeddedDatabase database = EmbeddedDatabase.start(data.resolve("db"), 0)) {
			jdbcUrl = database.jdbcUrl();
			List<String> appArgs = List.of("--frontline.db.url=jdbc:postgresql://localhost:" + database.port() + "/postgres",
					"--frontline.db.user=postgres", "--frontline.db.password=", "--frontline.demo.enabled=true", "--frontline.demo.day=false",
					"--frontline.demo.residents=" + options.get("residents"), "--frontline.demo.password=" + PASSWORD,
					"--logging.level.root=WARN");
			try (AppProcess app = new AppProcess(data.resolve("app.log"), appArgs.toArray(String[]::new))) {
				long started = System.nanoTime();
				app.start();
				port = app.port();
				System.out.printf("Frontline up in %.1f s on %s%n", (System.nanoTime() - started) / 1e9, data);
				admin = app.api().as("admin", PASSWORD).token();
				long round = options.containsKey("round") ? Long.parseLong(options.get("round")) : prepare(app.api());
				Map<String, Long> expected = expected(round);
				System.out.println("expected lines: " + expected);
				List<double[]> runs = new ArrayList<>();
				for (int run = 1; run <= Integer.parseInt(options.get("runs")); run++) {
					runs.add(export(app, round, expected, run));
				}
				if (runs.isEmpty()) {
					System.out.printf("round %d ready (export it with --round=%d)%n", round, round);
					return;
				}
				double[] seconds = runs.stream().mapToDouble(r -> r[0]).sorted().toArray();
				double[] rss = runs.stream().mapToDouble(r -> r[2]).sorted().toArray();
				double median = seconds[seconds.length / 2];
				System.out.printf("%nsummary: export of round %d (%,d tubes, %,d people; %,d resources, %.0f MB), %d clients:"
						+ " median %.1f s of %d runs (%s), %,.0f resources/s; application RSS peak %.0f MB (median)"
						+ "  target < 300 s %s%n", round, expected.get("specimen"), expected.get("patient"),
						(long) runs.get(0)[1], runs.get(0)[3] / 1e6, Integer.parseInt(options.get("clients")), median,
						runs.size(), java.util.Arrays.toString(seconds), runs.get(0)[1] / median, rss[rss.length / 2],
						median < 300 ? "MET" : "MISSED");
			}
		}
	}

	/** One export, timed from kick-off to the last line of the last file; answers {s, lines, peak RSS MB, bytes}. */
	private double[] export(AppProcess app, long round, Map<String, Long> expected, int run) throws Exception {
		AtomicLong peakRss = new AtomicLong(rss(app.pid()));
		long rssBefore = peakRss.get();
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				peakRss.accumulateAndGet(rss(app.pid()), Math::max);
				try {
					Thread.sleep(250);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		sampler.setDaemon(true);
		sampler.start();
		long cpuBefore = cpu(app.pid());
		long t0 = System.nanoTime();
		HttpResponse<String> kickOff = http.send(request(base() + "/fhir/$export?round=" + round)
			.header("Prefer", "respond-async").header("Accept", "application/fhir+json").build(),
				HttpResponse.BodyHandlers.ofString());
		if (kickOff.statusCode() != 202) {
			throw new IllegalStateException("kick-off answered " + kickOff.statusCode() + " " + kickOff.body());
		}
		String status = kickOff.headers().firstValue("Content-Location").orElseThrow();
		HttpResponse<String> manifest;
		do {
			manifest = http.send(request(status).build(), HttpResponse.BodyHandlers.ofString());
		}
		while (manifest.statusCode() == 202);
		double kicked = (System.nanoTime() - t0) / 1e9;
		List<JsonNode> outputs = new ArrayList<>();
		JSON.readTree(manifest.body()).get("output").forEach(outputs::add);
		Map<String, AtomicLong> lines = new ConcurrentHashMap<>();
		AtomicLong bytes = new AtomicLong();
		ExecutorService clients = Executors.newFixedThreadPool(Integer.parseInt(options.get("clients")));
		List<Future<?>> downloads = new ArrayList<>();
		for (JsonNode output : outputs) {
			String url = output.get("url").asString();
			String name = url.substring(url.lastIndexOf('/') + 1, url.lastIndexOf('-'));
			downloads.add(clients.submit(() -> {
				HttpResponse<InputStream> file = http.send(request(url).build(), HttpResponse.BodyHandlers.ofInputStream());
				if (file.statusCode() != 200) {
					throw new IllegalStateException(url + " answered " + file.statusCode());
				}
				long count = 0;
				try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.body(), StandardCharsets.UTF_8),
						1 << 16)) {
					String line;
					while ((line = reader.readLine()) != null) {
						if (!line.startsWith("{\"resourceType\":\"")) {
							throw new IllegalStateException(url + ": not a resource: " + line);
						}
						count++;
						bytes.addAndGet(line.length() + 1);
					}
				}
				lines.computeIfAbsent(name, n -> new AtomicLong()).addAndGet(count);
				return null;
			}));
		}
		for (Future<?> download : downloads) {
			download.get();
		}
		clients.shutdown();
		double seconds = (System.nanoTime() - t0) / 1e9;
		double cpu = (cpu(app.pid()) - cpuBefore) / 100.0;
		sampler.interrupt();
		Map<String, Long> counted = new TreeMap<>();
		lines.forEach((name, n) -> counted.put(name, n.get()));
		long total = counted.values().stream().mapToLong(Long::longValue).sum();
		boolean match = counted.equals(new TreeMap<>(expected));
		System.out.printf("run %d: %d files, %,d lines (%.0f MB) in %.1f s (manifest after %.2f s), %,.0f lines/s;"
				+ " application CPU %.0f s; RSS %.0f MB before, peak %.0f MB; lines %s%n", run, outputs.size(), total,
				bytes.get() / 1e6, seconds, kicked, total / seconds, cpu, rssBefore / 1024.0, peakRss.get() / 1024.0,
				match ? "match the database " + counted : "DIFFER: counted " + counted + " expected " + expected);
		if (!match) {
			throw new IllegalStateException("The export's lines differ from the database.");
		}
		return new double[] { seconds, total, peakRss.get() / 1024.0, bytes.get() };
	}

	/** What each file kind should hold, counted in the database. */
	private Map<String, Long> expected(long round) throws Exception {
		try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
			Map<String, Long> expected = new TreeMap<>();
			long tubes = count(c, "SELECT count(*) FROM testing_tube WHERE round_id = " + round);
			long people = count(c, "SELECT count(DISTINCT person_id) FROM testing_sample WHERE round_id = " + round
					+ " AND removed_at IS NULL");
			expected.put("patient", people);
			expected.put("specimen", tubes);
			expected.put("group", tubes);
			expected.put("observation-tube", count(c, "SELECT count(*) FROM testing_result r JOIN testing_tube t"
					+ " ON t.id = r.tube_id WHERE t.round_id = " + round));
			expected.put("observation-person", count(c, "SELECT count(*) FROM testing_sample s JOIN testing_result r"
					+ " ON r.tube_id = s.tube_id WHERE s.round_id = " + round + " AND s.removed_at IS NULL"));
			expected.put("diagnostic-report", people);
			return expected;
		}
	}

	/** A round with the district's residents in 10-person tubes, boxed, received by the demo lab and resulted. */
	private long prepare(Api api) throws Exception {
		Api.Response created = api.withToken(admin).post("/api/v1/rounds", Map.of("name", "FHIR 导出压测 " + Instant.now(),
				"areas", List.of(DISTRICT), "startsAt", Instant.now().minus(Duration.ofHours(6)).toString(), "endsAt",
				Instant.now().plus(Duration.ofDays(1)).toString(), "poolSize", 10));
		if (created.status() != 201) {
			throw new IllegalStateException("Cannot create a round: " + created.body());
		}
		long round = created.json().get("id").asLong();
		if (api.withToken(admin).post("/api/v1/rounds/" + round + "/open", Map.of()).status() != 200) {
			throw new IllegalStateException("Cannot open the round");
		}
		long t0 = System.nanoTime();
		try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
			long lab = count(c, "SELECT id FROM testing_lab WHERE name = '崇川区核酸检测实验室'");
			List<String> communities = new ArrayList<>();
			try (ResultSet rs = c.createStatement().executeQuery(
					"SELECT code FROM area WHERE level = 'COMMUNITY' AND code LIKE '" + DISTRICT + "%' ORDER BY code")) {
				while (rs.next()) {
					communities.add(rs.getString(1));
				}
			}
			StringBuilder siteValues = new StringBuilder();
			for (String community : communities) {
				String name = "FHIR压测采样点" + community;
				long site = count(c, "SELECT coalesce(max(id), 0) FROM testing_site WHERE name = '" + name + "'");
				if (site == 0) {
					Api.Response made = api.withToken(admin).post("/api/v1/sites", Map.of("name", name, "kind", "FIXED",
							"area", community, "location", "bench", "stations", 4));
					site = made.json().get("id").asLong();
				}
				siteValues.append(siteValues.isEmpty() ? "" : ",").append("('").append(community).append("',")
					.append(site).append(")");
			}
			c.setAutoCommit(false);
			update(c, "CREATE TEMP TABLE bench_site (community text, site_id bigint) ON COMMIT DROP");
			update(c, "INSERT INTO bench_site VALUES " + siteValues);
			update(c, """
					CREATE TEMP TABLE bench_sample ON COMMIT DROP AS
					SELECT p.id AS person_id, s.site_id,
					       (row_number() OVER (PARTITION BY s.site_id ORDER BY p.area_code, p.building, p.unit, p.room, p.id) - 1) / 10
					         AS tube_no
					FROM people_person p JOIN bench_site s ON left(p.area_code, 12) = s.community
					WHERE p.area_code LIKE ?
					""", DISTRICT + "%");
			update(c, "ANALYZE bench_sample");
			String at = "now() - interval '5 hours' + (t.tube_no % 3000) * interval '6 seconds'";
			update(c, """
					INSERT INTO testing_box (code, site_id, status, packed_at, packed_by, courier, dispatched_at,
					                         dispatched_by, lab_id, received_at, received_by)
					SELECT 'FB' || ? || '-' || site_id || '-' || tube_no / 100, site_id, 'RECEIVED', now() - interval '50 minutes',
					       'registrar1', '压测转运', now() - interval '45 minutes', 'registrar1', ?, now() - interval '20 minutes', 'lab1'
					FROM (SELECT DISTINCT site_id, tube_no FROM bench_sample WHERE tube_no % 100 = 0) b
					""", round, lab);
			update(c, """
					INSERT INTO testing_tube (code, round_id, site_id, pool_size, samples, status, opened_at, opened_by,
					                          sealed_at, sealed_by, box_id)
					SELECT 'F' || ? || '-' || t.site_id || '-' || t.tube_no, ?, t.site_id, 10, t.samples, 'SEALED', %s,
					       'registrar1', %s + interval '5 seconds', 'registrar1', b.id
					FROM (SELECT site_id, tube_no, count(*) AS samples FROM bench_sample GROUP BY site_id, tube_no) t
					JOIN testing_box b ON b.code = 'FB' || ? || '-' || t.site_id || '-' || t.tube_no / 100
					""".formatted(at, at), round, round, round);
			update(c, """
					INSERT INTO testing_sample (tube_id, round_id, site_id, person_id, sampled_at, sampled_by, resample)
					SELECT tb.id, ?, t.site_id, t.person_id, %s, 'registrar1', false
					FROM bench_sample t JOIN testing_tube tb ON tb.code = 'F' || ? || '-' || t.site_id || '-' || t.tube_no
					""".formatted(at), round, round);
			// Every tube resulted: one in --positive-every positive (with Ct values), one in --invalid-every invalid.
			update(c, """
					INSERT INTO testing_result (tube_id, outcome, ct_orf1ab, ct_n, tested_at, lab_id, operator, posted_at)
					SELECT id, CASE WHEN id % ? = 0 THEN 'POSITIVE' WHEN id % ? = 0 THEN 'INVALID' ELSE 'NEGATIVE' END,
					       CASE WHEN id % ? = 0 THEN 20 + id % 15 END, CASE WHEN id % ? = 0 THEN 21 + id % 14 END,
					       now() - interval '15 minutes', ?, 'lab1', now() - interval '10 minutes'
					FROM testing_tube WHERE round_id = ?
					""", Integer.parseInt(options.get("positive-every")), Integer.parseInt(options.get("invalid-every")),
					Integer.parseInt(options.get("positive-every")), Integer.parseInt(options.get("positive-every")), lab,
					round);
			c.commit();
			c.setAutoCommit(true);
			for (String table : List.of("testing_tube", "testing_sample", "testing_box", "testing_result")) {
				update(c, "ANALYZE " + table);
			}
			System.out.printf("round %d prepared in %.1f s: %,d samples in %,d tubes%n", round,
					(System.nanoTime() - t0) / 1e9, count(c, "SELECT count(*) FROM testing_sample WHERE round_id = " + round),
					count(c, "SELECT count(*) FROM testing_tube WHERE round_id = " + round));
		}
		return round;
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private HttpRequest.Builder request(String url) {
		return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(30)).header("Authorization",
				"Bearer " + admin);
	}

	private static long count(Connection c, String sql) throws Exception {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static void update(Connection c, String sql, Object... params) throws Exception {
		try (PreparedStatement s = c.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				s.setObject(i + 1, params[i]);
			}
			s.executeUpdate();
		}
	}

	/** Resident memory of a process in kB. */
	private static long rss(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D", ""));
				}
			}
		}
		catch (Exception ex) {
			// the process is gone
		}
		return 0;
	}

	/** CPU time of a process in clock ticks (user + system). */
	private static long cpu(long pid) {
		try {
			String[] fields = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceAll(".*\\) ", "").split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (Exception ex) {
			return 0;
		}
	}
}
