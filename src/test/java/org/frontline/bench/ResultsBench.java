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
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.frontline.database.EmbeddedDatabase;
import org.frontline.support.Api;
import org.frontline.support.AppProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load tool for lab results and coverage ({@code bench/results.sh}). On the generated city (demo district with N
 * residents), prepares a round in which the district's residents are sampled into 10-person tubes, boxed and received
 * by one lab, with the same rows the scan path writes (set-based SQL: preparation is not measured). Then measures:
 * every tube's result posted through {@code POST /api/v1/results} by concurrent lab clients; the time from the last
 * post until every person's result is visible through the API and in one count over the round; and, against the same
 * database server, the baseline: the same results as one SQL statement on a copy round. Finally the coverage of the
 * district by community and one community's not-yet-tested list, repeated after a warm-up.
 */
public final class ResultsBench {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final String DISTRICT = "320602";

	private static final String PASSWORD = "bench-pass-1";

	private final Map<String, String> options;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private String jdbcUrl;

	private int port;

	private String admin;

	private String lab;

	private long labId;

	private final Map<String, Long> sites = new LinkedHashMap<>();

	private ResultsBench(Map<String, String> options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>(Map.of("residents", "2000000", "data", "target/bench-data",
				"runs", "1", "tubes", "0", "clients", "4", "batch", "1000", "repeats", "20", "community",
				"320602001001", "not-sampled-every", "50", "exempt-every", "500"));
		options.putAll(Map.of("positive-every", "10000", "baseline", "true", "explain", "false"));
		for (String arg : args) {
			String[] kv = arg.replaceFirst("^--", "").split("=", 2);
			options.put(kv[0], kv.length > 1 ? kv[1] : "true");
		}
		new ResultsBench(options).run();
	}

	private int option(String name) {
		return Integer.parseInt(options.get(name));
	}

	private void run() throws Exception {
		Path data = Path.of(options.get("data")).toAbsolutePath();
		Files.createDirectories(data);
		try (EmbeddedDatabase database = EmbeddedDatabase.start(data.resolve("db"), 0)) {
			List<String> appArgs = new ArrayList<>(List.of(
					"--frontline.db.url=jdbc:postgresql://localhost:" + database.port() + "/postgres",
					"--frontline.db.user=postgres", "--frontline.db.password=", "--frontline.demo.enabled=true", "--frontline.demo.day=false",
					"--frontline.demo.residents=" + options.get("residents"), "--frontline.demo.password=" + PASSWORD,
					"--logging.level.root=WARN", "--server.tomcat.threads.max=400"));
			if (options.containsKey("app-args")) {
				appArgs.addAll(Arrays.asList(options.get("app-args").split(" ")));
			}
			jdbcUrl = database.jdbcUrl();
			try (AppProcess app = new AppProcess(data.resolve("app.log"), appArgs.toArray(String[]::new))) {
				long started = System.nanoTime();
				app.start();
				port = app.port();
				try (Connection c = connection()) {
					System.out.printf("Frontline up in %.1f s on %s (PostgreSQL fsync=%s, synchronous_commit=%s)%n",
							(System.nanoTime() - started) / 1e9, data, single(c, "SHOW fsync"),
							single(c, "SHOW synchronous_commit"));
				}
				admin = app.api().as("admin", PASSWORD).token();
				lab = app.api().as("lab1", PASSWORD).token();
				bench(app.api());
			}
		}
	}

