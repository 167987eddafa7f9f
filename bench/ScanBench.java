import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Drives POST /api/v1/scans of a running Frontline in two modes and measures the baseline of the same rows inserted
 * straight with JDBC batches on the same database server.
 *
 * <pre>
 * java -cp "$(cat target/bench-classpath.txt)" bench/ScanBench.java --port 18080 --db-port 54329 --password bench-pass
 * </pre>
 */
public class ScanBench {

	static String base;

	static String token;

	static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	static Map<String, String> options = new HashMap<>(Map.of("port", "18080", "db-port", "54329", "password",
			"bench-pass", "sites", "1000", "seconds", "30", "devices", "1000", "batch", "100", "batch-devices", "8",
			"modes", "ab"));

	public static void main(String[] args) throws Exception {
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		base = "http://localhost:" + options.get("port");
		int seconds = Integer.parseInt(options.get("seconds"));
		int devices = Integer.parseInt(options.get("devices"));
		int batch = Integer.parseInt(options.get("batch"));
		int batchDevices = Integer.parseInt(options.get("batch-devices"));
		int siteCount = Integer.parseInt(options.get("sites"));
		token = awaitDemo();
		try (Connection db = DriverManager.getConnection(
				"jdbc:postgresql://localhost:" + options.get("db-port") + "/postgres?reWriteBatchedInserts=true",
				"postgres", "postgres")) {
			long[] people = people(db);
			byte[] secret = secret(db);
			System.out.printf("city: %,d residents, secret shared through the database%n", people.length);
			long[] sites = sites(db, siteCount);
			System.out.printf("sites: %,d%n", sites.length);
			String[] codes = new String[people.length];
			for (int i = 0; i < people.length; i++) {
				codes[i] = sign(secret, people[i], 1);
			}
			if (options.getOrDefault("modes", "ab").contains("a")) {
				Result a = drive("a: online devices, 1 event per request", round(), sites, codes, devices, 1, seconds);
				a.print();
			}
			if (options.getOrDefault("modes", "ab").contains("b")) {
				Result b = drive("b: offline sync, " + batch + " events per request", round(), sites, codes,
						batchDevices, batch, seconds);
				b.print();
				double baseline = baseline(db, round(), sites, people, batchDevices, batch, seconds);
				System.out.printf("baseline: JDBC batches of %d, %d connections: %,.0f events/s%n", batch, batchDevices,
						baseline);
				System.out.printf("ratio b / baseline: %.2f%n", b.eventsPerSecond() / baseline);
			}
		}
	}

	record Result(String name, long events, long accepted, long requests, double seconds, long[] latencies) {

		double eventsPerSecond() {
			return accepted / seconds;
		}

		void print() {
			Arrays.sort(latencies);
			System.out.printf("%s: %,.0f events/s accepted (%,d of %,d events, %,d requests in %.1f s), "
					+ "latency p50 %.1f ms, p99 %.1f ms%n", name, eventsPerSecond(), accepted, events, requests, seconds,
					percentile(0.50), percentile(0.99));
		}

		double percentile(double p) {
			return latencies.length == 0 ? 0 : latencies[(int) Math.min(latencies.length - 1, p * latencies.length)] / 1e6;
		}
	}

