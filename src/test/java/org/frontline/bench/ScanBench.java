package org.frontline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.frontline.database.EmbeddedDatabase;
import org.frontline.people.internal.CodeSigner;
import org.frontline.support.Api;
import org.frontline.support.AppProcess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load tool for the scan protocol under a surge ({@code bench/surge.sh}). Generates a city (demo district with N residents and a
 * number of sampling sites), starts Frontline on its own PostgreSQL server (fsync on) and drives
 * {@code POST /api/v1/scans}: (a) online devices, one event per request, many concurrent devices; (b) offline sync,
 * batches of events; and, in the same run against the same database server, the baseline: the same rows inserted
 * straight with JDBC batches. Optionally a step surge to a multiple of the sustained rate.
 */
public final class ScanBench {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final Map<String, String> options;

	/** Blocking HTTP/1.1 with kept-alive connections: the surge's devices (one thread each) and set-up calls. */
	private final CloseableHttpClient http = HttpClients.custom()
		.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
			.setMaxConnTotal(5_000)
			.setMaxConnPerRoute(5_000)
			.build())
		.setDefaultRequestConfig(Devices.REQUESTS)
		.disableAutomaticRetries()
		.disableCookieManagement()
		.build();

	/** An HTTP answer: status, body and the Retry-After delay in seconds (1 when absent). */
	private record Answer(int status, String body, long retryAfter) {
	}

	private String token;

	private int port;

	private List<String> idNumbers;

	private long[] personIds;

	private int[] codeVersions;

	private CodeSigner signer;

	private List<Long> sites;

	private final AtomicInteger personCursor = new AtomicInteger();

	private JdbcClient jdbc;

	private long appPid;

	private long postmasterPid;

	private String jdbcUrl;

	private ScanBench(Map<String, String> options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>(Map.of("residents", "2000000", "sites", "1000", "seconds", "30",
				"devices", "1000", "batch", "100", "offline-devices", "8", "runs", "3", "modes", "online,surge", "warmup", "15",
				"data", "target/bench-data"));
		options.putAll(Map.of("surge-seconds", "180", "surge-factor", "10", "server-warmup", "60"));
		for (String arg : args) {
			String[] kv = arg.replaceFirst("^--", "").split("=", 2);
			options.put(kv[0], kv.length > 1 ? kv[1] : "true");
		}
		randomIds = "v4".equals(options.get("ids"));
		new ScanBench(options).run();
	}

	private int option(String name) {
		return Integer.parseInt(options.get(name));
	}

	private void run() throws Exception {
		Path data = Path.of(options.get("data")).toAbsolutePath();
		Files.createDirectories(data);
		List<String> appArgs = new ArrayList<>();
		try (EmbeddedDatabase database = EmbeddedDatabase.start(data.resolve("db"), 0,
				options.get("shared-buffers"))) {
			appArgs.addAll(List.of("--frontline.db.url=jdbc:postgresql://localhost:" + database.port() + "/postgres",
					"--frontline.db.user=postgres", "--frontline.db.password=", "--frontline.demo.enabled=true",
					"--frontline.demo.residents=" + options.get("residents"), "--frontline.demo.password=bench-pass-1",
					"--logging.level.root=WARN"));
			if (options.containsKey("app-args")) {
				appArgs.addAll(Arrays.asList(options.get("app-args").split(" ")));
			}
			run(database, new AppProcess(data.resolve("app.log"), appArgs.toArray(String[]::new)), data);
		}
	}

	private void run(EmbeddedDatabase database, AppProcess app, Path data) throws Exception {
		try (app) {
			jdbcUrl = database.jdbcUrl();
			jdbc = JdbcClient.create(new DriverManagerDataSource(jdbcUrl));
			long started = System.nanoTime();
			app.start();
			System.out.printf("Frontline up in %.1f s on %s (PostgreSQL fsync=%s, synchronous_commit=%s)%n",
					(System.nanoTime() - started) / 1e9, data,
					jdbc.sql("SHOW fsync").query(String.class).single(),
					jdbc.sql("SHOW synchronous_commit").query(String.class).single());
			port = app.port();
			appPid = app.pid();
			postmasterPid = Long.parseLong(Files.readAllLines(data.resolve("db").resolve("postmaster.pid")).get(0).trim());
			// Time the WAL's writes and flushes (pg_stat_wal), so a slow commit can be told from a slow disk.
			jdbc.sql("ALTER SYSTEM SET track_wal_io_timing = on").update();
			jdbc.sql("SELECT pg_reload_conf()").query(Boolean.class).single();
			token = app.api().as("admin", "bench-pass-1").token();
			prepareCity(app.api());
			List<String> modes = Arrays.asList(options.get("modes").split(","));
			Map<String, List<double[]>> figures = new HashMap<>();
			List<Double> ratios = new ArrayList<>();
			warmUpServer();
			for (int run = 1; run <= option("runs"); run++) {
				Map<String, Double> thisRun = new HashMap<>();
				for (String mode : modes) {
					// "online@200" is the online mode with 200 devices, "offline@500" the offline mode with batches of 500,
					// "paced@5000" the devices offering 5,000 events per second between them.
					String[] named = mode.split("@");
					Integer size = named.length > 1 ? Integer.valueOf(named[1]) : null;
					double[] result = switch (named[0]) {
						case "online" -> drive("online", size != null ? size : option("devices"), 1, 0);
						case "paced" -> drive("paced", option("devices"), 1, size != null ? size : 5_000);
						case "offline" -> drive("offline", option("offline-devices"), size != null ? size : option("batch"), 0);
						case "baseline" -> baseline(option("offline-devices"), size != null ? size : option("batch"));
						default -> null;
					};
					if (result != null) {
						figures.computeIfAbsent(mode, k -> new ArrayList<>()).add(result);
						System.out.printf("run %d %-12s %8.0f events/s  p50 %7.1f ms  p99 %7.1f ms  (%d events%s)%n", run,
								mode, result[0], result[1], result[2], (long) result[3], result.length > 4
										? "; p99.9 %.1f ms, max %.1f ms".formatted(result[4], result[5]) : "");
						thisRun.put(mode, result[0]);
					}
				}
				if (thisRun.containsKey("offline") && thisRun.containsKey("baseline")) {
					ratios.add(thisRun.get("offline") / thisRun.get("baseline"));
					System.out.printf("run %d offline / baseline = %.2f%n", run, ratios.get(ratios.size() - 1));
				}
			}
			System.out.println();
			System.out.println("median of " + option("runs") + " runs:");
			Map<String, Double> medians = new HashMap<>();
			for (String mode : modes) {
				if (!figures.containsKey(mode)) {
					continue;
				}
				double[] rates = figures.get(mode).stream().mapToDouble(r -> r[0]).sorted().toArray();
				double[] p50s = figures.get(mode).stream().mapToDouble(r -> r[1]).sorted().toArray();
				double[] p99s = figures.get(mode).stream().mapToDouble(r -> r[2]).sorted().toArray();
				medians.put(mode, median(rates));
				System.out.printf("  %-12s %8.0f events/s  p50 %7.1f ms  p99 %7.1f ms%n", mode, median(rates), median(p50s),
						median(p99s));
			}
			if (!ratios.isEmpty()) {
				System.out.printf("  offline / baseline, median of the runs' ratios = %.2f%n",
						median(ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray()));
			}
			if (modes.contains("surge")) {
				surge(medians.getOrDefault("online", 1000.0), app);
			}
		}
	}

	private void prepareCity(Api api) {
		int wanted = option("sites");
		List<String> compounds = jdbc.sql("SELECT code FROM area WHERE level = 'COMPOUND' ORDER BY code").query(String.class).list();
		long existing = jdbc.sql("SELECT count(*) FROM testing_site").query(Long.class).single();
		for (long i = existing; i < wanted; i++) {
			Api.Response created = api.withToken(token).post("/api/v1/sites", Map.of("name", "压测采样点" + i, "kind", "FIXED",
					"area", compounds.get((int) (i % compounds.size())), "location", "bench", "stations", 4));
			if (created.status() != 201) {
				throw new IllegalStateException("Cannot create a site: " + created.body());
			}
		}
		sites = jdbc.sql("SELECT id FROM testing_site ORDER BY id LIMIT :n").param("n", wanted).query(Long.class).list();
		idNumbers = new ArrayList<>();
		List<long[]> people = new ArrayList<>();
		jdbc.sql("""
				SELECT p.id, p.id_number, coalesce(c.version, 1) AS version
				FROM people_person p LEFT JOIN people_sampling_code c ON c.person_id = p.id
				WHERE p.id_type = 'RESIDENT_ID' ORDER BY p.id
				""").query(rs -> {
			idNumbers.add(rs.getString("id_number"));
			people.add(new long[] { rs.getLong("id"), rs.getInt("version") });
		});
		personIds = people.stream().mapToLong(p -> p[0]).toArray();
		codeVersions = people.stream().mapToInt(p -> (int) p[1]).toArray();
		String issued = api.withToken(token).get("/api/v1/people/" + personIds[0] + "/code").json().get("payload").asString();
		signer = new CodeSigner(jdbc.sql("SELECT secret FROM people_code_secret WHERE id = 1").query(byte[].class).single());
		if (!issued.equals(signer.sign(personIds[0], codeVersions[0]))) {
			throw new IllegalStateException("The bench signs codes differently from Frontline: " + issued);
		}
		System.out.printf("city: %d residents, %d sampling sites; people are scanned by their personal code%s%n",
				idNumbers.size(), sites.size(), idShare() > 0 ? ", %.0f%% by ID number".formatted(idShare() * 100) : "");
	}

	/** The share of SAMPLED events that find the person by ID number instead of a code ({@code --id-numbers=PERCENT}). */
	private double idShare() {
		return Double.parseDouble(options.getOrDefault("id-numbers", "0")) / 100;
	}

	/** A SAMPLED event for the n-th resident: by personal code, or by ID number for a share of them. */
	private Map<String, Object> sampled(String tubeCode, int n) {
		int person = n % personIds.length;
		if (idShare() > 0 && Math.floorMod(person * 2654435761L, 1000) < idShare() * 1000) {
			return event("SAMPLED", Map.of("tubeCode", tubeCode, "idNumber", idNumbers.get(person)));
		}
		return event("SAMPLED", Map.of("tubeCode", tubeCode, "personCode", signer.sign(personIds[person], codeVersions[person])));
	}

	private long newRound(Api api) {
		Api.Response round = api.withToken(token).post("/api/v1/rounds", Map.of("name", "压测轮次 " + Instant.now(), "areas",
				List.of("320602"), "startsAt", Instant.now().minusSeconds(60).toString(), "endsAt",
				Instant.now().plus(Duration.ofDays(1)).toString(), "poolSize", 10));
		if (round.status() != 201 && round.status() != 200) {
			throw new IllegalStateException("Cannot create a round: " + round.body());
		}
		long id = round.json().get("id").asLong();
		api.withToken(token).post("/api/v1/rounds/" + id + "/open", Map.of());
		personCursor.set(0);
		return id;
	}

	/** Devices send events for the duration; answers events/s, p50 ms, p99 ms, events. */
	private double[] drive(String mode, int devices, int batch, double rate) throws Exception {
		return drive(mode, devices, batch, rate, option("warmup"), option("seconds"));
	}

	private double[] drive(String mode, int devices, int batch, double rate, long warmup, long seconds) throws Exception {
		long round = newRound(new Api(port));
		long warmupEnd = System.nanoTime() + warmup * 1_000_000_000L;
		long end = warmupEnd + seconds * 1_000_000_000L;
		double[][] cpu = new double[2][];
		Thread meter = cpuMeter(warmupEnd, end, cpu);
		List<Devices.Device> simulated = new ArrayList<>();
		for (int d = 0; d < devices; d++) {
			simulated.add(new ScanningDevice(mode.charAt(0) + Long.toString(round, 36) + "-" + d + "-", round,
					sites.get(d % sites.size()), batch));
		}
		boolean statements = options.containsKey("statements");
		if (statements) {
			statementsFrom(warmupEnd);
		}
		List<String> server = new ArrayList<>();
		Thread sampler = options.containsKey("timeline") ? serverSampler(warmupEnd, end, server) : null;
		Devices.Outcome outcome;
		try (Devices driver = new Devices(port, "/api/v1/scans", token)) {
			outcome = driver.run(simulated, warmupEnd, end, rate);
		}
		meter.join();
		if (sampler != null) {
			sampler.join();
			printTimeline(mode, outcome.seconds(), server,
					Instant.now().minusNanos(System.nanoTime() - warmupEnd));
		}
		if (outcome.failure() != null) {
			throw new IllegalStateException(outcome.failure());
		}
		if (outcome.refused() > 0) {
			System.out.printf("  (%s: %d requests failed or were shed and were resent)%n", mode, outcome.refused());
		}
		printCpu(mode, cpu, outcome.events());
		if (statements) {
			printStatements(mode, outcome.events());
		}
		if (rate > 0 && outcome.services().length > 0) {
			System.out.printf("  (%s: from sending to the answer (the server's share): p50 %.1f ms, p99 %.1f ms, max %.1f ms)%n",
					mode, percentile(outcome.services(), 0.5), percentile(outcome.services(), 0.99),
					outcome.services()[outcome.services().length - 1] / 1e6);
		}
		long[] all = outcome.latencies();
		return new double[] { outcome.events() / (double) seconds, percentile(all, 0.50), percentile(all, 0.99),
				outcome.events(), percentile(all, 0.999), all.length == 0 ? 0 : all[all.length - 1] / 1e6 };
	}

	/**
	 * A server that has just started runs its code interpreted and spends a core compiling it for a minute or more (the
	 * application 700 ms of CPU per 1,000 events instead of 160), so its first mode measures the JIT rather than the
	 * server a district runs all day. Before the first run the devices scan, closed loop, for {@code --server-warmup}
	 * seconds (60; 0 skips it) into a round of their own; nothing of it is counted.
	 */
	private void warmUpServer() throws Exception {
		int seconds = option("server-warmup");
		if (seconds <= 0) {
			return;
		}
		int tail = Math.min(10, seconds / 2);
		double[] last = drive("online", option("devices"), 1, 0, seconds - tail, tail);
		System.out.printf("server warm-up: %d s of the online mode, not counted (%.0f events/s in its last %d s)%n", seconds,
				last[0], tail);
	}

	/**
	 * A registrar's phone at a site: opens a tube of 10, samples ten people into it (by personal code, or by ID number
	 * for a share of them), opens the next; sends its events in batches of {@code batch}.
	 */
	private final class ScanningDevice implements Devices.Device {

		private final String prefix;

		private final long round;

		private final long site;

		private final int batch;

		private final List<Map<String, Object>> pending = new ArrayList<>();

		private int tube;

		private int inTube = 10;

		private String sending;

		ScanningDevice(String prefix, long round, long site, int batch) {
			this.prefix = prefix;
			this.round = round;
			this.site = site;
			this.batch = batch;
		}

		@Override
		public String body() {
			if (sending == null) {
				while (pending.size() < batch) {
					if (inTube == 10) {
						tube++;
						inTube = 0;
						pending.add(event("TUBE_OPENED", Map.of("roundId", round, "siteId", site, "tubeCode",
								prefix + tube, "poolSize", 10)));
					}
					int person = personCursor.getAndIncrement();
					if (person >= idNumbers.size()) {
						throw new IllegalStateException("The city has too few residents for this run; use more.");
					}
					pending.add(sampled(prefix + tube, person));
					inTube++;
				}
				sending = JSON.writeValueAsString(Map.of("deviceId", prefix, "events", pending.subList(0, batch)));
			}
			return sending;
		}

		@Override
		public int answered(String answer) {
			pending.subList(0, batch).clear();
			sending = null;
			return accepted(new Answer(200, answer, 1));
		}
	}

	/**
	 * With {@code --statements}: counts statements from the end of the warm-up, in pg_stat_statements (which the
	 * database server must preload: {@code shared_preload_libraries = 'pg_stat_statements'}).
	 */
	private void statementsFrom(long warmupEnd) {
		jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
		Thread reset = new Thread(() -> {
			java.util.concurrent.locks.LockSupport.parkNanos(warmupEnd - System.nanoTime());
			jdbc.sql("SELECT pg_stat_statements_reset()").query().listOfRows();
		}, "statements-reset");
		reset.setDaemon(true);
		reset.start();
	}

	/** The statements that took the database server's time, per 1,000 events. */
	private void printStatements(String mode, long events) {
		System.out.printf("  (%s: statements by execution time per 1,000 events)%n", mode);
		jdbc.sql("""
				SELECT calls, total_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g') AS query
				FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 10
				""").query().listOfRows().forEach(row -> System.out.printf("    %8.1f ms %7.1f calls %9.1f rows  %.110s%n",
				((Number) row.get("total_exec_time")).doubleValue() * 1000 / events,
				((Number) row.get("calls")).doubleValue() * 1000 / events,
				((Number) row.get("rows")).doubleValue() * 1000 / events, row.get("query")));
	}

	/**
	 * With {@code --timeline}: what the machine did in each second of the measured window, to tell where the slow
	 * answers come from: CPU seconds of the application, PostgreSQL and this load generator, WAL bytes and full-page
	 * images written, buffers written by backends and the checkpointer, and the tables (auto)vacuum and analyze were working on.
	 */
	private Thread serverSampler(long from, long to, List<String> seconds) {
		Thread sampler = new Thread(() -> {
			java.util.concurrent.locks.LockSupport.parkNanos(from - System.nanoTime());
			double[] last = cpuNow();
			long[] wal = databaseCounters();
			long[] disk = diskNow();
			for (long next = from + 1_000_000_000L; next <= to; next += 1_000_000_000L) {
				java.util.concurrent.locks.LockSupport.parkNanos(next - System.nanoTime());
				double[] now = cpuNow();
				long[] walNow = databaseCounters();
				long[] diskNow = diskNow();
				String vacuum = jdbc.sql("""
						SELECT coalesce(string_agg(w, ', '), '') FROM (
						    SELECT relid::regclass::text || ' ' || phase AS w FROM pg_stat_progress_vacuum
						    UNION ALL
						    SELECT 'analyze ' || relid::regclass::text FROM pg_stat_progress_analyze) x
						""").query(String.class).single();
				long flushes = walNow[3] - wal[3];
				long diskWrites = diskNow[0] - disk[0];
				seconds.add(String.format("cpu app %.2f pg %.2f gen %.2f; WAL %5.1f MB %5d FPI, %4d flushes %5.2f ms; "
						+ "writes backend %4d checkpointer %4d; disk %5.1f MB %5.2f ms per write, %4d MB dirty%s",
						now[0] - last[0], now[1] - last[1], now[2] - last[2], (walNow[1] - wal[1]) / 1e6, walNow[2] - wal[2],
						flushes, flushes == 0 ? 0 : (walNow[4] - wal[4]) / 1000.0 / flushes, walNow[6] - wal[6],
						walNow[7] - wal[7], (diskNow[1] - disk[1]) * 512 / 1e6,
						diskWrites == 0 ? 0 : (diskNow[2] - disk[2]) / (double) diskWrites, diskNow[3] / 1024,
						vacuum.isEmpty() ? "" : "; maintenance " + vacuum));
				last = now;
				wal = walNow;
				disk = diskNow;
			}
		}, "server-sampler");
		sampler.start();
		return sampler;
	}

	/**
	 * The machine's disks (Linux, whole virtio, SCSI or NVMe disks) so far: writes completed, sectors written and
	 * milliseconds spent writing; and now: kB of dirty pages and pages under writeback in the page cache. Zeros where
	 * /proc cannot be read.
	 */
	private static long[] diskNow() {
		long[] disk = new long[4];
		try {
			for (String line : Files.readAllLines(Path.of("/proc/diskstats"))) {
				String[] f = line.trim().split("\\s+");
				if (f.length >= 11 && f[2].matches("(vd|sd|xvd)[a-z]+|nvme\\d+n\\d+")) {
					disk[0] += Long.parseLong(f[7]);
					disk[1] += Long.parseLong(f[9]);
					disk[2] += Long.parseLong(f[10]);
				}
			}
			for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
				if (line.startsWith("Dirty:") || line.startsWith("Writeback:")) {
					disk[3] += Long.parseLong(line.replaceAll("\\D", ""));
				}
			}
		}
		catch (java.io.IOException | RuntimeException ex) {
			// not Linux: the timeline shows zeros
		}
		return disk;
	}

	/** CPU seconds so far of the application, PostgreSQL and this load generator. */
	private double[] cpuNow() {
		return new double[] { cpuSeconds(appPid), postgresCpuSeconds(), cpuSeconds(ProcessHandle.current().pid()) };
	}

	private static void printTimeline(String mode, Devices.Second[] seconds, List<String> server, Instant from) {
		System.out.printf("  (%s: each second of the measured window from %s: answers, over 100 ms, slowest; the machine)%n",
				mode, from);
		for (int i = 0; i < seconds.length; i++) {
			Devices.Second second = seconds[i];
			System.out.printf("    %3d s %6d %6d %7.1f ms  %s%n", i + 1, second.answered(), second.slow(),
					second.maxNanos() / 1e6, i < server.size() ? server.get(i) : "");
		}
	}

	/** Transactions committed, WAL bytes and full-page images written, at the start and at the end of a mode. */
	private final long[][] database = new long[2][];

	/**
	 * Since the server started: transactions committed in the database, WAL bytes, full-page images, WAL flushes, their
	 * time and the WAL write time (microseconds), and blocks written by client backends and by the checkpointer
	 * (pg_stat_io).
	 */
	private long[] databaseCounters() {
		return jdbc.sql("""
				SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()), wal_bytes, wal_fpi,
				       wal_sync, wal_sync_time * 1000, wal_write_time * 1000,
				       (SELECT coalesce(sum(writes), 0) FROM pg_stat_io WHERE backend_type = 'client backend'),
				       (SELECT coalesce(sum(writes), 0) FROM pg_stat_io WHERE backend_type = 'checkpointer')
				FROM pg_stat_wal
				""")
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6), rs.getLong(7), rs.getLong(8) })
			.single();
	}

	private Thread cpuMeter(long from, long to, double[][] cpu) {
		Thread meter = new Thread(() -> {
			java.util.concurrent.locks.LockSupport.parkNanos(from - System.nanoTime());
			cpu[0] = cpuNow();
			database[0] = databaseCounters();
			java.util.concurrent.locks.LockSupport.parkNanos(to - System.nanoTime());
			cpu[1] = cpuNow();
			database[1] = databaseCounters();
		}, "cpu-meter");
		meter.start();
		return meter;
	}

	/**
	 * Where the time goes: CPU milliseconds per 1,000 events in the application, in PostgreSQL and in this load
	 * generator (which shares the machine's cores).
	 */
	private void printCpu(String mode, double[][] cpu, long events) {
		if (events > 0) {
			long flushes = database[1][3] - database[0][3];
			System.out.printf("  (%s: CPU per 1,000 events: application %.0f ms, PostgreSQL %.0f ms, load generator %.0f ms;"
					+ " %.1f events per database commit; WAL %.0f bytes and %.2f full-page images per event; %d WAL flushes,"
					+ " %.2f ms each, writes %.2f ms per flush)%n", mode,
					(cpu[1][0] - cpu[0][0]) * 1e6 / events, (cpu[1][1] - cpu[0][1]) * 1e6 / events,
					(cpu[1][2] - cpu[0][2]) * 1e6 / events,
					events / (double) Math.max(1, database[1][0] - database[0][0]),
					(database[1][1] - database[0][1]) / (double) events, (database[1][2] - database[0][2]) / (double) events,
					flushes, (database[1][4] - database[0][4]) / 1e3 / Math.max(1, flushes),
					(database[1][5] - database[0][5]) / 1e3 / Math.max(1, flushes));
		}
	}

	/** User and system CPU seconds of a process from /proc (Linux). */
	private static double cpuSeconds(long pid) {
		return cpuSeconds(pid, false);
	}

	/** User and system CPU seconds of a process, and with {@code ended} those of its children that ended. */
	private static double cpuSeconds(long pid, boolean ended) {
		try {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])
					+ (ended ? Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : 0)) / 100.0;
		}
		catch (java.io.IOException | RuntimeException ex) {
			return 0;
		}
	}

	/** CPU seconds of the postmaster and its live children (the backends, WAL writer, checkpointer). */
	private double postgresCpuSeconds() {
		// the postmaster's own time and that of its children that ended (autovacuum workers, closed connections)
		double total = cpuSeconds(postmasterPid, true);
		try (var processes = Files.list(Path.of("/proc"))) {
			for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
				try {
					String stat = Files.readString(process.resolve("stat"));
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					if (Long.parseLong(fields[1]) == postmasterPid) {
						total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
					}
				}
				catch (java.io.IOException | RuntimeException gone) {
					// the process ended meanwhile
				}
			}
		}
		catch (java.io.IOException ex) {
			return total;
		}
		return total;
	}

	/** The median of sorted values (the mean of the middle two for an even count). */
	private static double median(double[] sorted) {
		int n = sorted.length;
		return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	private static double percentile(long[] sorted, double p) {
		return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
	}

	/** Whether devices make random (version 4) event ids instead of time-ordered ones, like older clients: --ids=v4. */
	private static volatile boolean randomIds;

	/**
	 * An event id as the scanning page makes it: a time-ordered UUID (version 7: the Unix milliseconds, then random
	 * bits), or with {@code --ids=v4} a random one. Drawn from a thread-local generator: the JDK's
	 * {@code UUID.randomUUID()} draws on the shared SecureRandom, which costs the load generator CPU the machine's
	 * cores are meant to spend on Frontline.
	 */
	private static UUID eventId() {
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		if (randomIds) {
			return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, low);
		}
		return new UUID((System.currentTimeMillis() << 16) | 0x7000L | (random.nextInt() & 0x0FFFL), low);
	}

	private static Map<String, Object> event(String type, Map<String, Object> fields) {
		Map<String, Object> event = new HashMap<>(fields);
		event.put("eventId", eventId().toString());
		event.put("type", type);
		event.put("at", Instant.now().toString());
		return event;
	}

	/** Posts JSON with the bench token; a failed connection is answered as status 0. */
	private Answer post(String path, Object body) {
		HttpPost post = new HttpPost("http://localhost:" + port + path);
		post.setEntity(new StringEntity(body instanceof String text ? text : JSON.writeValueAsString(body),
				ContentType.APPLICATION_JSON));
		return execute(post, token);
	}

	private Answer execute(HttpUriRequestBase request, String bearer) {
		if (bearer != null) {
			request.setHeader("Authorization", "Bearer " + bearer);
		}
		try {
			return http.execute(request, response -> {
				Header retry = response.getFirstHeader("Retry-After");
				return new Answer(response.getCode(),
						response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity()),
						retry == null ? 1 : Long.parseLong(retry.getValue()));
			});
		}
		catch (java.io.IOException ex) {
			return new Answer(0, ex.toString(), 1);
		}
	}

	/** Events of an answer that were stored (accepted now or before). */
	private static int accepted(Answer answer) {
		int accepted = 0;
		for (JsonNode result : JSON.readTree(answer.body()).get("results")) {
			if (!result.get("status").asString().equals("REJECTED")) {
				accepted++;
			}
		}
		return accepted;
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis + (long) (Math.random() * 200));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The same rows (event log, tubes, samples) inserted straight with JDBC batches, one transaction per batch. */
	private double[] baseline(int threads, int batch) throws Exception {
		long round = newRound(new Api(port));
		long seconds = option("seconds");
		long warmupEnd = System.nanoTime() + option("warmup") * 1_000_000_000L;
		long end = warmupEnd + seconds * 1_000_000_000L;
		AtomicLong events = new AtomicLong();
		List<long[]> latencies = new ArrayList<>();
		List<Long> people = jdbc.sql("SELECT id FROM people_person ORDER BY id").query(Long.class).list();
		double[][] cpu = new double[2][];
		Thread meter = cpuMeter(warmupEnd, end, cpu);
		List<Thread> workers = new ArrayList<>();
		AtomicInteger cursor = new AtomicInteger();
		for (int t = 0; t < threads; t++) {
			int worker = t;
			long[] samples = new long[1_000_000];
			latencies.add(samples);
			Thread thread = new Thread(() -> {
				int n = 0;
				int tube = 0;
				try (Connection connection = DriverManager.getConnection(jdbcUrl + "&reWriteBatchedInserts=true")) {
					connection.setAutoCommit(false);
					PreparedStatement eventRow = connection.prepareStatement("""
							INSERT INTO testing_scan_event (event_id, device_id, type, username, at, received_at, status,
							                                tube_code, person_id)
							VALUES (?, ?, ?, 'admin', ?, ?, 'ACCEPTED', ?, ?)
							""");
					PreparedStatement tubeRow = connection.prepareStatement("""
							INSERT INTO testing_tube (code, round_id, site_id, pool_size, samples, opened_at, opened_by)
							VALUES (?, ?, ?, 10, 10, ?, 'admin') RETURNING id
							""");
					PreparedStatement sampleRow = connection.prepareStatement("""
							INSERT INTO testing_sample (tube_id, round_id, site_id, person_id, sampled_at, sampled_by)
							VALUES (?, ?, ?, ?, ?, 'admin')
							""");
					long site = sites.get(worker % sites.size());
					while (System.nanoTime() < end) {
						long t0 = System.nanoTime();
						Timestamp now = Timestamp.from(Instant.now());
						int inBatch = 0;
						while (inBatch < batch) {
							tube++;
							String code = "b" + round + "-" + worker + "-" + tube;
							tubeRow.setString(1, code);
							tubeRow.setLong(2, round);
							tubeRow.setLong(3, site);
							tubeRow.setTimestamp(4, now);
							long tubeId;
							try (var rs = tubeRow.executeQuery()) {
								rs.next();
								tubeId = rs.getLong(1);
							}
							addEvent(eventRow, "TUBE_OPENED", code, null, now);
							inBatch++;
							for (int i = 0; i < 10; i++) {
								long person = people.get(cursor.getAndIncrement());
								sampleRow.setLong(1, tubeId);
								sampleRow.setLong(2, round);
								sampleRow.setLong(3, site);
								sampleRow.setLong(4, person);
								sampleRow.setTimestamp(5, now);
								sampleRow.addBatch();
								addEvent(eventRow, "SAMPLED", code, person, now);
								inBatch++;
							}
						}
						eventRow.executeBatch();
						sampleRow.executeBatch();
						connection.commit();
						long t1 = System.nanoTime();
						if (t0 > warmupEnd && t1 < end) {
							events.addAndGet(inBatch);
							if (n < samples.length) {
								samples[n++] = t1 - t0;
							}
						}
					}
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				if (n < samples.length) {
					samples[n] = -1;
				}
			}, "baseline-" + t);
			workers.add(thread);
			thread.start();
		}
		for (Thread worker : workers) {
			worker.join();
		}
		meter.join();
		printCpu("baseline", cpu, events.get());
		long[] all = latencies.stream().flatMapToLong(a -> Arrays.stream(a).takeWhile(v -> v > 0)).sorted().toArray();
		return new double[] { events.get() / (double) seconds, percentile(all, 0.50), percentile(all, 0.99), events.get() };
	}

	private static void addEvent(PreparedStatement statement, String type, String tube, Long person, Timestamp at)
			throws java.sql.SQLException {
		statement.setObject(1, eventId());
		statement.setString(2, "baseline");
		statement.setString(3, type);
		statement.setTimestamp(4, at);
		statement.setTimestamp(5, at);
		statement.setString(6, tube);
		if (person == null) {
			statement.setNull(7, java.sql.Types.BIGINT);
		}
		else {
			statement.setLong(7, person);
		}
		statement.addBatch();
	}

	/**
	 * A step surge: from idle to {@code surge-factor} times the sustained rate at once, for {@code surge-seconds}, then
	 * back to the sustained rate for a minute. Devices honour 429/503 Retry-After and resend the same events. Prints
	 * accepted, shed and resent counts, latency percentiles of accepted requests, health and page latencies during the
	 * surge, throughput per 10 s and the application's resident memory over time.
	 */
	private void surge(double sustained, AppProcess app) throws Exception {
		double rate = options.containsKey("rate") ? Double.parseDouble(options.get("rate")) : sustained;
		int factor = option("surge-factor");
		long surgeSeconds = option("surge-seconds");
		long round = newRound(new Api(port));
		long start = System.nanoTime();
		long surgeEnd = start + surgeSeconds * 1_000_000_000L;
		long end = surgeEnd + 60_000_000_000L;
		AtomicLong accepted = new AtomicLong();
		AtomicLong shed = new AtomicLong();
		AtomicLong resent = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		long[] perWindow = new long[(int) ((end - start) / 10_000_000_000L) + 2];
		List<Long> acceptedLatencies = java.util.Collections.synchronizedList(new ArrayList<>());
		List<Long> healthLatencies = java.util.Collections.synchronizedList(new ArrayList<>());
		List<Long> pageLatencies = java.util.Collections.synchronizedList(new ArrayList<>());
		List<String> memory = java.util.Collections.synchronizedList(new ArrayList<>());
		java.util.concurrent.Semaphore tokens = new java.util.concurrent.Semaphore(0);
		Thread pacer = new Thread(() -> {
			long next = System.nanoTime();
			while (System.nanoTime() < end) {
				double current = System.nanoTime() < surgeEnd ? rate * factor : rate;
				tokens.release((int) Math.max(1, current / 100));
				next += 10_000_000L;
				java.util.concurrent.locks.LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
			}
		}, "pacer");
		pacer.start();
		Thread probe = new Thread(() -> {
			int tick = 0;
			while (System.nanoTime() < end) {
				healthLatencies.add(time("/actuator/health", null));
				pageLatencies.add(time("/api/v1/areas", token));
				if (tick++ % 10 == 0) {
					memory.add("%3ds %s".formatted((System.nanoTime() - start) / 1_000_000_000L, rss(app.pid())));
				}
				java.util.concurrent.locks.LockSupport.parkNanos(500_000_000L);
			}
		}, "probe");
		probe.start();
		int devices = option("devices");
		List<Thread> threads = new ArrayList<>();
		for (int d = 0; d < devices; d++) {
			int device = d;
			Thread thread = new Thread(() -> {
				String prefix = "s" + Long.toString(round, 36) + "-" + device + "-";
				long site = sites.get(device % sites.size());
				int tube = 0;
				int inTube = 10;
				while (System.nanoTime() < end) {
					try {
						if (!tokens.tryAcquire(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
							continue;
						}
					}
					catch (InterruptedException ex) {
						return;
					}
					Map<String, Object> event;
					if (inTube == 10) {
						tube++;
						inTube = 0;
						event = event("TUBE_OPENED", Map.of("roundId", round, "siteId", site, "tubeCode", prefix + tube, "poolSize", 10));
					}
					else {
						int person = personCursor.getAndIncrement();
						event = sampled(prefix + tube, person);
						inTube++;
					}
					String body = JSON.writeValueAsString(Map.of("deviceId", prefix, "events", List.of(event)));
					boolean first = true;
					while (System.nanoTime() < end + 30_000_000_000L) {
						if (!first) {
							resent.incrementAndGet();
						}
						first = false;
						long t0 = System.nanoTime();
						Answer answer = post("/api/v1/scans", body);
						long t1 = System.nanoTime();
						if (answer.status() == 200) {
							accepted.incrementAndGet();
							acceptedLatencies.add(t1 - t0);
							perWindow[(int) ((t1 - start) / 10_000_000_000L)]++;
							break;
						}
						if (answer.status() == 503 || answer.status() == 429) {
							shed.incrementAndGet();
							pause(answer.retryAfter() * 1000 + (long) (Math.random() * 300));
							continue;
						}
						failed.incrementAndGet();
						if (answer.status() != 0) {
							break;
						}
						pause(500);
					}
				}
			}, "surge-" + d);
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		pacer.join();
		probe.join();
		System.out.printf("%nsurge: %.0f events/s sustained, step to %d x = %.0f events/s offered for %d s, then %.0f/s for 60 s%n",
				rate, factor, rate * factor, surgeSeconds, rate);
		System.out.printf("  accepted %d, shed (503/429 with Retry-After) %d, resent %d, failed %d%n", accepted.get(),
				shed.get(), resent.get(), failed.get());
		System.out.printf("  accepted requests: %s%n", percentiles(acceptedLatencies));
		System.out.printf("  /actuator/health:  %s%n", percentiles(healthLatencies));
		System.out.printf("  GET /api/v1/areas: %s%n", percentiles(pageLatencies));
		StringBuilder windows = new StringBuilder();
		for (int i = 0; i < perWindow.length - 1; i++) {
			windows.append("%d-%ds:%.0f/s ".formatted(i * 10, i * 10 + 10, perWindow[i] / 10.0));
		}
		System.out.println("  accepted per 10 s window: " + windows);
		System.out.println("  resident memory of the application: " + String.join(", ", memory));
	}

	private long time(String path, String bearer) {
		long t0 = System.nanoTime();
		Answer answer = execute(new HttpGet("http://localhost:" + port + path), bearer);
		return answer.status() == 0 ? 30_000_000_000L : System.nanoTime() - t0;
	}

	private static String rss(long pid) {
		try {
			return Files.readAllLines(Path.of("/proc/" + pid + "/status"))
				.stream()
				.filter(l -> l.startsWith("VmRSS"))
				.map(l -> l.replaceAll("\\s+", " ").replace("VmRSS: ", ""))
				.findFirst()
				.orElse("?");
		}
		catch (java.io.IOException ex) {
			return "?";
		}
	}

	private static String percentiles(List<Long> latencies) {
		long[] sorted;
		synchronized (latencies) {
			sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		}
		return "n=%d p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms".formatted(sorted.length,
				percentile(sorted, 0.5), percentile(sorted, 0.9), percentile(sorted, 0.99),
				sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
	}
}
