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
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.frontline.database.EmbeddedDatabase;
import org.frontline.support.AppProcess;

/**
 * The workforce's speed on a district with {@code --workers} workers and {@code --shifts} shifts behind them (issue
 * 17): the shift change (2,000 check-ins through the API within 60 s, paced, latency from when each was due), who is on
 * duty in the whole district, and an assignment with every rule checked. Frontline runs as its own process on a
 * PostgreSQL server (fsync on) in {@code --data}; the workers, posts and past shifts are inserted once with set-based
 * SQL (not measured), each run's new shifts likewise.
 */
public final class WorkforceBench {

	private static final String DISTRICT = "320602";

	private static final String PASSWORD = "bench-pass-1";

	private final Map<String, String> options;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private String jdbcUrl;

	private String token;

	private int port;

	private WorkforceBench(Map<String, String> options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>(Map.of("data", "/work/bench-data/workforce", "workers", "10000",
				"shifts", "50000", "checkins", "2000", "seconds", "60", "runs", "3", "assignments", "200", "on-duty",
				"50"));
		for (String arg : args) {
			String[] kv = arg.replaceFirst("^--", "").split("=", 2);
			options.put(kv[0], kv.length > 1 ? kv[1] : "true");
		}
		new WorkforceBench(options).run();
	}

	private int option(String name) {
		return Integer.parseInt(options.get(name));
	}

	private void run() throws Exception {
		Path data = Path.of(options.get("data")).toAbsolutePath();
		Files.createDirectories(data);
		try (EmbeddedDatabase database = EmbeddedDatabase.start(data.resolve("db"), 0)) {
			jdbcUrl = database.jdbcUrl();
			String[] appArgs = { "--frontline.db.url=jdbc:postgresql://localhost:" + database.port() + "/postgres",
					"--frontline.db.user=postgres", "--frontline.db.password=", "--frontline.demo.enabled=true", "--frontline.demo.day=false",
					"--frontline.demo.residents=2000", "--frontline.demo.password=" + PASSWORD,
					"--logging.level.root=WARN" };
			try (AppProcess app = new AppProcess(data.resolve("app.log"), appArgs)) {
				long started = System.nanoTime();
				app.start();
				port = app.port();
				System.out.printf("Frontline up in %.1f s on %s%n", (System.nanoTime() - started) / 1e9, data);
				token = app.api().as("admin", PASSWORD).token();
				prepare();
				if (option("runs") == 0) {
					return;
				}
				List<double[]> checkIns = new ArrayList<>();
				List<double[]> onDuty = new ArrayList<>();
				List<double[]> assignments = new ArrayList<>();
				for (int run = 1; run <= option("runs"); run++) {
					checkIns.add(shiftChange(run));
					onDuty.add(onDuty(run));
					assignments.add(assignments(run));
				}
				System.out.printf("%nsummary (%d runs, medians of the runs):%n", checkIns.size());
				System.out.printf("  shift change: %d check-ins in %d s, p50 %.1f ms, p99 %.1f ms, max %.1f ms"
						+ "  target p99 < 100 ms %s%n", option("checkins"), option("seconds"), median(checkIns, 0),
						median(checkIns, 1), median(checkIns, 2), median(checkIns, 1) < 100 ? "MET" : "MISSED");
				System.out.printf("  on duty, district: median %.1f ms, p99 %.1f ms  target < 100 ms %s%n",
						median(onDuty, 0), median(onDuty, 1), median(onDuty, 0) < 100 ? "MET" : "MISSED");
				System.out.printf("  assignment, every rule: median %.1f ms, p99 %.1f ms  target median < 20 ms %s%n",
						median(assignments, 0), median(assignments, 1), median(assignments, 0) < 20 ? "MET" : "MISSED");
			}
		}
	}

