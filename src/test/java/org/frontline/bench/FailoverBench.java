package org.frontline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.frontline.people.internal.CodeSigner;
import org.frontline.support.Api;
import org.frontline.support.AppProcess;
import org.frontline.support.PatroniCluster;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Failover under scan load ({@code bench/failover.sh}): a Patroni cluster from Debian's packages
 * ({@code deploy/ha/cluster.sh}: three etcd members, a primary and two replicas, synchronous_mode_strict), two
 * Frontline instances on it (multi-host URL, or HAProxy with {@code --via=haproxy}), and the paced scan load of
 * {@code bench/run.sh} (one event per request, devices that resend after 503/Retry-After) split between them. Each
 * scenario scans into a round of its own and injects one fault: {@code node} kills the primary's Patroni, postmaster
 * and backends with SIGKILL (its Patroni is started again {@code --rejoin-after} seconds later, as a supervisor
 * would); {@code postmaster} kills only the primary's postmaster; {@code switchover} is a planned
 * {@code patronictl switchover}. For each it prints when writes stopped and were acknowledged again, the answer times
 * before, during and after, and checks every acknowledged event against the new primary: stored, once. Then a backup
 * is taken from a replica with the backup command and restored into a new database.
 */
public final class FailoverBench {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final Map<String, String> options;

	private PatroniCluster cluster;

	private String url;

	private String token;

	private long[] personIds;

	private int[] codeVersions;

	private CodeSigner signer;

	private List<Long> sites;

	private final AtomicInteger personCursor = new AtomicInteger();

	private final List<AppProcess> apps = new ArrayList<>();

	private FailoverBench(Map<String, String> options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>(Map.of("residents", "300000", "sites", "1000", "devices", "1000",
				"rate", "2000", "warmup", "20", "before", "30", "after", "60", "rejoin-after", "20", "scenarios",
				"node,postmaster,switchover", "data", "target/failover-data"));
		options.putAll(Map.of("via", "multi", "port-base", "25000", "server-warmup", "60", "shared-buffers", "1GB"));
		for (String arg : args) {
			String[] kv = arg.replaceFirst("^--", "").split("=", 2);
			options.put(kv[0], kv.length > 1 ? kv[1] : "true");
		}
		new FailoverBench(options).run();
	}

	private int option(String name) {
		return Integer.parseInt(options.get(name));
	}

	private void run() throws Exception {
		Path data = Path.of(options.get("data")).toAbsolutePath();
		Files.createDirectories(data);
		long started = System.nanoTime();
		cluster = PatroniCluster.up(data.resolve("cluster"), 3, 3, option("port-base"), options.get("shared-buffers"));
		try {
			System.out.printf("cluster up in %.1f s:%n%s", (System.nanoTime() - started) / 1e9, cluster.status());
			url = "haproxy".equals(options.get("via")) ? cluster.url("haproxy") : cluster.url();
			List<String> args = List.of("--frontline.db.url=" + url, "--frontline.db.user=" + PatroniCluster.APP_USER,
					"--frontline.db.password=" + PatroniCluster.APP_PASSWORD, "--frontline.demo.enabled=true", "--frontline.demo.day=false",
					"--frontline.demo.residents=" + options.get("residents"), "--frontline.demo.password=bench-pass-1",
					"--logging.level.root=WARN", "--logging.level.org.frontline=INFO");
			for (String name : List.of("a", "b")) {
				started = System.nanoTime();
				apps.add(new AppProcess(data.resolve("app-" + name + ".log"), args.toArray(String[]::new)).start());
				System.out.printf("Frontline %s up in %.1f s on %s%n", name, (System.nanoTime() - started) / 1e9, url);
			}
			token = apps.get(0).api().as("admin", "bench-pass-1").token();
			prepareCity(apps.get(0).api());
			if (option("server-warmup") > 0) {
				Scenario warmup = load("warm-up", option("server-warmup"), 0, null);
				System.out.printf("server warm-up: %d s of the paced load, not counted (%d events acknowledged)%n",
						option("server-warmup"), warmup.acknowledged());
			}
			for (String scenario : options.get("scenarios").split(",")) {
				report(scenario, load(scenario, option("warmup"), option("before") + option("after"),
						fault(scenario)));
			}
			backupFromAReplica(data);
		}
		finally {
			for (AppProcess app : apps) {
				app.close();
			}
			if (!options.containsKey("keep")) {
				cluster.close();
			}
		}
	}