	static Result drive(String name, long round, long[] sites, String[] codes, int devices, int perRequest,
			int seconds) throws Exception {
		AtomicInteger nextPerson = new AtomicInteger();
		AtomicLong events = new AtomicLong();
		AtomicLong accepted = new AtomicLong();
		AtomicLong requests = new AtomicLong();
		long warmupEnd = System.nanoTime() + Duration.ofSeconds(3).toNanos();
		long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
		List<long[]> latencyLists = new ArrayList<>();
		CountDownLatch done = new CountDownLatch(devices);
		for (int d = 0; d < devices; d++) {
			long[] latencies = new long[2_000_000 / devices + 1000];
			latencyLists.add(latencies);
			int device = d;
			Thread thread = new Thread(() -> {
				int n = 0;
				long site = sites[device % sites.length];
				String tube = null;
				int inTube = 0;
				try {
					while (System.nanoTime() < end) {
						StringBuilder body = new StringBuilder("{\"deviceId\":\"bench-" + device + "\",\"events\":[");
						int count = 0;
						while (count < perRequest) {
							if (count > 0) {
								body.append(',');
							}
							if (tube == null || inTube == 10) {
								tube = "B" + round + "-" + device + "-" + UUID.randomUUID().toString().substring(0, 8);
								inTube = 0;
								body.append(event("TUBE_OPENED", "\"roundId\":" + round + ",\"siteId\":" + site
										+ ",\"tubeCode\":\"" + tube + "\""));
							}
							else {
								int person = nextPerson.getAndIncrement() % codes.length;
								body.append(event("SAMPLED", "\"tubeCode\":\"" + tube + "\",\"personCode\":\""
										+ codes[person] + "\""));
								inTube++;
							}
							count++;
						}
						body.append("]}");
						long started = System.nanoTime();
						String answer = post("/api/v1/scans", body.toString());
						long took = System.nanoTime() - started;
						if (started >= warmupEnd && System.nanoTime() <= end) {
							int ok = countOf(answer, "\"ACCEPTED\"");
							events.addAndGet(count);
							accepted.addAndGet(ok);
							requests.incrementAndGet();
							if (n < latencies.length) {
								latencies[n++] = took;
							}
						}
					}
				}
				catch (Exception ex) {
					System.err.println("device " + device + ": " + ex);
				}
				finally {
					latencies[latencies.length - 1] = n;
					done.countDown();
				}
			});
			thread.setDaemon(true);
			thread.start();
		}
		done.await();
		int total = 0;
		for (long[] l : latencyLists) {
			total += (int) l[l.length - 1];
		}
		long[] all = new long[total];
		int at = 0;
		for (long[] l : latencyLists) {
			int n = (int) l[l.length - 1];
			System.arraycopy(l, 0, all, at, n);
			at += n;
		}
		return new Result(name, events.get(), accepted.get(), requests.get(), seconds, all);
	}

	/** The same rows a sampling batch stores, inserted straight with JDBC batches, one commit per batch. */
	static double baseline(Connection admin, long round, long[] sites, long[] people, int connections, int batch,
			int seconds) throws Exception {
		AtomicLong events = new AtomicLong();
		AtomicInteger nextPerson = new AtomicInteger();
		long warmupEnd = System.nanoTime() + Duration.ofSeconds(3).toNanos();
		long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
		String url = "jdbc:postgresql://localhost:" + options.get("db-port") + "/postgres?reWriteBatchedInserts=true";
		CountDownLatch done = new CountDownLatch(connections);
		for (int c = 0; c < connections; c++) {
			int connection = c;
			Thread thread = new Thread(() -> {
				try (Connection db = DriverManager.getConnection(url, "postgres", "postgres")) {
					db.setAutoCommit(false);
					long site = sites[connection % sites.length];
					PreparedStatement tubes = db.prepareStatement("""
							INSERT INTO testing_tube (code, round_id, site_id, pool_size, samples, status, opened_at, opened_by)
							VALUES (?, ?, ?, 10, 10, 'SEALED', now(), 'baseline') RETURNING id""");
					PreparedStatement scans = db.prepareStatement("""
							INSERT INTO testing_scan_event (event_id, device_id, type, username, at, received_at, status, tube_code)
							VALUES (?, 'baseline', ?, 'baseline', now(), now(), 'ACCEPTED', ?)""");
					PreparedStatement samples = db.prepareStatement("""
							INSERT INTO testing_sample (tube_id, round_id, site_id, person_id, sampled_at, sampled_by, resample)
							VALUES (?, ?, ?, ?, now(), 'baseline', true)""");
					while (System.nanoTime() < end) {
						int count = 0;
						while (count < batch) {
							String code = "J" + round + "-" + UUID.randomUUID().toString().substring(0, 13);
							tubes.setString(1, code);
							tubes.setLong(2, round);
							tubes.setLong(3, site);
							long tube;
							try (ResultSet rs = tubes.executeQuery()) {
								rs.next();
								tube = rs.getLong(1);
							}
							scans.setObject(1, UUID.randomUUID());
							scans.setString(2, "TUBE_OPENED");
							scans.setString(3, code);
							scans.addBatch();
							count++;
							for (int i = 0; i < 10 && count < batch; i++, count++) {
								scans.setObject(1, UUID.randomUUID());
								scans.setString(2, "SAMPLED");
								scans.setString(3, code);
								scans.addBatch();
								samples.setLong(1, tube);
								samples.setLong(2, round);
								samples.setLong(3, site);
								samples.setLong(4, people[nextPerson.getAndIncrement() % people.length]);
								samples.addBatch();
							}
						}
						scans.executeBatch();
						samples.executeBatch();
						db.commit();
						if (System.nanoTime() >= warmupEnd && System.nanoTime() <= end) {
							events.addAndGet(count);
						}
					}
				}
				catch (Exception ex) {
					System.err.println("baseline " + connection + ": " + ex);
				}
				finally {
					done.countDown();
				}
			});
			thread.start();
		}
		done.await();
		return events.get() / (double) seconds;
	}