	/** Workers (a tenth medical staff who may sample), a test each, and past and future shifts with assignments. */
	private void prepare() throws Exception {
		try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
			long have = count(c, "SELECT count(*) FROM workforce_worker WHERE id_number LIKE 'BENCH%'");
			if (have >= option("workers")) {
				System.out.printf("kept: %,d bench workers, %,d shifts in all%n", have,
						count(c, "SELECT count(*) FROM workforce_shift"));
				return;
			}
			long t0 = System.nanoTime();
			c.setAutoCommit(false);
			try (Statement s = c.createStatement()) {
				s.execute("""
						INSERT INTO workforce_worker (name, id_type, id_number, phone, kind, skills, can_sample, licence,
						                              status, area_code)
						WITH c AS (SELECT code, row_number() OVER (ORDER BY code) - 1 AS n, count(*) OVER () AS total
						           FROM area WHERE level = 'COMMUNITY' AND code LIKE '%s%%')
						SELECT '测试' || g, 'OTHER', 'BENCH' || lpad(g::text, 7, '0'), '139' || lpad(g::text, 8, '0'),
						       CASE WHEN g %% 10 = 0 THEN 'MEDICAL' WHEN g %% 3 = 0 THEN 'VOLUNTEER' ELSE 'CADRE' END,
						       CASE WHEN g %% 10 = 0 THEN '{SAMPLING}'::text[] ELSE '{ORDER}'::text[] END,
						       g %% 10 = 0, CASE WHEN g %% 10 = 0 THEN 'LIC' || g END, 'ACTIVE', c.code
						FROM generate_series(1, %d) g JOIN c ON c.n = g %% c.total
						""".formatted(DISTRICT, option("workers")));
				// One post per community and one per sampling site of the district.
				s.execute("""
						INSERT INTO workforce_post (kind, ref, name, area_code, code)
						SELECT 'COMMUNITY', code, name, code, 'B' || code FROM area WHERE level = 'COMMUNITY'
						ON CONFLICT (kind, ref) DO NOTHING
						""");
				// Past shifts, 07:00-11:00, 11:00-15:00 or 15:00-19:00 over the last 30 days, each worked by one
				// worker (checked in and out), so that the rules and hours read a history.
				s.execute("""
						WITH p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM workforce_post),
						     g AS (SELECT g, (date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') - interval '1 day' * (1 + g %% 30)
						                      + interval '1 hour' * (7 + 4 * (g %% 3))) AT TIME ZONE 'Asia/Shanghai' AS starts
						           FROM generate_series(0, %d - 1) g)
						INSERT INTO workforce_shift (post_id, role, starts_at, ends_at, needed, suit, limits_id, created_by)
						SELECT (SELECT id FROM p WHERE p.n = g %% (SELECT count(*) FROM p)), 'DUTY', starts,
						       starts + interval '4 hours', 1, false, (SELECT min(id) FROM workforce_limits), 'bench'
						FROM g
						""".formatted(option("shifts")));
				s.execute("""
						WITH w AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS total
						           FROM workforce_worker WHERE id_number LIKE 'BENCH%'),
						     sh AS (SELECT id, starts_at, ends_at, row_number() OVER (ORDER BY id) - 1 AS n
						            FROM workforce_shift WHERE created_by = 'bench')
						INSERT INTO workforce_assignment (shift_id, worker_id, starts_at, ends_at, assigned_by, assigned_at,
						                                  checked_in_at, checked_out_at)
						SELECT sh.id, w.id, sh.starts_at, sh.ends_at, 'bench', sh.starts_at - interval '1 day',
						       sh.starts_at + interval '3 minutes', sh.ends_at
						FROM sh JOIN w ON w.n = (sh.n * 7) % w.total
						ON CONFLICT DO NOTHING
						""");
				s.execute("""
						INSERT INTO workforce_test (worker_id, at, outcome, kind, recorded_by, recorded_at)
						SELECT id, now() - interval '12 hours', 'NEGATIVE', 'PCR', 'bench', now()
						FROM workforce_worker WHERE id_number LIKE 'BENCH%'
						ON CONFLICT DO NOTHING
						""");
				s.execute("ANALYZE");
			}
			c.commit();
			System.out.printf("prepared %,d workers, %,d shifts in %.1f s%n", option("workers"),
					count(c, "SELECT count(*) FROM workforce_shift"), (System.nanoTime() - t0) / 1e9);
		}
	}

	/**
	 * The 07:00 shift change: {@code --checkins} workers with a shift starting now check in through the API, spread
	 * evenly over {@code --seconds} (open loop: each is sent when due, whatever the answers before it); answers
	 * {p50, p99, max} in ms, counted from when each was due.
	 */
	private double[] shiftChange(int run) throws Exception {
		int n = option("checkins");
		List<long[]> due = new ArrayList<>();
		try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
			c.setAutoCommit(false);
			Instant start = Instant.now().plus(Duration.ofMinutes(2));
			try (PreparedStatement shifts = c.prepareStatement("""
					WITH w AS (SELECT id, row_number() OVER (ORDER BY random()) AS n FROM workforce_worker
					           WHERE id_number LIKE 'BENCH%'
					             AND NOT EXISTS (SELECT 1 FROM workforce_assignment a WHERE a.worker_id = workforce_worker.id
					                             AND a.ends_at > ? AND a.starts_at < ?::timestamptz + interval '4 hours')),
					     p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS total FROM workforce_post),
					     s AS (INSERT INTO workforce_shift (post_id, role, starts_at, ends_at, needed, suit, limits_id, created_by)
					           SELECT (SELECT id FROM p WHERE p.n = w.n % p.total), 'DUTY', ?, ?::timestamptz + interval '4 hours', 1, false,
					                  (SELECT min(id) FROM workforce_limits), 'bench-run'
					           FROM w WHERE w.n <= ? RETURNING id),
					     sn AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM s)
					INSERT INTO workforce_assignment (shift_id, worker_id, starts_at, ends_at, assigned_by, assigned_at)
					SELECT sn.id, w.id, ?, ?::timestamptz + interval '4 hours', 'bench', now() FROM sn JOIN w ON w.n = sn.n
					RETURNING shift_id, worker_id
					""")) {
				Timestamp at = Timestamp.from(start);
				for (int i : new int[] { 1, 2, 3, 4, 6, 7 }) {
					shifts.setTimestamp(i, at);
				}
				shifts.setInt(5, n);
				try (ResultSet rs = shifts.executeQuery()) {
					while (rs.next()) {
						due.add(new long[] { rs.getLong(1), rs.getLong(2) });
					}
				}
			}
			c.commit();
		}
		if (due.size() < n) {
			throw new IllegalStateException("only " + due.size() + " workers free for the shift change");
		}
		ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
		AtomicInteger failed = new AtomicInteger();
		List<CompletableFuture<?>> sent = new ArrayList<>();
		long intervalNanos = option("seconds") * 1_000_000_000L / n;
		long t0 = System.nanoTime();
		for (int i = 0; i < n; i++) {
			long dueAt = t0 + i * intervalNanos;
			long wait = dueAt - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
			long[] assignment = due.get(i);
			String body = "{\"eventId\":\"%s\",\"workerId\":%d}".formatted(UUID.randomUUID(), assignment[1]);
			sent.add(http.sendAsync(post("/api/v1/shifts/" + assignment[0] + "/check-ins", body),
					HttpResponse.BodyHandlers.ofString()).thenAccept(response -> {
						latencies.add((System.nanoTime() - dueAt) / 1e6);
						if (response.statusCode() != 200 || !response.body().contains("\"RECORDED\"")) {
							if (failed.getAndIncrement() < 3) {
								System.out.println("  check-in answered " + response.statusCode() + " " + response.body());
							}
						}
					}));
		}
		CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
		double seconds = (System.nanoTime() - t0) / 1e9;
		double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		double[] result = { percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1] };
		System.out.printf("run %d shift change: %d check-ins in %.1f s, %d failed; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
				run, n, seconds, failed.get(), result[0], result[1], result[2]);
		return result;
	}

	/** Who is on duty in the whole district, asked {@code --on-duty} times one after another (after 5 not counted). */
	private double[] onDuty(int run) throws Exception {
		int n = option("on-duty");
		double[] times = new double[n];
		String size = "";
		for (int i = -5; i < n; i++) {
			long t0 = System.nanoTime();
			HttpResponse<String> response = http.send(get("/api/v1/workforce/on-duty?area=" + DISTRICT),
					HttpResponse.BodyHandlers.ofString());
			double ms = (System.nanoTime() - t0) / 1e6;
			if (response.statusCode() != 200) {
				throw new IllegalStateException("on-duty answered " + response.statusCode() + " " + response.body());
			}
			if (i >= 0) {
				times[i] = ms;
			}
			size = response.body().length() / 1024 + " KB";
		}
		Arrays.sort(times);
		double[] result = { percentile(times, 50), percentile(times, 99) };
		System.out.printf("run %d on duty (district, %s): median %.1f ms, p99 %.1f ms%n", run, size, result[0], result[1]);
		return result;
	}

	/**
	 * {@code --assignments} assignments one after another through the API, each of a worker with a history of shifts
	 * and a recent test to a sampling-site-free post in the coming days, so every rule reads its data; answers
	 * {median, p99} in ms.
	 */
	private double[] assignments(int run) throws Exception {
		int n = option("assignments");
		List<long[]> pairs = new ArrayList<>();
		try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
			c.setAutoCommit(false);
			Instant start = Instant.now().plus(Duration.ofDays(1 + run)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
			try (PreparedStatement shifts = c.prepareStatement("""
					WITH w AS (SELECT id, row_number() OVER (ORDER BY random()) AS n FROM workforce_worker
					           WHERE id_number LIKE 'BENCH%' AND kind <> 'MEDICAL'
					             AND NOT EXISTS (SELECT 1 FROM workforce_assignment a WHERE a.worker_id = workforce_worker.id
					                             AND a.ends_at > ?::timestamptz - interval '12 hours' AND a.starts_at < ?::timestamptz + interval '16 hours')),
					     p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS total FROM workforce_post),
					     s AS (INSERT INTO workforce_shift (post_id, role, starts_at, ends_at, needed, suit, limits_id, created_by)
					           SELECT (SELECT id FROM p WHERE p.n = w.n % p.total), 'ORDER_KEEPER', ?, ?::timestamptz + interval '4 hours', 1,
					                  false, (SELECT min(id) FROM workforce_limits), 'bench-assign'
					           FROM w WHERE w.n <= ? RETURNING id),
					     sn AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM s)
					SELECT sn.id, w.id FROM sn JOIN w ON w.n = sn.n
					""")) {
				Timestamp at = Timestamp.from(start);
				for (int i = 1; i <= 4; i++) {
					shifts.setTimestamp(i, at);
				}
				shifts.setInt(5, n + 5);
				try (ResultSet rs = shifts.executeQuery()) {
					while (rs.next()) {
						pairs.add(new long[] { rs.getLong(1), rs.getLong(2) });
					}
				}
			}
			// A negative test ten hours before the shift, for posts in a control zone.
			try (PreparedStatement tested = c.prepareStatement("""
					INSERT INTO workforce_test (worker_id, at, outcome, kind, recorded_by, recorded_at)
					SELECT unnest(?::bigint[]), ?, 'NEGATIVE', 'PCR', 'bench', now() ON CONFLICT DO NOTHING
					""")) {
				tested.setArray(1, c.createArrayOf("bigint", pairs.stream().map(p -> p[1]).toArray()));
				tested.setTimestamp(2, Timestamp.from(start.minus(Duration.ofHours(10))));
				tested.executeUpdate();
			}
			c.commit();
		}
		double[] times = new double[n];
		int refused = 0;
		for (int i = -5; i < n; i++) {
			long[] pair = pairs.get(i + 5);
			long t0 = System.nanoTime();
			HttpResponse<String> response = http.send(post("/api/v1/shifts/" + pair[0] + "/assignments",
					"{\"workerId\":" + pair[1] + "}"), HttpResponse.BodyHandlers.ofString());
			double ms = (System.nanoTime() - t0) / 1e6;
			if (response.statusCode() != 201 && response.statusCode() != 422) {
				throw new IllegalStateException("assignment answered " + response.statusCode() + " " + response.body());
			}
			if (i >= 0) {
				times[i] = ms;
				refused += response.statusCode() == 422 ? 1 : 0;
			}
		}
		Arrays.sort(times);
		double[] result = { percentile(times, 50), percentile(times, 99) };
		System.out.printf("run %d assignments: %d (%d refused by a rule), median %.1f ms, p99 %.1f ms%n", run, n, refused,
				result[0], result[1]);
		return result;
	}

	private HttpRequest post(String path, String json) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build();
	}

	private static double percentile(double[] sorted, double p) {
		int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private static double median(List<double[]> runs, int index) {
		double[] values = runs.stream().mapToDouble(r -> r[index]).sorted().toArray();
		return values[values.length / 2];
	}

	private static long count(Connection c, String sql) throws Exception {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}
}