	private void prepareCity(Api api) {
		JdbcClient jdbc = jdbc();
		List<String> compounds = jdbc.sql("SELECT code FROM area WHERE level = 'COMPOUND' ORDER BY code")
			.query(String.class)
			.list();
		long existing = jdbc.sql("SELECT count(*) FROM testing_site").query(Long.class).single();
		for (long i = existing; i < option("sites"); i++) {
			Api.Response created = api.withToken(token).post("/api/v1/sites", Map.of("name", "压测采样点" + i, "kind",
					"FIXED", "area", compounds.get((int) (i % compounds.size())), "location", "bench", "stations", 4));
			if (created.status() != 201) {
				throw new IllegalStateException("Cannot create a site: " + created.body());
			}
		}
		sites = jdbc.sql("SELECT id FROM testing_site ORDER BY id LIMIT :n").param("n", option("sites"))
			.query(Long.class)
			.list();
		List<long[]> people = new ArrayList<>();
		jdbc.sql("""
				SELECT p.id, coalesce(c.version, 1) AS version
				FROM people_person p LEFT JOIN people_sampling_code c ON c.person_id = p.id
				WHERE p.id_type = 'RESIDENT_ID' ORDER BY p.id
				""").query(rs -> {
			people.add(new long[] { rs.getLong("id"), rs.getInt("version") });
		});
		personIds = people.stream().mapToLong(p -> p[0]).toArray();
		codeVersions = people.stream().mapToInt(p -> (int) p[1]).toArray();
		String issued = api.withToken(token).get("/api/v1/people/" + personIds[0] + "/code").json().get("payload").asString();
		signer = new CodeSigner(jdbc.sql("SELECT secret FROM people_code_secret WHERE id = 1").query(byte[].class).single());
		if (!issued.equals(signer.sign(personIds[0], codeVersions[0]))) {
			throw new IllegalStateException("The bench signs codes differently from Frontline: " + issued);
		}
		System.out.printf("city: %d residents, %d sampling sites; people are scanned by their personal code%n",
				personIds.length, sites.size());
	}

	private JdbcClient jdbc() {
		return JdbcClient.create(new DriverManagerDataSource(url, PatroniCluster.APP_USER, PatroniCluster.APP_PASSWORD));
	}

	/** What was done to the cluster, and when (System.nanoTime). */
	private static final class Fault {

		volatile long at;

		volatile String what = "";

		/** When the cluster was healthy again: a primary, both replicas streaming, one of them synchronous. */
		volatile long healthy;

		final List<String> steps = java.util.Collections.synchronizedList(new ArrayList<>());

		void step(String text) {
			steps.add("%+7.1f s %s".formatted((System.nanoTime() - at) / 1e9, text));
		}
	}

	private interface FaultAction {

		void inject(Fault fault) throws Exception;
	}

	private FaultAction fault(String scenario) {
		return switch (scenario) {
			case "node" -> fault -> {
				int leader = cluster.leader();
				fault.at = System.nanoTime();
				cluster.killNode(leader);
				fault.what = "node" + leader + " (the primary): Patroni, postmaster and backends killed with SIGKILL";
				fault.step("killed node" + leader);
				int promoted = awaitLeaderOtherThan(leader, fault);
				fault.step("node" + promoted + " is the primary");
				long rejoin = fault.at + option("rejoin-after") * 1_000_000_000L;
				java.util.concurrent.locks.LockSupport.parkNanos(rejoin - System.nanoTime());
				cluster.startNode(leader);
				fault.step("node" + leader + "'s Patroni started again");
				awaitHealthy(fault, leader);
			};
			case "postmaster" -> fault -> {
				int leader = cluster.leader();
				fault.at = System.nanoTime();
				cluster.killPostmaster(leader);
				fault.what = "node" + leader + " (the primary): postmaster killed with SIGKILL, Patroni left running";
				fault.step("killed node" + leader + "'s postmaster");
				awaitHealthy(fault, leader);
				int now = cluster.leader();
				fault.step(now == leader ? "Patroni restarted PostgreSQL in place: node" + leader + " is still the primary"
						: "Patroni failed over: node" + now + " is the primary");
			};
			case "switchover" -> fault -> {
				int leader = cluster.leader();
				int candidate = cluster.synchronousStandby();
				fault.at = System.nanoTime();
				fault.what = "patronictl switchover from node" + leader + " to node" + candidate;
				fault.step("patronictl: " + cluster.switchover(leader, candidate).lines()
					.filter(l -> l.contains("witched over") || l.contains("ailed"))
					.findFirst()
					.orElse("(no answer)")
					.replaceAll("^[0-9: .-]+", "")
					.trim());
				awaitHealthy(fault, leader);
				fault.step("node" + cluster.leader() + " is the primary");
			};
			default -> throw new IllegalArgumentException("Unknown scenario " + scenario);
		};
	}