	private void bench(Api api) throws Exception {
		try (Connection c = connection()) {
			labId = Long.parseLong(single(c, "SELECT id FROM testing_lab WHERE name = '崇川区核酸检测实验室'"));
			List<String> communities = new ArrayList<>();
			try (ResultSet rs = c.createStatement()
				.executeQuery("SELECT code FROM area WHERE level = 'COMMUNITY' AND code LIKE '" + DISTRICT + "%' ORDER BY code")) {
				while (rs.next()) {
					communities.add(rs.getString(1));
				}
			}
			for (String community : communities) {
				String name = "结果压测采样点" + community;
				String id = single(c, "SELECT max(id) FROM testing_site WHERE name = '" + name + "'");
				if (id == null) {
					Api.Response created = api.withToken(admin).post("/api/v1/sites", Map.of("name", name, "kind",
							"FIXED", "area", community, "location", "bench", "stations", 4));
					if (created.status() != 201) {
						throw new IllegalStateException("Cannot create a site: " + created.body());
					}
					id = created.json().get("id").asString();
				}
				sites.put(community, Long.parseLong(id));
			}
			System.out.printf("city: %s residents in %s, %d communities, lab %d%n",
					single(c, "SELECT count(*) FROM people_person WHERE area_code LIKE '" + DISTRICT + "%'"), DISTRICT,
					communities.size(), labId);
		}
		List<double[]> posts = new ArrayList<>();
		// --round=ID: only the reads, on a round prepared and posted by an earlier run in this data directory.
		long round = options.containsKey("round") ? Long.parseLong(options.get("round")) : 0;
		int runs = options.containsKey("round") ? 0 : Math.max(1, option("runs"));
		for (int run = 1; run <= runs; run++) {
			round = prepare(api, "run " + run);
			double[] posted = post(round);
			double visible = visible(api, round);
			posts.add(new double[] { posted[0], posted[1], posted[2], visible, posted[3] });
			System.out.printf("run %d: %.0f results/s (%d tubes in %.1f s), p50 %.1f ms, p99 %.1f ms per request"
					+ " of %d; every person's result visible %.2f s after the last post%n", run, posted[3] / posted[4],
					(long) posted[3], posted[4], posted[1], posted[2], option("batch"), visible);
		}
		double[] baseline = null;
		if (Boolean.parseBoolean(options.get("baseline")) && !options.containsKey("round")) {
			long copy = prepare(api, "baseline");
			baseline = baseline(copy);
		}
		double[] floor = timeGet("/api/v1/rounds/" + round, admin);
		double[] coverage = timeGet("/api/v1/rounds/" + round + "/coverage?area=" + DISTRICT, admin);
		double[] missing = timeGet("/api/v1/rounds/" + round + "/missing?area=" + options.get("community") + "&size=50",
				admin);
		System.out.printf("round %d: floor %.1f/%.1f ms, coverage %.1f/%.1f ms, list %.1f/%.1f ms (median/p99)%n", round,
				floor[0], floor[1], coverage[0], coverage[1], missing[0], missing[1]);
		checkCoverage(api, round);
		if (Boolean.parseBoolean(options.get("explain"))) {
			explain(round);
		}
		System.out.println();
		System.out.printf("summary (%s residents, %d clients x batches of %d, median of %d runs):%n",
				options.get("residents"), option("clients"), option("batch"), posts.size());
		if (posts.isEmpty()) {
			posts.add(new double[] { 1, 0, 0, 0, 0 });
		}
		double[] rates = posts.stream().mapToDouble(p -> p[4] / p[0]).sorted().toArray();
		double[] p50 = posts.stream().mapToDouble(p -> p[1]).sorted().toArray();
		double[] p99 = posts.stream().mapToDouble(p -> p[2]).sorted().toArray();
		double[] lag = posts.stream().mapToDouble(p -> p[3]).sorted().toArray();
		System.out.printf("  POST /api/v1/results   %8.0f results/s   p50 %7.1f ms  p99 %7.1f ms per request%n",
				rates[rates.length / 2], p50[p50.length / 2], p99[p99.length / 2]);
		System.out.printf("  visible after last post %7.2f s   (target < 60 s)  %s%n", lag[lag.length / 2],
				lag[lag.length / 2] < 60 ? "MET" : "MISSED");
		if (baseline != null) {
			System.out.printf("  baseline: one INSERT ... SELECT of %d results %.2f s = %.0f results/s, visible %.2f s"
					+ " after; API / baseline = %.2f%n", (long) baseline[0], baseline[1], baseline[0] / baseline[1],
					baseline[2], rates[rates.length / 2] / (baseline[0] / baseline[1]));
			System.out.printf("  (for scale: one row per person materialised in one statement: %d rows in %.2f s)%n",
					(long) baseline[3], baseline[4]);
		}
		System.out.printf("  floor: GET /api/v1/rounds/{id}        median %6.1f ms  p99 %6.1f ms  (any authenticated read)%n",
				floor[0], floor[1]);
		System.out.printf("  coverage of %s by community  median %6.1f ms  p99 %6.1f ms  (target < 200 ms)  %s%n",
				DISTRICT, coverage[0], coverage[1], coverage[0] < 200 ? "MET" : "MISSED");
		System.out.printf("  missing list of %s, 50   median %6.1f ms  p99 %6.1f ms  (target < 50 ms)  %s%n",
				options.get("community"), missing[0], missing[1], missing[0] < 50 ? "MET" : "MISSED");
	}

