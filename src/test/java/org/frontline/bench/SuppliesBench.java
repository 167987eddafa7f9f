package org.frontline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.frontline.database.EmbeddedDatabase;
import org.frontline.support.AppProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The supplies ledger at district scale (issue 18): a ledger of {@code --movements} rows (5,000,000) over
 * {@code --places} sampling sites and the demo's warehouses and facilities, written set-based once per data directory
 * (not measured); then the stock of one place and the district's days of cover read through the API
 * ({@code --repeats} times each, median and p99), and movements sent through {@code POST /api/v1/movements} in batches
 * of {@code --batch} by {@code --clients} clients offering {@code --rate} movements a second for {@code --seconds}
 * (open loop: a batch counts from when it was due), {@code --runs} times; every batch must come back all ACCEPTED.
 * {@code --prepare} only writes the ledger (a data generator, not a measurement: run it under {@code quiet}).
 */
public final class SuppliesBench {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final String PASSWORD = "bench-pass-1";

	private static final String[] ITEMS = { "SUIT", "N95", "MASK", "GLOVES", "FACE-SHIELD", "SHOE-COVERS", "SWAB",
			"TUBE-1", "TUBE-5", "TUBE-10", "TUBE-20", "ANTIGEN", "DISINFECTANT", "BEDDING", "MEAL", "WATER" };

	private final Map<String, String> options;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private String jdbcUrl;

	private int port;

	private String admin;