	private int awaitLeaderOtherThan(int old, Fault fault) throws InterruptedException {
		while (true) {
			int leader = cluster.leader();
			if (leader >= 0 && leader != old) {
				return leader;
			}
			if (System.nanoTime() - fault.at > 180_000_000_000L) {
				throw new IllegalStateException("No new primary after 180 s:\n" + cluster.status());
			}
			Thread.sleep(100);
		}
	}

	private void awaitHealthy(Fault fault, int node) throws Exception {
		cluster.waitHealthy(300);
		fault.healthy = System.nanoTime();
		fault.step("healthy: a primary, both replicas streaming, one synchronous");
		String log = cluster.log(node);
		long rewinds = log.lines().filter(l -> l.contains("pg_rewind exit code=0")).count();
		fault.step("node" + node + "'s Patroni log: " + rewinds + " pg_rewind run(s) that succeeded so far");
	}

	/** One acknowledged event: when its first request left, when it was acknowledged. */
	private record Ack(String eventId, String type, long firstSent, long acknowledged) {
	}

	/** What a scenario's devices did. */
	private record Scenario(String name, long round, long start, long measuredFrom, long end, Fault fault,
			List<Ack> acks, long refused, long rejected) {

		int acknowledged() {
			return acks.size();
		}
	}

	/**
	 * Runs the devices of both instances, {@code rate}/2 events per second each, for {@code warmup} + {@code seconds};
	 * the fault is injected {@code --before} seconds into the measured window.
	 */
	private Scenario load(String name, int warmup, int seconds, FaultAction action) throws Exception {
		long round = newRound(apps.get(0).api());
		long start = System.nanoTime();
		long measuredFrom = start + warmup * 1_000_000_000L;
		long end = measuredFrom + seconds * 1_000_000_000L;
		ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
		AtomicLong rejected = new AtomicLong();
		int devices = option("devices");
		List<Thread> drivers = new ArrayList<>();
		AtomicLong refused = new AtomicLong();
		List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
		for (int instance = 0; instance < apps.size(); instance++) {
			List<Devices.Device> simulated = new ArrayList<>();
			for (int d = instance; d < devices; d += apps.size()) {
				simulated.add(new Phone(name.charAt(0) + Long.toString(round, 36) + "-" + d + "-", round,
						sites.get(d % sites.size()), acks, rejected));
			}
			int port = apps.get(instance).port();
			double rate = Double.parseDouble(options.get("rate")) / apps.size();
			Thread driver = new Thread(() -> {
				try (Devices phones = new Devices(port, "/api/v1/scans", token)) {
					Devices.Outcome outcome = phones.run(simulated, measuredFrom, end, rate);
					refused.addAndGet(outcome.refused());
					if (outcome.failure() != null) {
						failures.add(outcome.failure());
					}
				}
				catch (Exception ex) {
					failures.add(ex.toString());
				}
			}, "driver-" + instance);
			drivers.add(driver);
			driver.start();
		}
		Fault fault = new Fault();
		Thread injector = null;
		if (action != null) {
			injector = new Thread(() -> {
				java.util.concurrent.locks.LockSupport.parkNanos(measuredFrom + option("before") * 1_000_000_000L
						- System.nanoTime());
				try {
					action.inject(fault);
				}
				catch (Exception ex) {
					failures.add("fault: " + ex);
				}
			}, "fault");
			injector.start();
		}
		for (Thread driver : drivers) {
			driver.join();
		}
		if (injector != null) {
			injector.join(TimeUnit.MINUTES.toMillis(10));
		}
		if (!failures.isEmpty()) {
			throw new IllegalStateException(name + ": " + failures);
		}
		return new Scenario(name, round, start, measuredFrom, end, fault, new ArrayList<>(acks), refused.get(),
				rejected.get());
	}

