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

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
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
 * straight with JDBC batches; (c) overload: phones in open loop offering a multiple of the sustained rate. With
 * {@code --before} it measures a second build in the same invocation.
 */
public final class ScanBench {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final Map<String, String> options;

	/** Blocking HTTP/1.1 with kept-alive connections: the overload mode's probes (health, API, page). */
	private final CloseableHttpClient http = HttpClients.custom()
		.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
			.setMaxConnTotal(10)
			.setMaxConnPerRoute(10)
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

	/** The application's access log and GC log while surges run (null: none). */
	private Path accessLog;

	private Path gcLog;

	private String jdbcUrl;

	private ScanBench(Map<String, String> options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>(Map.of("residents", "2000000", "sites", "1000", "seconds", "30",
				"devices", "1000", "batch", "100", "offline-devices", "8", "runs", "3", "modes", "online,paced,offline,baseline",
				"warmup", "15", "data", "target/bench-data"));
		options.putAll(Map.of("surge-seconds", "30", "calm-seconds", "20", "phones", "3000", "server-warmup", "60"));
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

	/** A build of Frontline to measure: its name and runtime classpath (null: the one this tool was built with). */
	private record Build(String name, String classpath) {
	}

	private void run() throws Exception {
		Path data = Path.of(options.get("data")).toAbsolutePath();
		Files.createDirectories(data);
		List<String> appArgs = new ArrayList<>();
		try (EmbeddedDatabase database = EmbeddedDatabase.start(data.resolve("db"), 0,
				options.get("shared-buffers"))) {
			appArgs.addAll(List.of("--frontline.db.url=jdbc:postgresql://localhost:" + database.port() + "/postgres",
					"--frontline.db.user=postgres", "--frontline.db.password=", "--frontline.demo.enabled=true", "--frontline.demo.day=false",
					"--frontline.demo.residents=" + options.get("residents"), "--frontline.demo.password=bench-pass-1",
					"--logging.level.root=WARN"));
			if (options.get("modes").contains("surge") && !options.containsKey("no-access-log")) {
				// The server's own time for every phone's request, next to the phone's (ServerTimes).
				accessLog = data.resolve("access").resolve("access_log.log");
				// The JVM does not make the GC log's directory, and a data directory may have lost it.
				Files.createDirectories(accessLog.getParent());
				Files.deleteIfExists(accessLog);
				appArgs.addAll(List.of("--server.tomcat.accesslog.enabled=true",
						"--server.tomcat.accesslog.directory=" + accessLog.getParent(),
						"--server.tomcat.accesslog.rotate=false", "--server.tomcat.accesslog.pattern=" + ServerTimes.PATTERN));
				gcLog = data.resolve("access").resolve("gc.log");
				System.setProperty("frontline.app.jvm-args", System.getProperty("frontline.app.jvm-args", "") + " "
						+ ServerTimes.GC_LOG.formatted(gcLog));
			}
			if (options.containsKey("app-args")) {
				appArgs.addAll(Arrays.asList(options.get("app-args").split(" ")));
			}
			jdbcUrl = database.jdbcUrl();
			jdbc = JdbcClient.create(new DriverManagerDataSource(jdbcUrl));
			postmasterPid = Long.parseLong(Files.readAllLines(data.resolve("db").resolve("postmaster.pid")).get(0).trim());
			if (options.containsKey("pin")) {
				pinPostgres();
			}
			List<Build> builds = new ArrayList<>();
			String after = options.containsKey("after") ? classpath(options.get("after")) : null;
			if (options.containsKey("before")) {
				builds.add(new Build("before", classpath(options.get("before"))));
				builds.add(new Build("after", after));
			}
			else {
				builds.add(new Build("", after));
			}
			run(builds, appArgs, data);
		}
	}

	/** The runtime classpath of a checkout that bench/surge.sh compiled. */
	private static String classpath(String checkout) throws java.io.IOException {
		Path dir = Path.of(checkout).toAbsolutePath();
		return dir.resolve("target/classes") + ":" + Files.readString(dir.resolve("target/app.classpath")).trim();
	}

	/**
	 * With {@code --pin}: PostgreSQL's processes (and so the backends it starts later) on CPU 0 with the application,
	 * this load generator on CPU 1 (bench/surge.sh starts it there), so that the generator cannot take the server's
	 * core. With {@code --pin=split}: the application alone on CPU 0, PostgreSQL with the generator on CPU 1, as in a
	 * district whose database has a machine of its own; the generator's figures then include its waits behind
	 * PostgreSQL.
	 */
	private void pinPostgres() throws Exception {
		String cpu = split() ? "1" : "0";
		List<String> pids = postgresProcesses();
		for (String pid : pids) {
			new ProcessBuilder("taskset", "-a", "-p", "-c", cpu, pid).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start()
				.waitFor();
		}
		System.out.printf("pinned: the application on CPU 0, PostgreSQL (%d processes) on CPU %s, the load generator on"
				+ " CPU %s%n", pids.size(), cpu, Files.readAllLines(Path.of("/proc/self/status"))
					.stream()
					.filter(l -> l.startsWith("Cpus_allowed_list"))
					.map(l -> l.replaceAll(".*:\\s*", ""))
					.findFirst()
					.orElse("?"));
	}

	/**
	 * Every run measures every build, each on a freshly started (and warmed-up) application on the same database
	 * server; builds take turns in alternating order, so that the machine's drift falls on both alike.
	 */
	private void run(List<Build> builds, List<String> appArgs, Path data) throws Exception {
		List<String> modes = Arrays.asList(options.get("modes").split(","));
		Map<String, Map<String, List<double[]>>> figures = new java.util.LinkedHashMap<>();
		Map<String, List<Double>> ratios = new HashMap<>();
		if (builds.size() == 1) {
			// One build: one application for all runs, warmed up once.
			try (AppProcess app = start(builds.get(0), appArgs, data)) {
				if (options.containsKey("nice")) {
					reniceSelf();
				}
				if (options.containsKey("nice-bulk") || options.containsKey("nice-db")) {
					reniceBulk(app.pid());
				}
				for (int run = 1; run <= option("runs"); run++) {
					runModes(run, "", modes, app, figures, ratios);
				}
			}
		}
		for (int run = 1; builds.size() > 1 && run <= option("runs"); run++) {
			List<Build> order = new ArrayList<>(builds);
			if (run % 2 == 0) {
				java.util.Collections.reverse(order);
			}
			for (Build build : order) {
				try (AppProcess app = start(build, appArgs, data)) {
					runModes(run, build.name() + " ", modes, app, figures, ratios);
				}
			}
		}
		System.out.println();
		System.out.println("median of " + option("runs") + " runs:");
		for (String label : figures.keySet()) {
			for (String mode : modes) {
				List<double[]> results = figures.get(label).get(mode);
				System.out.printf("  %s%-12s %8.0f events/s  p50 %7.1f ms  p99 %7.1f ms  CPU per 1,000: application %.0f ms, "
						+ "PostgreSQL %.0f ms, load generator %.0f ms%n", label, mode, median(results, 0),
						median(results, 1), median(results, 2), median(results, 6), median(results, 7),
						median(results, 8));
				if (mode.startsWith("surge")) {
					System.out.printf("  %s%-12s refused p50 %.1f ms, p99 %.1f ms; in the server p50 %.1f ms, p99 %.1f ms;"
							+ " waited before the server read it p99 %.1f ms%n", label, mode, median(results, 11),
							median(results, 4), median(results, 12), median(results, 9), median(results, 10));
				}
			}
			if (ratios.containsKey(label)) {
				System.out.printf("  %soffline / baseline, median of the runs' ratios = %.2f%n", label,
						median(ratios.get(label).stream().mapToDouble(Double::doubleValue).sorted().toArray()));
			}
			if (screenRatios.containsKey(label)) {
				System.out.printf("  %swith screens / online (scans per second), median of the runs' ratios = %.3f %s%n",
						label, median(screenRatios.get(label).stream().mapToDouble(Double::doubleValue).sorted().toArray()),
						screenRatios.get(label));
			}
		}
		if (figures.containsKey("before ") && figures.containsKey("after ")) {
			System.out.println("after / before (medians):");
			for (String mode : modes) {
				List<double[]> before = figures.get("before ").get(mode);
				List<double[]> after = figures.get("after ").get(mode);
				System.out.printf("  %-12s events/s %.2f  p99 %.2f  application CPU per event %.2f  PostgreSQL %.2f%n", mode,
						median(after, 0) / median(before, 0), median(after, 2) / median(before, 2),
						median(after, 6) / median(before, 6), median(after, 7) / median(before, 7));
			}
		}
	}

	private boolean prepared;

	/**
	 * With {@code --nice} (one build): this load generator's threads at nice 19 once the application and PostgreSQL
	 * run (at 0), and so every thread it starts later: not pinned, the server has both cores and the generator what
	 * they leave. Its own figures then include its waits for a core.
	 */
	private static void reniceSelf() throws Exception {
		List<String> threads;
		try (var tasks = Files.list(Path.of("/proc/self/task"))) {
			threads = tasks.map(task -> task.getFileName().toString()).toList();
		}
		renice("19", threads);
		System.out.printf("the load generator's %d threads at nice 19 (the application and PostgreSQL at 0)%n",
				threads.size());
	}

	/**
	 * Experiments: with {@code --nice-bulk=N} the application's scan committers and answer threads at nice N, with
	 * {@code --nice-db=N} PostgreSQL's processes (and so the backends it starts later); the request threads and the
	 * connector's stay at 0: whether refusals still wait when the bulk of the work yields to them (one build).
	 */
	private void reniceBulk(long app) throws Exception {
		List<String> threads = List.of();
		if (options.containsKey("nice-bulk")) {
			threads = new AppThreads(app).ofKinds("scan committers", "scan answers");
			renice(options.get("nice-bulk"), threads);
		}
		List<String> database = List.of();
		if (options.containsKey("nice-db")) {
			database = postgresProcesses();
			renice(options.get("nice-db"), database);
		}
		System.out.printf("the application's %d scan committer and answer threads at nice %s, PostgreSQL's %d processes"
				+ " at nice %s%n", threads.size(), options.getOrDefault("nice-bulk", "0"), database.size(),
				options.getOrDefault("nice-db", "0"));
	}

	/** PostgreSQL's postmaster and the processes it started. */
	private List<String> postgresProcesses() throws java.io.IOException {
		List<String> pids = new ArrayList<>(List.of(Long.toString(postmasterPid)));
		try (var processes = Files.list(Path.of("/proc"))) {
			for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
				try {
					String stat = Files.readString(process.resolve("stat"));
					if (stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1].equals(Long.toString(postmasterPid))) {
						pids.add(process.getFileName().toString());
					}
				}
				catch (java.io.IOException | RuntimeException gone) {
					// ended meanwhile
				}
			}
		}
		return pids;
	}

	private static void renice(String nice, List<String> ids) throws Exception {
		List<String> command = new ArrayList<>(List.of("renice", "-n", nice, "-p"));
		command.addAll(ids);
		new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start()
			.waitFor();
	}

	/** How the processes share the cores, for a surge's heading. */
	private String layout() {
		if (!options.containsKey("pin")) {
			return options.containsKey("nice") ? "not pinned, the generator at nice 19" : "not pinned";
		}
		return split() ? "pinned, PostgreSQL with the generator" : "pinned";
	}

	/** {@code --pin=split}: PostgreSQL on the load generator's CPU instead of the application's. */
	private boolean split() {
		return "split".equals(options.get("pin"));
	}

	/** Starts a build of the application, signs in, prepares the city the first time, and warms the server up. */
	private AppProcess start(Build build, List<String> appArgs, Path data) throws Exception {
		AppProcess app = new AppProcess(data.resolve("app.log"), appArgs.toArray(String[]::new));
		if (build.classpath() != null) {
			app.classpath(build.classpath());
		}
		if (options.containsKey("pin")) {
			app.cpus("0");
		}
		long started = System.nanoTime();
		app.start();
		port = app.port();
		appPid = app.pid();
		System.out.printf("%sFrontline up in %.1f s on %s (PostgreSQL fsync=%s, synchronous_commit=%s)%n",
				build.name().isEmpty() ? "" : build.name() + ": ", (System.nanoTime() - started) / 1e9, data,
				jdbc.sql("SHOW fsync").query(String.class).single(),
				jdbc.sql("SHOW synchronous_commit").query(String.class).single());
		// Time the WAL's writes and flushes (pg_stat_wal), so a slow commit can be told from a slow disk.
		jdbc.sql("ALTER SYSTEM SET track_wal_io_timing = on").update();
		jdbc.sql("SELECT pg_reload_conf()").query(Boolean.class).single();
		token = app.api().as("admin", "bench-pass-1").token();
		if (!prepared) {
			prepareCity(app.api());
			prepared = true;
		}
		warmUpServer();
		return app;
	}

	/** Every mode once, on a running application. */
	private void runModes(int run, String label, List<String> modes, AppProcess app,
			Map<String, Map<String, List<double[]>>> figures, Map<String, List<Double>> ratios) throws Exception {
		Map<String, Double> thisRun = new HashMap<>();
		double[] online = null;
		List<String> ordered = new ArrayList<>(modes);
		if (run % 2 == 0 && ordered.size() == 2 && ordered.contains("online")
				&& ordered.stream().anyMatch(m -> m.startsWith("screens"))) {
			// Alternating which goes first, so that the city growing run after run weighs on both alike.
			java.util.Collections.reverse(ordered);
		}
		for (String mode : ordered) {
			// "online@200" is the online mode with 200 devices, "offline@500" the offline mode with batches of 500,
			// "paced@5000" the devices offering 5,000 events per second between them, "surge@5" phones offering five
			// times the sustained (online) rate of this run.
			String[] named = mode.split("@");
			Integer size = named.length > 1 ? Integer.valueOf(named[1]) : null;
			double[] result = switch (named[0]) {
				case "online" -> drive("online", size != null ? size : option("devices"), 1, 0);
				case "paced" -> drive("paced", option("devices"), 1, size != null ? size : 5_000);
				case "offline" -> drive("offline", option("offline-devices"), size != null ? size : option("batch"), 0);
				case "baseline" -> baseline(option("offline-devices"), size != null ? size : option("batch"));
				case "surge" -> surge(label, size != null ? size : 10, online, app);
				case "screens" -> withScreens(size != null ? size : 200);
				default -> throw new IllegalArgumentException("No mode " + mode);
			};
			if (named[0].equals("online")) {
				online = result;
			}
			figures.computeIfAbsent(label, k -> new java.util.LinkedHashMap<>())
				.computeIfAbsent(mode, k -> new ArrayList<>())
				.add(result);
			String tail = named[0].equals("surge")
					? ("; refused p50 %.1f ms p99 %.1f ms, in the server p50 %.1f ms p99 %.1f ms, waited before it p99 %.1f ms;"
							+ " health max %.1f ms").formatted(result[11], result[4], result[12], result[9], result[10], result[5])
					: result[5] > 0 ? "; p99.9 %.1f ms, max %.1f ms".formatted(result[4], result[5]) : "";
			System.out.printf("run %d %s%-12s %8.0f events/s  p50 %7.1f ms  p99 %7.1f ms  (%d events%s; CPU per 1,000: "
					+ "application %.0f ms, PostgreSQL %.0f ms, load generator %.0f ms)%n", run, label, mode, result[0],
					result[1], result[2], (long) result[3], tail, result[6], result[7], result[8]);
			thisRun.put(mode, result[0]);
		}
		if (thisRun.containsKey("online") && thisRun.keySet().stream().anyMatch(m -> m.startsWith("screens"))) {
			String screens = thisRun.keySet().stream().filter(m -> m.startsWith("screens")).findFirst().orElseThrow();
			double ratio = thisRun.get(screens) / thisRun.get("online");
			screenRatios.computeIfAbsent(label, k -> new ArrayList<>()).add(ratio);
			System.out.printf("run %d %s%s / online (scans per second) = %.3f%n", run, label, screens, ratio);
		}
		if (thisRun.containsKey("offline") && thisRun.containsKey("baseline")) {
			double ratio = thisRun.get("offline") / thisRun.get("baseline");
			ratios.computeIfAbsent(label, k -> new ArrayList<>()).add(ratio);
			System.out.printf("run %d %soffline / baseline = %.2f%n", run, label, ratio);
		}
	}

	private final Map<String, List<Double>> screenRatios = new HashMap<>();

	/**
	 * The online mode while {@code screens} command-centre screens show the live view of the district, as the
	 * commander: each screen signed in and opened the page once (before the mode starts, kept for all runs), then
	 * sends what the page's htmx poll sends every {@code --screen-seconds} (10), from a random moment on: the address
	 * the page names in its {@code hx-get}, with its session cookie, htmx's headers and the last answer's ETag (the
	 * browser revalidates what it holds). What the wall screens and phones left open on the live view cost the scan
	 * path. Answers the online mode's figures; the screens' refreshes are printed apart.
	 */
	private double[] withScreens(int screens) throws Exception {
		long every = Long.parseLong(options.getOrDefault("screen-seconds", "10")) * 1000;
		java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
			.version(java.net.http.HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		while (openScreens.size() < screens) {
			openScreens.add(openScreen(client));
		}
		java.util.Queue<Long> took = new java.util.concurrent.ConcurrentLinkedQueue<>();
		AtomicInteger failed = new AtomicInteger();
		AtomicInteger unchanged = new AtomicInteger();
		AtomicLong bytes = new AtomicLong();
		java.util.Random random = new java.util.Random(21);
		java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newScheduledThreadPool(2);
		for (Screen screen : openScreens.subList(0, screens)) {
			timer.scheduleAtFixedRate(() -> {
				long started = System.nanoTime();
				java.net.http.HttpRequest.Builder poll = java.net.http.HttpRequest.newBuilder(screen.poll())
					.header("Cookie", screen.cookies())
					.header("HX-Request", "true")
					.header("HX-Current-URL", screen.page().toString())
					.header("HX-Target", "command-live")
					.header("HX-Trigger", "command-live")
					.timeout(Duration.ofSeconds(30));
				String etag = screen.etag().get();
				if (etag != null) {
					poll.header("If-None-Match", etag);
				}
				client.sendAsync(poll.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray())
					.whenComplete((answer, error) -> {
						if (error != null || answer.statusCode() != 200 && answer.statusCode() != 304) {
							failed.incrementAndGet();
							return;
						}
						took.add(System.nanoTime() - started);
						bytes.addAndGet(answer.body().length);
						if (answer.statusCode() == 304) {
							unchanged.incrementAndGet();
						}
						answer.headers().firstValue("ETag").ifPresent(screen.etag()::set);
					});
			}, random.nextLong(every), every, java.util.concurrent.TimeUnit.MILLISECONDS);
		}
		try {
			return drive("screens", option("devices"), 1, 0);
		}
		finally {
			timer.shutdownNow();
			long[] sorted = took.stream().mapToLong(Long::longValue).sorted().toArray();
			System.out.printf("  (screens: %d screens refreshed the district's live view %d times (%d unchanged, 304), "
					+ "%d failed; %.0f bytes a refresh; p50 %.1f ms, p99 %.1f ms)%n", screens, sorted.length,
					unchanged.get(), failed.get(), sorted.length == 0 ? 0.0 : (double) bytes.get() / sorted.length,
					percentile(sorted, 0.5), percentile(sorted, 0.99));
		}
	}

	/** The screens signed in and showing the live view (kept from run to run, as wall screens stay open). */
	private final List<Screen> openScreens = new ArrayList<>();

	/** A browser showing the live view: its cookies, the page, the address it polls and the last ETag it holds. */
	private record Screen(String cookies, java.net.URI page, java.net.URI poll,
			java.util.concurrent.atomic.AtomicReference<String> etag) {
	}

	/** Signs a screen in through the sign-in form, as a browser does, and opens the live view once. */
	private Screen openScreen(java.net.http.HttpClient client) throws Exception {
		String base = "http://localhost:" + port;
		java.net.http.HttpResponse<String> login = client.send(
				java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login")).build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(login.body());
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF field on the sign-in page");
		}
		String csrfCookie = cookie(login, "FRONTLINE_CSRF");
		java.net.http.HttpResponse<Void> signedIn = client.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", csrfCookie)
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=commander&password=bench-pass-1&_csrf="
					+ java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8)))
			.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
		String session = cookie(signedIn, "FRONTLINE_SESSION");
		if (session == null) {
			throw new IllegalStateException("the commander was not signed in: " + signedIn.statusCode() + " "
					+ signedIn.headers().firstValue("Location").orElse(""));
		}
		String cookies = session + "; " + csrfCookie;
		java.net.URI page = java.net.URI.create(base + "/command");
		java.net.http.HttpResponse<String> live = client.send(java.net.http.HttpRequest.newBuilder(page)
			.header("Cookie", cookies)
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		java.util.regex.Matcher polls = java.util.regex.Pattern.compile("id=\"command-live\"[^>]*hx-get=\"([^\"]+)\"")
			.matcher(live.body());
		if (live.statusCode() != 200 || !polls.find()) {
			throw new IllegalStateException("the live view did not name what it polls: " + live.statusCode());
		}
		return new Screen(cookies, page, java.net.URI.create(base + polls.group(1).replace("&amp;", "&")),
				new java.util.concurrent.atomic.AtomicReference<>());
	}

	/** A cookie the answer sets, as the browser sends it back ({@code name=value}). */
	private static String cookie(java.net.http.HttpResponse<?> answer, String name) {
		return answer.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith(name + "="))
			.map(c -> c.split(";", 2)[0])
			.findFirst()
			.orElse(null);
	}

	/** The median of one figure over a mode's runs. */
	private static double median(List<double[]> results, int figure) {
		return median(results.stream().mapToDouble(r -> r[figure]).sorted().toArray());
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
		double[] perEvent = printCpu(mode, cpu, outcome.events());
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
				outcome.events(), percentile(all, 0.999), all.length == 0 ? 0 : all[all.length - 1] / 1e6, perEvent[0],
				perEvent[1], perEvent[2] };
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
	private double[] printCpu(String mode, double[][] cpu, long events) {
		if (events <= 0) {
			return new double[3];
		}
		double[] perEvent = { (cpu[1][0] - cpu[0][0]) * 1e6 / events, (cpu[1][1] - cpu[0][1]) * 1e6 / events,
				(cpu[1][2] - cpu[0][2]) * 1e6 / events };
		long flushes = database[1][3] - database[0][3];
		System.out.printf("  (%s: CPU per 1,000 events: application %.0f ms, PostgreSQL %.0f ms, load generator %.0f ms;"
				+ " %.1f events per database commit; WAL %.0f bytes and %.2f full-page images per event; %d WAL flushes,"
				+ " %.2f ms each, writes %.2f ms per flush)%n", mode, perEvent[0], perEvent[1], perEvent[2],
				events / (double) Math.max(1, database[1][0] - database[0][0]),
				(database[1][1] - database[0][1]) / (double) events, (database[1][2] - database[0][2]) / (double) events,
				flushes, (database[1][4] - database[0][4]) / 1e3 / Math.max(1, flushes),
				(database[1][5] - database[0][5]) / 1e3 / Math.max(1, flushes));
		return perEvent;
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
		double[] perEvent = printCpu("baseline", cpu, events.get());
		long[] all = latencies.stream().flatMapToLong(a -> Arrays.stream(a).takeWhile(v -> v > 0)).sorted().toArray();
		return new double[] { events.get() / (double) seconds, percentile(all, 0.50), percentile(all, 0.99), events.get(),
				0, 0, perEvent[0], perEvent[1], perEvent[2] };
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
	 * Overload ({@code surge@F}): {@code --phones} phones (3,000) in open loop ({@link Phones}) offer the sustained
	 * rate (this run's online rate) for {@code --calm-seconds} (20), then F times it for {@code --surge-seconds} (30),
	 * then the sustained rate again for {@code --calm-seconds}; then they empty their outboxes. Prints per 10 s: offered,
	 * accepted and shed rates, latencies of accepted and of refused requests, CPU per accepted event (application,
	 * PostgreSQL, this load generator), health, API and page latencies, the application's memory; then the surge's
	 * figures against the sustained ones, the time to recover, and every acknowledged event id counted in the scan log.
	 * Answers the surge window's accepted events/s, accepted p50 and p99, events, refusal p99, health max, CPU per
	 * 1,000 accepted events.
	 */
	private double[] surge(String label, int factor, double[] online, AppProcess app) throws Exception {
		if (online == null) {
			throw new IllegalArgumentException("surge@F needs the online mode before it in --modes (the sustained rate)");
		}
		double sustained = online[0];
		long round = newRound(new Api(port));
		int count = option("phones");
		int calm = option("calm-seconds");
		int surgeSeconds = option("surge-seconds");
		String prefix = "g" + Long.toString(round, 36) + "-";
		int[] tubes = new int[count];
		long[] tubeSites = new long[count];
		for (int i = 0; i < count; i++) {
			tubeSites[i] = sites.get(i % sites.size());
		}
		Phones.Scanner scanner = (phone, sequence, id, at) -> {
			String when = Instant.ofEpochMilli(at).toString();
			if (sequence % 11 == 0) {
				tubes[phone]++;
				return "{\"eventId\":\"" + id + "\",\"type\":\"TUBE_OPENED\",\"at\":\"" + when + "\",\"roundId\":" + round
						+ ",\"siteId\":" + tubeSites[phone] + ",\"tubeCode\":\"" + prefix + phone + "-" + tubes[phone]
						+ "\",\"poolSize\":10}";
			}
			int person = personCursor.getAndIncrement() % personIds.length;
			return "{\"eventId\":\"" + id + "\",\"type\":\"SAMPLED\",\"at\":\"" + when + "\",\"tubeCode\":\"" + prefix + phone
					+ "-" + tubes[phone] + "\",\"personCode\":\"" + signer.sign(personIds[person], codeVersions[person])
					+ "\"}";
		};
		int total = calm + surgeSeconds + calm;
		int drainSeconds = 180;
		int batch = Integer.parseInt(options.getOrDefault("phone-batch", String.valueOf(Phones.BATCH)));
		try (Phones phones = new Phones(port, token, count, batch, total + drainSeconds + 30, scanner)) {
			long start = phones.start;
			long surgeFrom = start + calm * 1_000_000_000L;
			long surgeTo = surgeFrom + surgeSeconds * 1_000_000_000L;
			long end = surgeTo + calm * 1_000_000_000L;
			int seconds = total + drainSeconds + 30;
			double[][] cpu = new double[seconds + 1][];
			long[] rss = new long[seconds + 1];
			long[] backlog = new long[seconds + 1];
			long[] generatorGc = new long[seconds + 1];
			Phones.Latencies health = new Phones.Latencies(100_000);
			Phones.Latencies api = new Phones.Latencies(100_000);
			Phones.Latencies page = new Phones.Latencies(100_000);
			AppThreads threads = new AppThreads(appPid);
			java.util.concurrent.atomic.AtomicBoolean probing = new java.util.concurrent.atomic.AtomicBoolean(true);
			Thread probe = new Thread(() -> {
				int last = -1;
				while (probing.get()) {
					int second = phones.second(System.nanoTime());
					if (second != last) {
						cpu[second] = cpuNow();
						rss[second] = rssKb(appPid);
						generatorGc[second] = generatorGcMillis();
						backlog[second] = phones.unacknowledged();
						threads.read(second);
						last = second;
					}
					health.add(second, time("/actuator/health", null));
					api.add(second, time("/api/v1/areas", token));
					page.add(second, time("/login", null));
					java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
				}
			}, "probe");
			probe.start();
			phones.run(List.of(new Phones.Phase(sustained, surgeFrom), new Phones.Phase(sustained * factor, surgeTo),
					new Phones.Phase(sustained, end)), end + drainSeconds * 1_000_000_000L);
			probing.set(false);
			probe.join();
			int last = phones.second(System.nanoTime());
			ServerTimes server = ServerTimes.read(accessLog, gcLog, phones, surgeTo);
			System.out.printf("%n%ssurge@%d: %d phones, open loop; sustained (online) %.0f events/s; %d s at it, %d s at %.0f "
					+ "events/s, %d s at it again, then the outboxes empty (up to %d events a request; %s; from %s)%n", label,
					factor, count, sustained, calm, surgeSeconds, sustained * factor, calm, batch,
					layout(), Instant.ofEpochMilli(phones.startEpochMillis));
			System.out.println("    window    offered accepted   shed  failed | accepted p50 / p99 | refused p99 |"
					+ " CPU ms per 1,000 accepted: app / PostgreSQL / generator | health / API / page p99, max |"
					+ " memory (RSS) | outboxes | refused in the server p99, waited before it p99 | application's GC pauses:"
					+ " n, total, max | load generator's GC");
			for (int from = 0; from < last; from += 10) {
				int to = Math.min(last, from + 10);
				printWindow(phones, from, to, cpu, rss, backlog, health, api, page, server, generatorGc);
			}
			threads.print(label + "surge@" + factor + ": ", last);
			int a = calm;
			int b = calm + surgeSeconds;
			double accepted = sum(phones.seconds.accepted, a, b) / (double) surgeSeconds;
			double[] cpuPer = cpuPer(cpu, a, b, sum(phones.seconds.accepted, a, b));
			long[] acceptedLatency = phones.acceptedLatency.between(a, b);
			long[] refusals = phones.refusalLatency.between(a, b);
			long[] healthAll = health.between(0, last + 1);
			long[] apiAll = api.between(0, last + 1);
			long[] pageAll = page.between(0, last + 1);
			int recovered = -1;
			for (int s = b; s < last; s++) {
				if (phones.seconds.accepted.get(s) >= 0.9 * sustained) {
					recovered = s - b;
					break;
				}
			}
			int drained = -1;
			for (int s = b; s <= last; s++) {
				if (backlog[s] <= sustained * 2 && s > b) {
					drained = s - b;
					break;
				}
			}
			long rssMin = Long.MAX_VALUE;
			long rssMax = 0;
			for (int s = 0; s <= last; s++) {
				if (rss[s] > 0) {
					rssMin = Math.min(rssMin, rss[s]);
					rssMax = Math.max(rssMax, rss[s]);
				}
			}
			System.out.printf("  %ssurge@%d, the %d s at %d x: accepted %.0f events/s = %.2f of sustained; application CPU per"
					+ " accepted event %.0f ms per 1,000 = %.2f of sustained (%.0f); PostgreSQL %.0f, load generator %.0f%n",
					label, factor, surgeSeconds, factor, accepted, accepted / sustained, cpuPer[0], cpuPer[0] / online[6],
					online[6], cpuPer[1], cpuPer[2]);
			System.out.printf("  %ssurge@%d: accepted requests p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d, %.1f events each);"
					+ " refused p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d, Retry-After %.1f s on average)%n", label, factor,
					percentile(acceptedLatency, 0.5), percentile(acceptedLatency, 0.99), max(acceptedLatency),
					acceptedLatency.length,
					sum(phones.seconds.accepted, a, b) / (double) Math.max(1, acceptedLatency.length),
					percentile(refusals, 0.5), percentile(refusals, 0.99), max(refusals),
					refusals.length, phones.retryAfterSeconds.get() / (double) Math.max(1, sum(phones.seconds.refused, 0,
							last + 1)));
			System.out.printf("  %ssurge@%d: throughout: /actuator/health p99 %.1f ms max %.1f ms, GET /api/v1/areas p99 %.1f ms"
					+ " max %.1f ms, GET /login p99 %.1f ms max %.1f ms; application RSS %d-%d MB; after the surge the"
					+ " accepted rate was back at 90%% of sustained after %s s, the outboxes empty after %s s%n", label,
					factor, percentile(healthAll, 0.99), max(healthAll), percentile(apiAll, 0.99), max(apiAll),
					percentile(pageAll, 0.99), max(pageAll), rssMin / 1024, rssMax / 1024,
					recovered < 0 ? "never" : recovered, drained < 0 ? "never" : drained);
			long[] refusedServer = server.refused().between(a, b);
			long[] refusedBefore = server.refusedBefore().between(a, b);
			long[] acceptedServer = server.accepted().between(a, b);
			long[] pauses = server.pauses().between(a, b);
			System.out.printf("  %ssurge@%d: the application's GC pauses and allocation stalls in the %d s: %d, %.0f ms in"
					+ " all, longest %.1f ms; the load generator's collector %d ms%n", label, factor, surgeSeconds,
					pauses.length, total(pauses), max(pauses),
					lastReading(generatorGc, 0, b) - lastReading(generatorGc, 0, a));
			System.out.printf("  %ssurge@%d: in the server (its access log, from when a request thread began reading the"
					+ " request to the answer): refused p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d); accepted p50 %.1f ms,"
					+ " p99 %.1f ms; a refused request waited from the phone's send to that thread's read p50 %.1f ms, p99"
					+ " %.1f ms, max %.1f ms%n", label, factor, percentile(refusedServer, 0.5),
					percentile(refusedServer, 0.99), max(refusedServer), refusedServer.length,
					percentile(acceptedServer, 0.5), percentile(acceptedServer, 0.99), percentile(refusedBefore, 0.5),
					percentile(refusedBefore, 0.99), max(refusedBefore));
			long[] inAppPause = server.refusedBeforeInAppPause().between(a, b);
			long[] inGeneratorPause = server.refusedBeforeInGeneratorPause().between(a, b);
			long[] clear = server.refusedBeforeClear().between(a, b);
			double refusedCount = Math.max(1, refusedBefore.length);
			System.out.printf("  %ssurge@%d: a refused request's wait before a request thread read it, by what it overlapped:"
					+ " a pause of the application's collector %d (%.1f%%, p99 %.1f ms), of the load generator's %d (%.1f%%,"
					+ " p99 %.1f ms), neither %d (p50 %.1f ms, p99 %.1f ms, max %.1f ms)%n", label, factor, inAppPause.length,
					100 * inAppPause.length / refusedCount, percentile(inAppPause, 0.99), inGeneratorPause.length,
					100 * inGeneratorPause.length / refusedCount, percentile(inGeneratorPause, 0.99), clear.length,
					percentile(clear, 0.5), percentile(clear, 0.99), max(clear));
			exactlyOnce(label + "surge@" + factor, phones, round);
			long[] scanDelay = phones.scanDelay.between(a, b + calm);
			System.out.printf("  %ssurge@%d: a scan's wait from the phone to its acknowledgement (outbox included), surge and"
					+ " after: p50 %.0f ms, p99 %.0f ms%n", label, factor, percentile(scanDelay, 0.5),
					percentile(scanDelay, 0.99));
			return new double[] { accepted, percentile(acceptedLatency, 0.5), percentile(acceptedLatency, 0.99),
					sum(phones.seconds.accepted, a, b), percentile(refusals, 0.99), max(healthAll), cpuPer[0], cpuPer[1],
					cpuPer[2], percentile(refusedServer, 0.99), percentile(refusedBefore, 0.99),
					percentile(refusals, 0.5), percentile(refusedServer, 0.5) };
		}
	}

	private void printWindow(Phones phones, int from, int to, double[][] cpu, long[] rss, long[] backlog,
			Phones.Latencies health, Phones.Latencies api, Phones.Latencies page, ServerTimes server, long[] generatorGc) {
		long[] pauses = server.pauses().between(from, to);
		double width = to - from;
		long accepted = sum(phones.seconds.accepted, from, to);
		double[] cpuPer = cpuPer(cpu, from, to, accepted);
		long[] acceptedLatency = phones.acceptedLatency.between(from, to);
		long[] refusals = phones.refusalLatency.between(from, to);
		long[] h = health.between(from, to);
		long[] a = api.between(from, to);
		long[] p = page.between(from, to);
		System.out.printf("  %4d-%3ds %7.0f/s %7.0f/s %5.0f/s %5.0f/s | %6.1f / %7.1f ms | %7.1f ms | %5.0f / %5.0f / %5.0f ms"
				+ "%s | %5.0f / %5.0f / %5.0f, %6.0f ms | %5d MB | %7d | %6.1f ms, %7.1f ms | %3d, %5.0f ms, %5.1f ms |"
				+ " %5d ms%n", from, to,
				sum(phones.seconds.offered, from, to) / width, accepted / width,
				sum(phones.seconds.refused, from, to) / width, sum(phones.seconds.failed, from, to) / width,
				percentile(acceptedLatency, 0.5), percentile(acceptedLatency, 0.99), percentile(refusals, 0.99), cpuPer[0],
				cpuPer[1], cpuPer[2], accepted == 0 ? " (nothing accepted)" : "", percentile(h, 0.99), percentile(a, 0.99),
				percentile(p, 0.99), Math.max(max(h), Math.max(max(a), max(p))), lastReading(rss, from, to) / 1024,
				lastReading(backlog, from, to), percentile(server.refused().between(from, to), 0.99),
				percentile(server.refusedBefore().between(from, to), 0.99), pauses.length, total(pauses), max(pauses),
				lastReading(generatorGc, from, to) - lastReading(generatorGc, 0, from));
	}

	/** The sum of latencies, ms. */
	private static double total(long[] nanos) {
		return Arrays.stream(nanos).sum() / 1e6;
	}

	/** Milliseconds this load generator's JVM spent collecting garbage so far. */
	private static long generatorGcMillis() {
		return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime)
			.filter(t -> t > 0)
			.sum();
	}

	/** The last reading taken in [from, to], or 0. */
	private static long lastReading(long[] readings, int from, int to) {
		for (int s = Math.min(to, readings.length - 1); s >= from; s--) {
			if (readings[s] != 0) {
				return readings[s];
			}
		}
		return 0;
	}

	/** CPU ms per 1,000 events of the application, PostgreSQL and the generator between two seconds' readings. */
	private static double[] cpuPer(double[][] cpu, int from, int to, long events) {
		int a = from;
		while (a < to && cpu[a] == null) {
			a++;
		}
		int b = Math.min(to, cpu.length - 1);
		while (b > a && cpu[b] == null) {
			b--;
		}
		if (events == 0 || a >= b || cpu[a] == null || cpu[b] == null) {
			return new double[3];
		}
		double scale = (to - from) / (double) (b - a) * 1e6 / events;
		return new double[] { (cpu[b][0] - cpu[a][0]) * scale, (cpu[b][1] - cpu[a][1]) * scale,
				(cpu[b][2] - cpu[a][2]) * scale };
	}

	/**
	 * Nothing acknowledged is lost and nothing stored twice: every event id the phones were acknowledged is in the scan
	 * log, and the round holds one sample per accepted SAMPLED event, each of a different person.
	 */
	private void exactlyOnce(String label, Phones phones, long round) {
		long[][] ids = phones.acknowledgedIds();
		long found = 0;
		long acceptedSamples = 0;
		for (int from = 0; from < ids[0].length; from += 20_000) {
			int to = Math.min(ids[0].length, from + 20_000);
			java.util.UUID[] chunk = new java.util.UUID[to - from];
			for (int i = from; i < to; i++) {
				chunk[i - from] = new java.util.UUID(ids[0][i], ids[1][i]);
			}
			Map<String, Object> counts = jdbc.sql("""
					SELECT count(*) AS found, count(*) FILTER (WHERE type = 'SAMPLED' AND status = 'ACCEPTED') AS sampled
					FROM testing_scan_event WHERE event_id = ANY(:ids::uuid[])
					""").param("ids", chunk).query().singleRow();
			found += ((Number) counts.get("found")).longValue();
			acceptedSamples += ((Number) counts.get("sampled")).longValue();
		}
		Map<String, Object> samples = jdbc.sql("""
				SELECT count(*) AS samples, count(DISTINCT person_id) AS people FROM testing_sample WHERE round_id = :round
				""").param("round", round).query().singleRow();
		long stored = ((Number) samples.get("samples")).longValue();
		long people = ((Number) samples.get("people")).longValue();
		System.out.printf("  %s: %d event ids acknowledged to the phones, %d of them in the scan log (lost: %d); %d accepted"
				+ " SAMPLED events, %d samples of %d people in the round (stored twice: %d); %d scans still in outboxes%n",
				label, ids[0].length, found, ids[0].length - found, acceptedSamples, stored, people,
				stored - Math.min(acceptedSamples, people), phones.unacknowledged());
	}

	private static long sum(java.util.concurrent.atomic.AtomicLongArray values, int from, int to) {
		long sum = 0;
		for (int i = from; i < Math.min(to, values.length()); i++) {
			sum += values.get(i);
		}
		return sum;
	}

	private static double max(long[] sorted) {
		return sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6;
	}

	/** How long a GET takes, in ns (30 s when it failed). */
	private long time(String path, String bearer) {
		long t0 = System.nanoTime();
		Answer answer = execute(new HttpGet("http://localhost:" + port + path), bearer);
		return answer.status() == 0 ? 30_000_000_000L : System.nanoTime() - t0;
	}

	/** The resident memory of a process in kB (Linux). */
	private static long rssKb(long pid) {
		try {
			return Files.readAllLines(Path.of("/proc/" + pid + "/status"))
				.stream()
				.filter(l -> l.startsWith("VmRSS"))
				.mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
				.findFirst()
				.orElse(0);
		}
		catch (java.io.IOException | RuntimeException ex) {
			return 0;
		}
	}
}