	static String event(String type, String fields) {
		return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"at\":\"" + Instant.now() + "\","
				+ fields + "}";
	}

	static int countOf(String text, String needle) {
		int count = 0;
		for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
			count++;
		}
		return count;
	}

	/** Waits until the demo city is loaded (its testing round is the last thing loaded) and signs in. */
	static String awaitDemo() throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
		while (true) {
			try {
				token = login();
				HttpResponse<String> rounds = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/rounds"))
					.header("Authorization", "Bearer " + token)
					.GET()
					.build(), HttpResponse.BodyHandlers.ofString());
				if (rounds.body().contains("崇川区第3轮全员核酸检测")) {
					return token;
				}
			}
			catch (Exception notYet) {
				if (System.nanoTime() > deadline) {
					throw notYet;
				}
			}
			Thread.sleep(2000);
		}
	}

	static String login() throws Exception {
		String answer = send("/api/v1/auth/login",
				"{\"username\":\"admin\",\"password\":\"" + options.get("password") + "\"}", null);
		int start = answer.indexOf("\"token\":\"") + 9;
		return answer.substring(start, answer.indexOf('"', start));
	}

	static String post(String path, String body) throws Exception {
		return send(path, body, token);
	}

	static String send(String path, String body, String bearer) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(120))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	static long round() throws Exception {
		Instant now = Instant.now();
		String answer = post("/api/v1/rounds", "{\"name\":\"bench " + UUID.randomUUID() + "\",\"areas\":[\"320602\"],"
				+ "\"startsAt\":\"" + now.minusSeconds(3600) + "\",\"endsAt\":\"" + now.plusSeconds(86400)
				+ "\",\"poolSize\":10}");
		long id = Long.parseLong(answer.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
		post("/api/v1/rounds/" + id + "/open", "");
		return id;
	}

	static long[] sites(Connection db, int count) throws Exception {
		List<String> compounds = new ArrayList<>();
		try (Statement st = db.createStatement();
				ResultSet rs = st.executeQuery("SELECT code FROM area WHERE level = 'COMPOUND' ORDER BY code")) {
			while (rs.next()) {
				compounds.add(rs.getString(1));
			}
		}
		int existing;
		try (Statement st = db.createStatement();
				ResultSet rs = st.executeQuery("SELECT count(*) FROM testing_site WHERE name LIKE 'bench %'")) {
			rs.next();
			existing = rs.getInt(1);
		}
		for (int i = existing; i < count; i++) {
			post("/api/v1/sites", "{\"name\":\"bench " + i + "\",\"kind\":\"FIXED\",\"area\":\""
					+ compounds.get(i % compounds.size()) + "\",\"location\":\"bench\",\"stations\":4}");
		}
		List<Long> ids = new ArrayList<>();
		try (Statement st = db.createStatement();
				ResultSet rs = st.executeQuery("SELECT id FROM testing_site WHERE name LIKE 'bench %' ORDER BY id")) {
			while (rs.next()) {
				ids.add(rs.getLong(1));
			}
		}
		return ids.stream().mapToLong(Long::longValue).toArray();
	}

	static long[] people(Connection db) throws Exception {
		List<Long> ids = new ArrayList<>();
		try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM people_person ORDER BY id")) {
			while (rs.next()) {
				ids.add(rs.getLong(1));
			}
		}
		return ids.stream().mapToLong(Long::longValue).toArray();
	}

	static byte[] secret(Connection db) throws Exception {
		// The application makes the secret when it first needs one; reading one code makes sure it exists.
		long first;
		try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT min(id) FROM people_person")) {
			rs.next();
			first = rs.getLong(1);
		}
		HttpResponse<String> code = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/people/" + first + "/code"))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		if (code.statusCode() != 200) {
			throw new IllegalStateException("Reading a code answered " + code.statusCode() + ": " + code.body());
		}
		try (Statement st = db.createStatement();
				ResultSet rs = st.executeQuery("SELECT secret FROM people_code_secret WHERE id = 1")) {
			rs.next();
			return rs.getBytes(1);
		}
	}

	static String sign(byte[] secret, long personId, int version) throws Exception {
		String body = "FL1." + personId + "." + version;
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret, "HmacSHA256"));
		return body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(
				mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)), 16));
	}
}