	private Connection connection() throws java.sql.SQLException {
		return DriverManager.getConnection(jdbcUrl);
	}

	private static String single(Connection c, String sql) throws java.sql.SQLException {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			return rs.next() ? rs.getString(1) : null;
		}
	}

	private static long update(Connection c, String sql, Object... params) throws java.sql.SQLException {
		try (PreparedStatement s = c.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				s.setObject(i + 1, params[i]);
			}
			return s.executeLargeUpdate();
		}
	}

	/**
	 * A round over the district, opened through the API; then, in one transaction, the rows the scan path writes for
	 * every resident sampled (tubes of 10 per community site, filled in address order and sealed), boxed by 100 tubes
	 * per site, dispatched and received by the lab, with the scan log of each event; every {@code not-sampled-every}th
	 * resident left out and every {@code exempt-every}th exempted (away). Answers the round.
	 */
	private long prepare(Api api, String label) throws Exception {
		Api.Response created = api.withToken(admin).post("/api/v1/rounds", Map.of("name", "结果压测 " + label + " "
				+ Instant.now(), "areas", List.of(DISTRICT), "startsAt", Instant.now().minus(Duration.ofHours(6)).toString(),
				"endsAt", Instant.now().plus(Duration.ofDays(1)).toString(), "poolSize", 10));
		if (created.status() != 201 && created.status() != 200) {
			throw new IllegalStateException("Cannot create a round: " + created.body());
		}
		long round = created.json().get("id").asLong();
		Api.Response opened = api.withToken(admin).post("/api/v1/rounds/" + round + "/open", Map.of());
		if (opened.status() != 200) {
			throw new IllegalStateException("Cannot open the round: " + opened.body());
		}
		long t0 = System.nanoTime();
		int notSampled = option("not-sampled-every");
		int exempt = option("exempt-every");
		try (Connection c = connection()) {
			c.setAutoCommit(false);
			StringBuilder siteValues = new StringBuilder();
			sites.forEach((community, site) -> siteValues.append(siteValues.isEmpty() ? "" : ",")
				.append("('").append(community).append("',").append(site).append(")"));
			update(c, "CREATE TEMP TABLE bench_site (community text, site_id bigint) ON COMMIT DROP");
			update(c, "INSERT INTO bench_site VALUES " + siteValues);
			update(c, """
					CREATE TEMP TABLE bench_sample ON COMMIT DROP AS
					SELECT p.id AS person_id, s.site_id,
					       (row_number() OVER (PARTITION BY s.site_id ORDER BY p.area_code, p.building, p.unit, p.room, p.id) - 1) / 10
					         AS tube_no
					FROM people_person p JOIN bench_site s ON left(p.area_code, 12) = s.community
					WHERE p.area_code LIKE ? AND p.id % ? <> 1 AND p.id % ? <> 2
					""", DISTRICT + "%", exempt, notSampled);
			update(c, "ANALYZE bench_sample");
			// One device per site; sampling over the five hours before now, sealing as each tube fills.
			String at = "now() - interval '5 hours' + (t.tube_no % 3000) * interval '6 seconds'";
			update(c, """
					INSERT INTO testing_box (code, site_id, status, packed_at, packed_by, courier, dispatched_at,
					                         dispatched_by, lab_id, received_at, received_by)
					SELECT 'RB' || ? || '-' || site_id || '-' || tube_no / 100, site_id, 'RECEIVED', now() - interval '50 minutes',
					       'registrar1', '压测转运', now() - interval '45 minutes', 'registrar1', ?, now() - interval '20 minutes', 'lab1'
					FROM (SELECT DISTINCT site_id, tube_no FROM bench_sample WHERE tube_no % 100 = 0) b
					""", round, labId);
			update(c, """
					INSERT INTO testing_tube (code, round_id, site_id, pool_size, samples, status, opened_at, opened_by,
					                          sealed_at, sealed_by, box_id)
					SELECT 'R' || ? || '-' || t.site_id || '-' || t.tube_no, ?, t.site_id, 10, t.samples, 'SEALED', %s,
					       'registrar1', %s + interval '5 seconds', 'registrar1', b.id
					FROM (SELECT site_id, tube_no, count(*) AS samples FROM bench_sample GROUP BY site_id, tube_no) t
					JOIN testing_box b ON b.code = 'RB' || ? || '-' || t.site_id || '-' || t.tube_no / 100
					""".formatted(at, at), round, round, round);
			update(c, "ANALYZE testing_tube");
			update(c, """
					INSERT INTO testing_sample (tube_id, round_id, site_id, person_id, sampled_at, sampled_by, resample)
					SELECT tb.id, ?, t.site_id, t.person_id, %s, 'registrar1', false
					FROM bench_sample t JOIN testing_tube tb ON tb.code = 'R' || ? || '-' || t.site_id || '-' || t.tube_no
					""".formatted(at), round, round);
			// The scan log: TUBE_OPENED, SAMPLED, TUBE_SEALED (tubes left short), BOXED per tube; per box its hand-overs.
			update(c, """
					INSERT INTO testing_scan_event (event_id, device_id, type, username, at, received_at, status, tube_code)
					SELECT gen_random_uuid(), 'bench-' || t.site_id, e.type, 'registrar1', t.opened_at, t.opened_at,
					       'ACCEPTED', t.code
					FROM testing_tube t
					CROSS JOIN LATERAL (SELECT 'TUBE_OPENED' UNION ALL SELECT 'BOXED'
					                    UNION ALL SELECT 'TUBE_SEALED' WHERE t.samples < t.pool_size) e(type)
					WHERE t.round_id = ?
					""", round);
			update(c, """
					INSERT INTO testing_scan_event (event_id, device_id, type, username, at, received_at, status, tube_code)
					SELECT gen_random_uuid(), 'bench-' || s.site_id, 'SAMPLED', 'registrar1', s.sampled_at, s.sampled_at,
					       'ACCEPTED', t.code
					FROM testing_sample s JOIN testing_tube t ON t.id = s.tube_id
					WHERE s.round_id = ?
					""", round);
			update(c, """
					INSERT INTO testing_scan_event (event_id, device_id, type, username, at, received_at, status)
					SELECT gen_random_uuid(), 'bench-' || b.site_id, e.type, e.who, e.at, e.at, 'ACCEPTED'
					FROM testing_box b
					CROSS JOIN LATERAL (VALUES ('BOX_DISPATCHED', 'registrar1', b.dispatched_at),
					                           ('BOX_RECEIVED', 'lab1', b.received_at)) e(type, who, at)
					WHERE b.code LIKE 'RB' || ? || '-%'
					""", round);
			update(c, """
					INSERT INTO testing_exemption (round_id, person_id, reason, exempted_by, exempted_at)
					SELECT ?, p.id, 'AWAY', 'community', now() - interval '4 hours'
					FROM people_person p WHERE p.area_code LIKE ? AND p.id % ? = 1
					""", round, DISTRICT + "%", exempt);
			c.commit();
			c.setAutoCommit(true);
			update(c, "ANALYZE testing_sample");
			update(c, "ANALYZE testing_box");
			update(c, "ANALYZE testing_exemption");
			System.out.printf("%s: round %d prepared in %.1f s: %s samples in %s tubes, %s boxes received by lab %d,"
					+ " %s exempted%n", label, round, (System.nanoTime() - t0) / 1e9,
					single(c, "SELECT count(*) FROM testing_sample WHERE round_id = " + round),
					single(c, "SELECT count(*) FROM testing_tube WHERE round_id = " + round),
					single(c, "SELECT count(*) FROM testing_box WHERE code LIKE 'RB" + round + "-%'"), labId,
					single(c, "SELECT count(*) FROM testing_exemption WHERE round_id = " + round));
		}
		return round;
	}

	/** Posts every tube's result in batches from concurrent lab clients; answers {s, p50 ms, p99 ms, accepted, s}. */
	private double[] post(long round) throws Exception {
		List<String> codes = new ArrayList<>();
		try (Connection c = connection(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT code FROM testing_tube WHERE round_id = " + round + " ORDER BY id")) {
			while (rs.next()) {
				codes.add(rs.getString(1));
			}
		}
		if (option("tubes") > 0 && option("tubes") < codes.size()) {
			codes = codes.subList(0, option("tubes"));
		}
		Collections.shuffle(codes, new Random(round));
		pick(codes);
		int batch = option("batch");
		int positiveEvery = option("positive-every");
		String testedAt = Instant.now().minus(Duration.ofMinutes(10)).toString();
		List<String> bodies = new ArrayList<>();
		for (int from = 0; from < codes.size(); from += batch) {
			List<Map<String, Object>> items = new ArrayList<>();
			for (int i = from; i < Math.min(codes.size(), from + batch); i++) {
				boolean positive = positiveEvery > 0 && i % positiveEvery == positiveEvery / 2;
				Map<String, Object> item = new LinkedHashMap<>();
				item.put("tubeCode", codes.get(i));
				item.put("outcome", positive ? "POSITIVE" : "NEGATIVE");
				if (positive) {
					item.put("ctOrf1ab", 28.4);
					item.put("ctN", 27.9);
				}
				item.put("testedAt", testedAt);
				items.add(item);
			}
			bodies.add(JSON.writeValueAsString(Map.of("results", items)));
		}
		AtomicInteger next = new AtomicInteger();
		AtomicLong accepted = new AtomicLong();
		AtomicLong resent = new AtomicLong();
		Map<String, AtomicLong> other = new ConcurrentHashMap<>();
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		long start = System.nanoTime();
		AtomicLong last = new AtomicLong();
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < option("clients"); t++) {
			Thread thread = new Thread(() -> {
				int i;
				while ((i = next.getAndIncrement()) < bodies.size()) {
					while (true) {
						long t0 = System.nanoTime();
						HttpResponse<String> response;
						try {
							response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/results"))
								.timeout(Duration.ofSeconds(120))
								.header("Authorization", "Bearer " + lab)
								.header("Content-Type", "application/json")
								.POST(HttpRequest.BodyPublishers.ofString(bodies.get(i)))
								.build(), HttpResponse.BodyHandlers.ofString());
						}
						catch (Exception ex) {
							resent.incrementAndGet();
							continue;
						}
						long t1 = System.nanoTime();
						if (response.statusCode() == 503 || response.statusCode() == 429) {
							resent.incrementAndGet();
							sleep(1000);
							continue;
						}
						if (response.statusCode() != 200) {
							throw new IllegalStateException("POST /api/v1/results: " + response.statusCode() + " " + response.body());
						}
						latencies.add(t1 - t0);
						last.accumulateAndGet(t1, Math::max);
						for (JsonNode answer : JSON.readTree(response.body()).get("results")) {
							String status = answer.get("status").asString();
							if (status.equals("ACCEPTED")) {
								accepted.incrementAndGet();
							}
							else {
								other.computeIfAbsent(status + " " + answer.path("reason").asString(""), k -> new AtomicLong())
									.incrementAndGet();
							}
						}
						break;
					}
				}
			}, "lab-client-" + t);
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		lastPost = last.get();
		double wall = (last.get() - start) / 1e9;
		if (!other.isEmpty() || resent.get() > 0) {
			System.out.printf("  not accepted: %s; resent requests: %d%n", other, resent.get());
		}
		long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		return new double[] { wall, percentile(sorted, 0.5), percentile(sorted, 0.99), accepted.get(), wall };
	}

	private volatile long lastPost;

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static double percentile(long[] sorted, double p) {
		return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
	}

	private final List<Long> people = new ArrayList<>();

	private final List<String> tubes = new ArrayList<>();

	/** 50 tubes and 200 people of them, picked at random before the posting, whose results the API must then show. */
	private void pick(List<String> posted) throws Exception {
		people.clear();
		tubes.clear();
		tubes.addAll(posted.subList(0, Math.min(50, posted.size())));
		try (Connection c = connection(); PreparedStatement s = c.prepareStatement("""
				SELECT s.person_id FROM testing_sample s JOIN testing_tube t ON t.id = s.tube_id
				WHERE t.code = ANY (?) AND s.removed_at IS NULL ORDER BY random() LIMIT 200
				""")) {
			s.setArray(1, c.createArrayOf("text", posted.subList(0, Math.min(1000, posted.size())).toArray()));
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					people.add(rs.getLong(1));
				}
			}
		}
	}


	/**
	 * Seconds from the last post's answer until every person's result is visible: every live sample of the round joins
	 * a result (the join {@code GET /api/v1/people/{id}/results} reads), and through the API for 200 people and 50
	 * tubes picked at random. Results are stored in the posting transaction, so this is the time to verify it.
	 */
	private double visible(Api api, long round) throws Exception {
		boolean partial = option("tubes") > 0;
		long checkStart = System.nanoTime();
		long counted = 0;
		while (true) {
			boolean all = true;
			try (Connection c = connection(); Statement s = c.createStatement()) {
				long live = Long.parseLong(single(c, "SELECT count(*) FROM testing_sample WHERE round_id = " + round
						+ " AND removed_at IS NULL"));
				long resulted = Long.parseLong(single(c, """
						SELECT count(*) FROM testing_sample s JOIN testing_result r ON r.tube_id = s.tube_id
						WHERE s.round_id = %d AND s.removed_at IS NULL
						""".formatted(round)));
				all = partial ? resulted > 0 : resulted == live;
				if (all && counted == 0) {
					counted = System.nanoTime();
				}
			}
			java.util.concurrent.atomic.AtomicBoolean seen = new java.util.concurrent.atomic.AtomicBoolean(true);
			List<Runnable> checks = new ArrayList<>();
			for (long person : people) {
				checks.add(() -> {
					boolean found = false;
					for (JsonNode entry : api.withToken(admin).get("/api/v1/people/" + person + "/results").json()) {
						found |= entry.get("roundId").asLong() == round && entry.hasNonNull("outcome");
					}
					if (!found) {
						seen.set(false);
					}
				});
			}
			for (String tube : tubes) {
				checks.add(() -> {
					if (!api.withToken(admin).get("/api/v1/tubes/" + tube).json().hasNonNull("result")) {
						seen.set(false);
					}
				});
			}
			java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(option("clients"));
			checks.forEach(pool::execute);
			pool.shutdown();
			pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
			all &= seen.get();
			if (all) {
				long now = System.nanoTime();
				System.out.printf("  visible: every live sample of the round joins a result %.2f s after the last post;"
						+ " checked through the API (200 people, 50 tubes) %.2f s after%n", (counted - lastPost) / 1e9,
						(now - checkStart) / 1e9);
				return (now - lastPost) / 1e9;
			}
			if (System.nanoTime() - lastPost > 600_000_000_000L) {
				throw new IllegalStateException("Results not visible 10 minutes after the last post.");
			}
			sleep(200);
		}
	}

	/**
	 * The same results straight on the database, on a copy round: one INSERT ... SELECT of every tube's result, then
	 * the same count as {@link #visible}. For scale, also one statement writing one row per person (what a design
	 * that copies the result to each person would write). Answers {results, s, visible s, person rows, s}.
	 */
	private double[] baseline(long copy) throws Exception {
		try (Connection c = connection()) {
			int positiveEvery = Math.max(1, option("positive-every"));
			long t0 = System.nanoTime();
			long results = update(c, """
					INSERT INTO testing_result (tube_id, outcome, ct_orf1ab, ct_n, tested_at, lab_id, operator, posted_at)
					SELECT t.id, CASE WHEN t.id % ? = 0 THEN 'POSITIVE' ELSE 'NEGATIVE' END, NULL, NULL,
					       now() - interval '10 minutes', ?, 'lab1', now()
					FROM testing_tube t WHERE t.round_id = ?
					""", positiveEvery, labId, copy);
			long t1 = System.nanoTime();
			single(c, "SELECT count(*) FROM testing_sample s JOIN testing_result r ON r.tube_id = s.tube_id WHERE s.round_id = "
					+ copy + " AND s.removed_at IS NULL");
			long t2 = System.nanoTime();
			c.setAutoCommit(false);
			long rows = update(c, """
					CREATE TEMP TABLE bench_person_result ON COMMIT DROP AS
					SELECT s.person_id, s.round_id, r.outcome, r.tested_at
					FROM testing_sample s JOIN testing_result r ON r.tube_id = s.tube_id
					WHERE s.round_id = ? AND s.removed_at IS NULL
					""", copy);
			long t3 = System.nanoTime();
			c.rollback();
			System.out.printf("baseline: %d results in one statement %.2f s; every person's result counted %.2f s later%n",
					results, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
			return new double[] { results, (t1 - t0) / 1e9, (t2 - t1) / 1e9, rows, (t3 - t2) / 1e9 };
		}
	}

	/** GETs a path after 3 warm-up requests; answers the median and p99 in ms. */
	private double[] timeGet(String path, String token) throws Exception {
		long[] times = new long[option("repeats")];
		for (int i = -3; i < times.length; i++) {
			long t0 = System.nanoTime();
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString());
			long t1 = System.nanoTime();
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
			}
			if (i >= 0) {
				times[i] = t1 - t0;
			}
		}
		Arrays.sort(times);
		return new double[] { percentile(times, 0.5), percentile(times, 0.99) };
	}

	/** The coverage and the list as the API answers them, against counts done another way over the same rows. */
	private void checkCoverage(Api api, long round) throws Exception {
		JsonNode district = api.withToken(admin).get("/api/v1/rounds/" + round + "/coverage?area=" + DISTRICT).json();
		String community = options.get("community");
		JsonNode list = api.withToken(admin).get("/api/v1/rounds/" + round + "/missing?area=" + community + "&size=50").json();
		try (Connection c = connection()) {
			String sampled = single(c, """
					SELECT count(DISTINCT s.person_id) FROM testing_sample s JOIN people_person p ON p.id = s.person_id
					WHERE s.round_id = %d AND s.removed_at IS NULL AND p.area_code LIKE '%s%%'
					""".formatted(round, DISTRICT));
			String missing = single(c, """
					SELECT count(*) FROM people_person p WHERE p.area_code LIKE '%s%%'
					  AND NOT EXISTS (SELECT 1 FROM testing_sample s WHERE s.round_id = %d AND s.person_id = p.id
					                  AND s.removed_at IS NULL)
					  AND NOT EXISTS (SELECT 1 FROM testing_exemption e WHERE e.round_id = %d AND e.person_id = p.id)
					""".formatted(community, round, round));
			System.out.printf("coverage of %s: in scope %d, sampled %d (counted another way: %s), not sampled %d,"
					+ " exempted %d, %.1f%%; %d communities%n", DISTRICT, district.get("inScope").asLong(),
					district.get("sampled").asLong(), sampled, district.get("notSampled").asLong(),
					district.get("exempted").asLong(), district.get("percent").asDouble(),
					communities(district));
			System.out.printf("not yet tested in %s: %d (counted another way: %s), first page %d people, first %s%n",
					community, list.get("total").asLong(), missing, list.get("items").size(),
					list.get("items").isEmpty() ? "-" : list.get("items").get(0).get("tags"));
			if (district.get("sampled").asLong() != Long.parseLong(sampled) || list.get("total").asLong() != Long.parseLong(missing)) {
				System.out.println("  MISMATCH between the API and the count done another way");
			}
		}
	}

	private static int communities(JsonNode node) {
		int n = "COMMUNITY".equals(node.path("level").asString("")) ? 1 : 0;
		for (JsonNode child : node.get("children")) {
			n += communities(child);
		}
		return n;
	}

	/** EXPLAIN ANALYZE of the reads behind coverage and the list, as the repository issues them. */
	private void explain(long round) throws Exception {
		String community = options.get("community");
		String low = community;
		String high = community.substring(0, community.length() - 1) + (char) (community.charAt(community.length() - 1) + 1);
		Map<String, String> queries = new LinkedHashMap<>();
		queries.put("coverage counters (district)", """
				SELECT area_code, sum(in_scope), sum(sampled), sum(exempted) FROM (
				  SELECT r.area_code, r.residents AS in_scope, 0 AS sampled, 0 AS exempted
				  FROM people_residents_by_area r WHERE r.area_code >= '320602' AND r.area_code < '320603'
				  UNION ALL SELECT c.area_code, 0, c.sampled, c.exempted FROM testing_coverage_count c
				  WHERE c.round_id = %1$d AND c.area_code >= '320602' AND c.area_code < '320603') k GROUP BY area_code
				""".formatted(round));
		queries.put("coverage by join (district, the former query)", """
				SELECT p.area_code, count(*), count(s.person_id), count(e.person_id) FILTER (WHERE s.person_id IS NULL)
				FROM people_person p
				LEFT JOIN testing_sample s ON s.round_id = %1$d AND s.person_id = p.id AND s.removed_at IS NULL AND NOT s.resample
				LEFT JOIN testing_exemption e ON e.round_id = %1$d AND e.person_id = p.id
				WHERE p.area_code >= '320602' AND p.area_code < '320603' GROUP BY p.area_code
				""".formatted(round));
		String missing = """
				FROM people_resident p WHERE p.area_code >= '%2$s' AND p.area_code < '%3$s' AND %4$s
				  AND NOT EXISTS (SELECT 1 FROM testing_sample s WHERE s.round_id = %1$d AND s.person_id = p.id AND s.removed_at IS NULL)
				  AND NOT EXISTS (SELECT 1 FROM testing_exemption e WHERE e.round_id = %1$d AND e.person_id = p.id)
				ORDER BY p.area_code, p.building, p.unit, p.room, p.id LIMIT 50
				""";
		queries.put("missing list (community, first page)", "(SELECT p.* " + missing.formatted(round, low, high,
				"p.tags @> '{BEDRIDDEN}'") + ") UNION ALL (SELECT p.* " + missing.formatted(round, low, high,
						"NOT p.tags @> '{BEDRIDDEN}'") + ") LIMIT 50");
		queries.put("tube states of a batch of 1000 (the results' lookup)", """
				SELECT t.id, t.code, t.round_id, t.pool_size,
				       coalesce(b.status = 'RECEIVED' AND b.lab_id = %2$d
				         AND NOT EXISTS (SELECT 1 FROM testing_box_discrepancy d
				                         WHERE d.box_id = b.id AND d.tube_code = t.code AND d.kind = 'MISSING'), false),
				       r.outcome, r.ct_orf1ab, r.ct_n, r.tested_at
				FROM testing_tube t LEFT JOIN testing_box b ON b.id = t.box_id LEFT JOIN testing_result r ON r.tube_id = t.id
				WHERE t.code = ANY (ARRAY(SELECT code FROM testing_tube WHERE round_id = %1$d ORDER BY random() LIMIT 1000))
				""".formatted(round, labId));
		try (Connection c = connection(); Statement s = c.createStatement()) {
			for (Map.Entry<String, String> query : queries.entrySet()) {
				System.out.println("EXPLAIN ANALYZE " + query.getKey() + ":");
				// As the application runs the list: without parallel workers.
				s.execute("SET max_parallel_workers_per_gather = " + (query.getKey().startsWith("missing") ? 0 : 2));
				try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + query.getValue())) {
					while (rs.next()) {
						System.out.println("  " + rs.getString(1));
					}
				}
			}
		}
	}
}