	private SuppliesBench(Map<String, String> options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>(Map.of("data", "/work/bench-data/supplies", "movements", "5000000",
				"places", "1000", "residents", "20000", "repeats", "50", "clients", "4", "batch", "100", "rate", "1000",
				"seconds", "30", "runs", "3"));
		for (String arg : args) {
			String[] kv = arg.replaceFirst("^--", "").split("=", 2);
			options.put(kv[0], kv.length > 1 ? kv[1] : "true");
		}
		new SuppliesBench(options).run();
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
					"--logging.level.root=WARN", "--frontline.supplies.jobs=false"));
			if (options.containsKey("app-args")) {
				appArgs.addAll(Arrays.asList(options.get("app-args").split(" ")));
			}
			jdbcUrl = database.jdbcUrl();
			try (AppProcess app = new AppProcess(data.resolve("app.log"), appArgs.toArray(String[]::new))) {
				long started = System.nanoTime();
				app.start();
				port = app.port();
				System.out.printf("Frontline up in %.1f s on %s%n", (System.nanoTime() - started) / 1e9, data);
				admin = app.api().as("admin", PASSWORD).token();
				generate();
				if (!options.containsKey("prepare")) {
					bench();
				}
			}
		}
	}

	/** Sites and a ledger of the wanted size, with the stock and daily use it adds up to; once per data directory. */
	private void generate() throws Exception {
		try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
			long have = Long.parseLong(single(s, "SELECT count(*) FROM supplies_movement"));
			long wanted = Long.parseLong(options.get("movements"));
			if (have >= wanted) {
				System.out.printf("ledger: %,d movements already%n", have);
				return;
			}
			long t0 = System.nanoTime();
			s.execute("""
					INSERT INTO testing_site (name, kind, area_code, location, stations)
					SELECT '物资压测点' || g, 'FIXED', a.code, 'bench', 2
					FROM generate_series(1, %d) g
					JOIN LATERAL (SELECT code FROM area WHERE level = 'COMPOUND' ORDER BY code
					              OFFSET (g %% (SELECT count(*) FROM area WHERE level = 'COMPOUND')) LIMIT 1) a ON true
					""".formatted(option("places")));
			s.execute("""
					INSERT INTO supplies_place (place, kind, area_code)
					SELECT 'SITE:' || id, 'SITE', area_code FROM testing_site WHERE name LIKE '物资压测点%'
					ON CONFLICT DO NOTHING
					""");
			s.execute("CREATE TEMP TABLE bench_place AS SELECT row_number() OVER (ORDER BY place) - 1 AS n, place FROM supplies_place");
			s.execute("CREATE TEMP TABLE bench_item AS SELECT row_number() OVER (ORDER BY code) - 1 AS n, code, lot_tracked FROM supplies_item WHERE code = ANY(ARRAY['" + String.join("','", ITEMS) + "'])");
			long places = Long.parseLong(single(s, "SELECT count(*) FROM bench_place"));
			// Every place and item gets receipts (even rows) and issues of half as much (odd rows), 30 days back.
			s.execute("""
					INSERT INTO supplies_movement (client_id, part, type, item_code, quantity, from_place, to_place, lot,
					                               expires_on, at, by_user)
					SELECT gen_random_uuid(), 0, CASE WHEN g %% 2 = 0 THEN 'RECEIPT' ELSE 'ISSUE' END, i.code,
					       CASE WHEN g %% 2 = 0 THEN 20 ELSE 10 END,
					       CASE WHEN g %% 2 = 1 THEN p.place END, CASE WHEN g %% 2 = 0 THEN p.place END,
					       CASE WHEN i.lot_tracked THEN 'B' || (g / 2 / %d %% 4) ELSE '' END,
					       CASE WHEN i.lot_tracked THEN DATE '2027-06-01' + (g / 2 / %d %% 4)::int END,
					       now() - make_interval(secs => (%d - g) * (30 * 86400.0 / %d)), 'bench'
					FROM generate_series(%d, %d) g
					JOIN bench_place p ON p.n = (g / 2) %% %d
					JOIN bench_item i ON i.n = (g / 2 / %d) %% (SELECT count(*) FROM bench_item)
					""".formatted(places, places, wanted, wanted, have, wanted - 1, places, places));
			s.execute("TRUNCATE supplies_stock, supplies_use_day");
			s.execute("""
					INSERT INTO supplies_stock (place, item_code, lot, expires_on, quantity)
					SELECT place, item_code, lot, max(expires_on), sum(q) FROM (
					    SELECT to_place AS place, item_code, lot, expires_on, quantity AS q FROM supplies_movement WHERE to_place IS NOT NULL
					    UNION ALL
					    SELECT from_place, item_code, lot, expires_on, -quantity FROM supplies_movement WHERE from_place IS NOT NULL) m
					GROUP BY place, item_code, lot HAVING sum(q) >= 0
					""");
			s.execute("""
					INSERT INTO supplies_use_day (place, item_code, day, quantity)
					SELECT from_place, item_code, (at AT TIME ZONE 'Asia/Shanghai')::date, sum(quantity)
					FROM supplies_movement WHERE type IN ('ISSUE', 'TRANSFER') AND from_place IS NOT NULL
					GROUP BY 1, 2, 3
					""");
			s.execute("VACUUM ANALYZE supplies_movement");
			s.execute("VACUUM ANALYZE supplies_stock");
			s.execute("VACUUM ANALYZE supplies_use_day");
			System.out.printf("ledger: %,d movements over %d places written in %.0f s (not measured)%n",
					Long.parseLong(single(s, "SELECT count(*) FROM supplies_movement")), places,
					(System.nanoTime() - t0) / 1e9);
		}
	}

	private void bench() throws Exception {
		String place;
		List<String> sites = new ArrayList<>();
		try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
			place = single(s, """
					SELECT place FROM supplies_movement WHERE from_place IS NOT NULL GROUP BY place
					ORDER BY count(*) DESC LIMIT 1
					""".replace("place FROM", "from_place AS place FROM"));
			try (ResultSet rs = s.executeQuery("SELECT place FROM supplies_place WHERE kind = 'SITE' ORDER BY place")) {
				while (rs.next()) {
					sites.add(rs.getString(1));
				}
			}
			System.out.printf("place %s: %s ledger rows, %s stock rows%n", place,
					single(s, "SELECT count(*) FROM supplies_movement WHERE from_place = '" + place + "' OR to_place = '" + place + "'"),
					single(s, "SELECT count(*) FROM supplies_stock WHERE place = '" + place + "'"));
		}
		double[] stock = timeGet("/api/v1/stock?place=" + place);
		double[] cover = timeGet("/api/v1/supplies/cover?area=320602");
		List<double[]> batches = new ArrayList<>();
		for (int run = 1; run <= option("runs"); run++) {
			double[] result = batches(sites);
			batches.add(result);
			System.out.printf("run %d: %.0f movements/s offered %d, p50 %.1f ms, p99 %.1f ms per batch of %d, max %.1f ms%n",
					run, result[0], option("rate"), result[1], result[2], option("batch"), result[3]);
		}
		double[] rate = batches.stream().mapToDouble(b -> b[0]).sorted().toArray();
		double[] p99 = batches.stream().mapToDouble(b -> b[2]).sorted().toArray();
		System.out.println();
		System.out.printf("summary (%s movements in the ledger, median of %d runs):%n", options.get("movements"),
				batches.size());
		System.out.printf("  stock of one place       median %6.1f ms  p99 %6.1f ms  (target < 20 ms)   %s%n", stock[0],
				stock[1], stock[0] < 20 ? "MET" : "MISSED");
		System.out.printf("  district's days of cover median %6.1f ms  p99 %6.1f ms  (target < 200 ms)  %s%n", cover[0],
				cover[1], cover[0] < 200 ? "MET" : "MISSED");
		System.out.printf("  POST /api/v1/movements   %6.0f movements/s  p99 %6.1f ms per batch of %d  (target 1,000/s,"
				+ " p99 < 200 ms)  %s%n", rate[rate.length / 2], p99[p99.length / 2], option("batch"),
				rate[rate.length / 2] >= 0.98 * option("rate") && p99[p99.length / 2] < 200 ? "MET" : "MISSED");
	}

	/** Offers the rate for the measured seconds: receipts and issues at random sites; rate, p50, p99, max. */
	private double[] batches(List<String> sites) throws Exception {
		int clients = option("clients");
		int batch = option("batch");
		double perClient = option("rate") / (double) batch / clients;
		long intervalNanos = (long) (1e9 / perClient);
		long start = System.nanoTime() + 200_000_000L;
		long end = start + option("seconds") * 1_000_000_000L;
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<List<Long>>> futures = new ArrayList<>();
		for (int client = 0; client < clients; client++) {
			long offset = client * intervalNanos / clients;
			futures.add(pool.submit(() -> {
				List<Long> latencies = new ArrayList<>();
				long due = start + offset;
				while (due < end) {
					long wait = due - System.nanoTime();
					if (wait > 0) {
						Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
					}
					String body = JSON.writeValueAsString(Map.of("movements", movements(sites, batch)));
					HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
							+ "/api/v1/movements"))
						.header("Authorization", "Bearer " + admin)
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build(), HttpResponse.BodyHandlers.ofString());
					latencies.add(System.nanoTime() - due);
					if (response.statusCode() != 200) {
						throw new IllegalStateException("batch answered " + response.statusCode() + ": " + response.body());
					}
					for (JsonNode result : JSON.readTree(response.body()).get("results")) {
						if (!result.get("status").asString().equals("ACCEPTED")) {
							throw new IllegalStateException("movement not accepted: " + result);
						}
					}
					due += intervalNanos;
				}
				return latencies;
			}));
		}
		List<Long> all = new ArrayList<>();
		for (Future<List<Long>> future : futures) {
			all.addAll(future.get());
		}
		long took = System.nanoTime() - start;
		pool.shutdown();
		long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
		return new double[] { all.size() * (double) batch / (took / 1e9), sorted[sorted.length / 2] / 1e6,
				sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
				sorted[sorted.length - 1] / 1e6 };
	}

	/** A batch: a receipt of 20 then an issue of 1 at the same random site and item, so stock never runs out. */
	private static List<Map<String, Object>> movements(List<String> sites, int batch) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		List<Map<String, Object>> movements = new ArrayList<>();
		for (int i = 0; i < batch; i += 2) {
			String site = sites.get(random.nextInt(sites.size()));
			String item = ITEMS[random.nextInt(ITEMS.length)];
			boolean lot = !List.of("FACE-SHIELD", "SHOE-COVERS", "BEDDING", "MEAL", "WATER").contains(item);
			Map<String, Object> receipt = new HashMap<>(Map.of("clientId", UUID.randomUUID().toString(), "type",
					"RECEIPT", "item", item, "quantity", 20, "to", site));
			if (lot) {
				receipt.put("lot", "B0");
				receipt.put("expiresOn", "2027-06-01");
			}
			movements.add(receipt);
			movements.add(Map.of("clientId", UUID.randomUUID().toString(), "type", "ISSUE", "item", item, "quantity", 1,
					"from", site));
		}
		return movements;
	}

	private double[] timeGet(String path) throws Exception {
		long[] times = new long[option("repeats")];
		for (int i = -5; i < times.length; i++) {
			long t0 = System.nanoTime();
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Bearer " + admin)
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
		return new double[] { times[times.length / 2] / 1e6,
				times[(int) Math.min(times.length - 1, Math.ceil(times.length * 0.99) - 1)] / 1e6 };
	}

	private static String single(Statement s, String sql) throws Exception {
		try (ResultSet rs = s.executeQuery(sql)) {
			return rs.next() ? rs.getString(1) : null;
		}
	}
}