	private long newRound(Api api) {
		Api.Response round = api.withToken(token).post("/api/v1/rounds", Map.of("name", "切换压测 " + Instant.now(), "areas",
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

	/**
	 * A registrar's phone: opens a tube of ten, samples ten people into it by their personal code, one event per
	 * request; sends the same event again until it is stored (Devices resends after 503 and failed connections; a
	 * TRY_AGAIN answer is resent here).
	 */
	private final class Phone implements Devices.Device {

		private final String prefix;

		private final long round;

		private final long site;

		private final ConcurrentLinkedQueue<Ack> acks;

		private final AtomicLong rejected;

		private int tube;

		private int inTube = 10;

		private String sending;

		private String eventId;

		private String type;

		private long firstSent;

		Phone(String prefix, long round, long site, ConcurrentLinkedQueue<Ack> acks, AtomicLong rejected) {
			this.prefix = prefix;
			this.round = round;
			this.site = site;
			this.acks = acks;
			this.rejected = rejected;
		}

		@Override
		public synchronized String body() {
			if (sending == null) {
				Map<String, Object> event = new HashMap<>();
				if (inTube == 10) {
					tube++;
					inTube = 0;
					event.putAll(Map.of("type", "TUBE_OPENED", "roundId", round, "siteId", site, "tubeCode",
							prefix + tube, "poolSize", 10));
				}
				else {
					int person = personCursor.getAndIncrement();
					if (person >= personIds.length) {
						throw new IllegalStateException("The city has too few residents for this run; use more.");
					}
					event.putAll(Map.of("type", "SAMPLED", "tubeCode", prefix + tube, "personCode",
							signer.sign(personIds[person], codeVersions[person])));
					inTube++;
				}
				eventId = UUID.randomUUID().toString();
				type = (String) event.get("type");
				event.put("eventId", eventId);
				event.put("at", Instant.now().toString());
				sending = JSON.writeValueAsString(Map.of("deviceId", prefix, "events", List.of(event)));
				firstSent = System.nanoTime();
			}
			return sending;
		}

		@Override
		public synchronized int answered(String answer) {
			JsonNode result = JSON.readTree(answer).get("results").get(0);
			String status = result.get("status").asString();
			if ("REJECTED".equals(status)) {
				if (result.hasNonNull("reason") && "TRY_AGAIN".equals(result.get("reason").asString())) {
					return 0;
				}
				rejected.incrementAndGet();
				sending = null;
				return 0;
			}
			acks.add(new Ack(eventId, type, firstSent, System.nanoTime()));
			sending = null;
			return 1;
		}
	}

	private void report(String name, Scenario run) throws Exception {
		Fault fault = run.fault();
		List<Ack> acks = new ArrayList<>(run.acks());
		acks.sort(java.util.Comparator.comparingLong(Ack::acknowledged));
		System.out.printf("%n%s: %s%n", name, fault.what);
		fault.steps.forEach(step -> System.out.println("  " + step));
		// The longest time without any acknowledgement, from a second before the fault on.
		long gapFrom = 0;
		long gapTo = 0;
		for (int i = 1; i < acks.size(); i++) {
			long previous = acks.get(i - 1).acknowledged();
			long next = acks.get(i).acknowledged();
			if (next > fault.at - 1_000_000_000L && next - previous > gapTo - gapFrom) {
				gapFrom = previous;
				gapTo = next;
			}
		}
		System.out.printf("  no scan acknowledged from %+.2f s to %+.2f s (%.2f s); acknowledged again %.2f s after the fault%n",
				(gapFrom - fault.at) / 1e9, (gapTo - fault.at) / 1e9, (gapTo - gapFrom) / 1e9, (gapTo - fault.at) / 1e9);
		// Writes unavailable: the longest run of 100 ms steps after the fault with under a tenth of the offered rate
		// acknowledged (a few answers in the gap, DUPLICATE ones that need no commit, do not end it).
		double perTenth = Double.parseDouble(options.get("rate")) / 10;
		int[] tenths = new int[(int) ((run.end() - fault.at) / 100_000_000L) + 1];
		for (Ack ack : acks) {
			long tenth = (ack.acknowledged() - fault.at) / 100_000_000L;
			if (ack.acknowledged() >= fault.at && tenth < tenths.length) {
				tenths[(int) tenth]++;
			}
		}
		int stopped = 0;
		int resumed = 0;
		for (int from = 0; from < tenths.length; from++) {
			int to = from;
			while (to < tenths.length && tenths[to] < perTenth / 10) {
				to++;
			}
			if (to - from > resumed - stopped) {
				stopped = from;
				resumed = to;
			}
			from = to;
		}
		System.out.printf("  writes unavailable from %+.1f s to %+.1f s after the fault (%.1f s: the longest time with "
				+ "under a tenth of the offered rate acknowledged)%n", stopped / 10.0, resumed / 10.0,
				(resumed - stopped) / 10.0);
		long settled = fault.at + resumed * 100_000_000L + 5_000_000_000L;
		long healthy = Math.max(settled, fault.healthy);
		printLatencies("before the fault", acks, a -> a.firstSent() >= run.measuredFrom() && a.firstSent() < fault.at);
		printLatencies("during (sent from the fault until 5 s after writes resumed)",
				acks, a -> a.firstSent() >= fault.at && a.firstSent() < settled);
		printLatencies("after, until the cluster was healthy again", acks,
				a -> a.firstSent() >= settled && a.firstSent() < healthy);
		printLatencies("after, healthy", acks, a -> a.firstSent() >= healthy);
		long[] perSecond = new long[(int) ((run.end() - run.measuredFrom()) / 1_000_000_000L) + 1];
		for (Ack ack : acks) {
			long second = (ack.acknowledged() - run.measuredFrom()) / 1_000_000_000L;
			if (second >= 0 && second < perSecond.length) {
				perSecond[(int) second]++;
			}
		}
		int faultSecond = (int) ((fault.at - run.measuredFrom()) / 1_000_000_000L);
		StringBuilder around = new StringBuilder();
		for (int s = Math.max(0, faultSecond - 3); s < Math.min(perSecond.length, faultSecond + 25); s++) {
			around.append(s - faultSecond).append(':').append(perSecond[s]).append(' ');
		}
		System.out.printf("  acknowledged per second around the fault (second:events): %s%n", around);
		System.out.printf("  %d requests answered 503 or failed and were resent; %d events rejected%n", run.refused(),
				run.rejected());
		verify(run, acks);
	}

	private static void printLatencies(String label, List<Ack> acks, java.util.function.Predicate<Ack> window) {
		long[] sorted = acks.stream().filter(window).mapToLong(a -> a.acknowledged() - a.firstSent()).sorted().toArray();
		if (sorted.length == 0) {
			System.out.printf("  %-58s no events%n", label);
			return;
		}
		System.out.printf("  %-58s %7d events  p50 %8.1f ms  p99 %8.1f ms  max %8.1f ms%n", label, sorted.length,
				percentile(sorted, 0.5), percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
	}

	/**
	 * Every event the devices were told was stored is in the database now (on the new primary), once; the round holds
	 * as many samples and tubes as were acknowledged.
	 */
	private void verify(Scenario run, List<Ack> acks) throws Exception {
		String[] ids = acks.stream().map(Ack::eventId).toArray(String[]::new);
		long sampled = acks.stream().filter(a -> a.type().equals("SAMPLED")).count();
		long opened = acks.size() - sampled;
		try (Connection connection = DriverManager.getConnection(url, PatroniCluster.APP_USER,
				PatroniCluster.APP_PASSWORD)) {
			Array array = connection.createArrayOf("uuid", Arrays.stream(ids).map(UUID::fromString).toArray());
			long stored;
			try (PreparedStatement statement = connection.prepareStatement(
					"SELECT count(*) FROM testing_scan_event WHERE event_id = ANY (?) AND status = 'ACCEPTED'")) {
				statement.setArray(1, array);
				stored = single(statement);
			}
			long samples;
			try (PreparedStatement statement = connection.prepareStatement(
					"SELECT count(*) FROM testing_sample WHERE round_id = ? AND removed_at IS NULL")) {
				statement.setLong(1, run.round());
				samples = single(statement);
			}
			long people;
			try (PreparedStatement statement = connection.prepareStatement(
					"SELECT count(DISTINCT person_id) FROM testing_sample WHERE round_id = ? AND removed_at IS NULL")) {
				statement.setLong(1, run.round());
				people = single(statement);
			}
			long tubes;
			try (PreparedStatement statement = connection.prepareStatement(
					"SELECT count(*) FROM testing_tube WHERE round_id = ?")) {
				statement.setLong(1, run.round());
				tubes = single(statement);
			}
			long lost = ids.length - stored;
			System.out.printf("  exactly once: %d events acknowledged (%d samples, %d tubes opened); in the database: %d "
					+ "of them (lost %d), the round has %d samples of %d people and %d tubes (stored but never "
					+ "acknowledged: %d samples, %d tubes: the devices' last requests when the load stopped)%n",
					ids.length, sampled, opened, stored, lost, samples, people, tubes, samples - sampled, tubes - opened);
			if (lost != 0 || samples != people || samples < sampled || tubes < opened
					|| samples - sampled > option("devices") || tubes - opened > option("devices")) {
				throw new IllegalStateException(run.name() + ": acknowledged events are missing or stored twice");
			}
		}
	}

	private static long single(PreparedStatement statement) throws Exception {
		try (ResultSet rs = statement.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** The backup command against a replica, and the restore command into a new, empty database on the primary. */
	private void backupFromAReplica(Path data) throws Exception {
		int replica = -1;
		int leader = cluster.leader();
		for (int node = 0; node < 3 && replica < 0; node++) {
			if (node != leader && node != cluster.synchronousStandby()) {
				replica = node;
			}
		}
		Path file = data.resolve("frontline.backup");
		Files.deleteIfExists(file);
		String backup = command(Map.of("FRONTLINE_DB_URL", cluster.nodeUrl(replica)), "backup", file.toString());
		cluster.psql(leader, "DROP DATABASE IF EXISTS restored");
		cluster.psql(leader, "CREATE DATABASE restored OWNER frontline");
		String restore = command(Map.of("FRONTLINE_DB_URL", url.replace("/frontline", "/restored")), "restore",
				file.toString());
		System.out.printf("%nbackup from node%d (a replica): %s%nrestore into a new database on the primary: %s%n",
				replica, backup.strip(), restore.strip());
		java.util.regex.Pattern counts = java.util.regex.Pattern.compile(": (\\d+ tables, \\d+ rows) in");
		java.util.regex.Matcher written = counts.matcher(backup);
		java.util.regex.Matcher restored = counts.matcher(restore);
		if (!written.find() || !restored.find() || !written.group(1).equals(restored.group(1))) {
			throw new IllegalStateException("The restore does not hold what the backup holds");
		}
	}

	/** Runs {@code java ... FrontlineApplication ARGS} (the jar's backup and restore commands) and answers its output. */
	private static String command(Map<String, String> environment, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), "org.frontline.FrontlineApplication"));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(environment);
		builder.environment().put("FRONTLINE_DB_USER", PatroniCluster.APP_USER);
		builder.environment().put("FRONTLINE_DB_PASSWORD", PatroniCluster.APP_PASSWORD);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes());
		if (process.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", args) + " failed: " + output);
		}
		return output.lines().filter(l -> l.startsWith(args[0] + " ")).reduce((a, b) -> b).orElse(output);
	}

	private static double percentile(long[] sorted, double p) {
		return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
	}
}
