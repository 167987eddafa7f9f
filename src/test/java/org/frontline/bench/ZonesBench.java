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
import tools.jackson.databind.JsonNode;

/**
 * The lifting board at city scale (issue 19). Generates the demo city (once per data directory), starts Frontline as
 * its own process on a PostgreSQL server (fsync on), and prepares once: 30 daily rounds of the district (through the
 * API), {@code --zones} zones in force through notices (through the API, set 1 to 30 days ago: each compound as a
 * whole under control or in prevention, then its buildings one by one locked down or under control), and what the zones module's
 * listener and round-check job would have written over those 30 days, by set-based SQL (not measured): a positive per
 * {@code --positive-every} residents and day, and each zone's check of each round. Then it reads the district's
 * board ({@code GET /api/v1/zones/board?area=320602}) {@code --repeats} times per run, and checks the board's last
 * positive of every zone against the same figure counted another way in SQL.
 */
public final class ZonesBench {

	private static final String DISTRICT = "320602";

	private static final String PASSWORD = "bench-pass-1";

	private static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Shanghai");

	private final Map<String, String> options;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private String jdbcUrl;

	private int port;

	private ZonesBench(Map<String, String> options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>(Map.of("residents", "2000000", "data", "target/bench-zones",
				"zones", "300", "days", "30", "runs", "5", "repeats", "30", "positive-every", "2000"));
		for (String arg : args) {
			String[] kv = arg.replaceFirst("^--", "").split("=", 2);
			options.put(kv[0], kv.length > 1 ? kv[1] : "true");
		}
		new ZonesBench(options).run();
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
					"--frontline.zones.round-check-job=false", "--logging.level.root=WARN"));
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
				String commander = app.api().as("commander", PASSWORD).token();
				prepare(app.api(), commander);
				bench(commander);
			}
		}
	}

	private void prepare(Api api, String commander) throws Exception {
		int wanted = option("zones");
		try (Connection c = connection()) {
			long inForce = Long.parseLong(single(c, "SELECT count(*) FROM zones_zone WHERE until IS NULL"));
			if (inForce >= wanted) {
				System.out.printf("prepared before: %d zones in force%n", inForce);
				return;
			}
		}
		long t0 = System.nanoTime();
		int days = option("days");
		LocalDate today = LocalDate.now(DISTRICT_ZONE);
		String admin = api.as("admin", PASSWORD).token();
		List<Long> rounds = new ArrayList<>();
		try (Connection c = connection(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT id FROM testing_round WHERE name LIKE '分区压测轮次-%' ORDER BY id")) {
			while (rs.next()) {
				rounds.add(rs.getLong(1));
			}
		}
		for (int day = days - rounds.size(); day >= 1; day--) {
			Instant starts = today.minusDays(day).atTime(7, 0).atZone(DISTRICT_ZONE).toInstant();
			Api.Response created = api.withToken(admin).post("/api/v1/rounds", Map.of("name", "分区压测轮次-" + day,
					"areas", List.of(DISTRICT), "startsAt", starts.toString(), "endsAt",
					starts.plus(Duration.ofHours(12)).toString(), "poolSize", 10));
			if (created.status() != 201) {
				throw new IllegalStateException("Cannot create a round: " + created.body());
			}
			rounds.add(created.json().get("id").asLong());
		}
		List<String> compounds = new ArrayList<>();
		java.util.Set<String> taken = new java.util.HashSet<>();
		long inForce;
		try (Connection c = connection(); Statement s = c.createStatement()) {
			try (ResultSet rs = s.executeQuery("SELECT code FROM area WHERE level = 'COMPOUND' AND code LIKE '"
					+ DISTRICT + "%' ORDER BY code")) {
				while (rs.next()) {
					compounds.add(rs.getString(1));
				}
			}
			try (ResultSet rs = s.executeQuery("SELECT area_code || '/' || coalesce(array_to_string(buildings, ','), '')"
					+ " FROM zones_zone WHERE until IS NULL")) {
				while (rs.next()) {
					taken.add(rs.getString(1));
				}
			}
			inForce = taken.size();
		}
		// A district has fewer compounds than zones: the whole compound (under control or in prevention), then its
		// buildings one by one (locked down or under control).
		Map<Integer, List<Map<String, Object>>> byDay = new HashMap<>();
		int set = 0;
		for (int i = 0; inForce + set < wanted && i < compounds.size() * 50; i++) {
			String compound = compounds.get(i % compounds.size());
			int building = i / compounds.size();
			List<String> buildings = building == 0 ? List.of() : List.of(String.valueOf(building));
			if (!taken.add(compound + "/" + String.join(",", buildings))) {
				continue;
			}
			String level = building == 0 ? (i % 2 == 0 ? "CONTROL" : "PREVENTION")
					: building % 2 == 1 ? "LOCKDOWN" : "CONTROL";
			// One notice a day, as a district publishes them: the zones it set that day.
			byDay.computeIfAbsent(1 + set % days, d -> new ArrayList<>())
				.add(Map.of("area", compound, "buildings", buildings, "level", level));
			set++;
		}
		for (Map.Entry<Integer, List<Map<String, Object>>> day : byDay.entrySet()) {
			Instant from = today.minusDays(day.getKey()).atStartOfDay(DISTRICT_ZONE).toInstant();
			Api.Response published = api.withToken(commander).post("/api/v1/notices", Map.of("title",
					"关于划定风险区域的通告（压测" + day.getKey() + "-" + System.nanoTime() % 100000 + "）", "text", "压测通告",
					"effectiveFrom", from.toString(), "zones", day.getValue()));
			if (published.status() != 201) {
				throw new IllegalStateException("Cannot publish a notice: " + published.body());
			}
		}
		try (Connection c = connection(); Statement s = c.createStatement()) {
			Long[] ids = rounds.toArray(Long[]::new);
			// What PositiveListener writes for each confirmed positive: the resident's compound and building.
			s.executeUpdate("""
					INSERT INTO zones_positive (round_id, person_id, tube_code, area_code, building, found_at)
					SELECT r.id, p.id, 'ZB-' || r.id || '-' || p.id, p.area_code, p.building,
					       r.starts_at + interval '8 hours' + (p.id %% 300) * interval '1 minute'
					FROM testing_round r
					JOIN people_resident p ON (p.id + r.id * 7919) %% %d = 0
					WHERE r.id = ANY('%s'::bigint[])
					ON CONFLICT DO NOTHING
					""".formatted(option("positive-every"), Arrays.toString(ids).replace('[', '{').replace(']', '}')));
			// What the round-check job writes: each zone's residents in each round it was in force for, all sampled,
			// negative unless one of them was positive in it.
			s.executeUpdate("""
					INSERT INTO zones_round_check (zone_id, round_id, round_name, round_began, residents, sampled,
					                               exempted, negative, pending, positive, checked_at, final)
					SELECT z.id, r.id, r.name, r.starts_at, n.residents, n.residents, 0, n.residents - coalesce(x.positive, 0),
					       0, coalesce(x.positive, 0), r.ends_at, true
					FROM zones_zone z
					JOIN testing_round r ON r.starts_at >= z.since AND r.id = ANY('%s'::bigint[])
					CROSS JOIN LATERAL (SELECT count(*) AS residents FROM people_resident p
					                    WHERE p.area_code >= z.area_code AND p.area_code < z.area_code || ':'
					                      AND (z.buildings IS NULL OR p.building = ANY (z.buildings))) n
					LEFT JOIN LATERAL (SELECT count(*) AS positive FROM zones_positive x
					                   WHERE x.round_id = r.id AND x.area_code >= z.area_code
					                     AND x.area_code < z.area_code || ':'
					                     AND (z.buildings IS NULL OR x.building = ANY (z.buildings))) x ON true
					WHERE z.until IS NULL
					ON CONFLICT DO NOTHING
					""".formatted(Arrays.toString(ids).replace('[', '{').replace(']', '}')));
			s.execute("ANALYZE zones_positive; ANALYZE zones_round_check; ANALYZE zones_zone");
			System.out.printf("prepared in %.1f s: %d rounds, %s zones in force, %s positives, %s round checks%n",
					(System.nanoTime() - t0) / 1e9, rounds.size(),
					single(c, "SELECT count(*) FROM zones_zone WHERE until IS NULL"),
					single(c, "SELECT count(*) FROM zones_positive"), single(c, "SELECT count(*) FROM zones_round_check"));
		}
	}

	private void bench(String commander) throws Exception {
		String path = "/api/v1/zones/board?area=" + DISTRICT;
		JsonNode board = new Api(port).withToken(commander).get(path).json();
		check(board);
		try (Connection c = connection()) {
			System.out.printf("city: %s residents; board of %s: %d zones%n", single(c, "SELECT count(*) FROM people_resident"),
					DISTRICT, board.size());
		}
		List<double[]> runs = new ArrayList<>();
		for (int run = 1; run <= option("runs"); run++) {
			double[] board50 = timeGet(path, commander);
			double[] floor = timeGet("/api/v1/zone-rules", commander);
			runs.add(new double[] { board50[0], board50[1], floor[0] });
			System.out.printf("run %d: board median %.1f ms, p99 %.1f ms; floor (GET /api/v1/zone-rules) median %.1f ms%n",
					run, board50[0], board50[1], floor[0]);
		}
		double[] medians = runs.stream().mapToDouble(r -> r[0]).sorted().toArray();
		double[] p99s = runs.stream().mapToDouble(r -> r[1]).sorted().toArray();
		double[] floors = runs.stream().mapToDouble(r -> r[2]).sorted().toArray();
		double median = medians[medians.length / 2];
		System.out.println();
		System.out.printf("summary (%s residents, %d zones, %s days; median of %d runs of %d reads):%n",
				options.get("residents"), board.size(), options.get("days"), runs.size(), option("repeats"));
		System.out.printf("  lifting board of %s  median %6.1f ms  p99 %6.1f ms  (target < 200 ms)  %s%n", DISTRICT,
				median, p99s[p99s.length / 2], median < 200 ? "MET" : "MISSED");
		System.out.printf("  floor: GET /api/v1/zone-rules  median %6.1f ms; board / floor = %.1f%n",
				floors[floors.length / 2], median / floors[floors.length / 2]);
	}

	/** Every zone's last positive on the board against the latest positive of its residents, counted in SQL. */
	private void check(JsonNode board) throws Exception {
		Map<Long, String> expected = new HashMap<>();
		try (Connection c = connection(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("""
						SELECT z.id, (SELECT max(x.found_at) FROM zones_positive x JOIN people_resident p ON p.id = x.person_id
						              WHERE left(p.area_code, length(z.area_code)) = z.area_code
						                AND (z.buildings IS NULL OR p.building = ANY (z.buildings)))
						FROM zones_zone z WHERE z.until IS NULL""")) {
			while (rs.next()) {
				java.sql.Timestamp at = rs.getTimestamp(2);
				expected.put(rs.getLong(1), at == null ? null : at.toInstant().toString());
			}
		}
		int checked = 0;
		for (JsonNode row : board) {
			long id = row.get("zone").get("id").asLong();
			JsonNode last = row.get("lastPositive");
			String got = last == null || last.isNull() ? null : Instant.parse(last.asString()).toString();
			if (!java.util.Objects.equals(got, expected.get(id))) {
				throw new IllegalStateException("Zone " + id + ": the board says " + got + ", SQL " + expected.get(id));
			}
			checked++;
		}
		if (checked != expected.size()) {
			throw new IllegalStateException("The board shows " + checked + " zones, " + expected.size() + " are in force");
		}
		System.out.printf("checked: the last positive of all %d zones on the board matches SQL%n", checked);
	}

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

	private static double percentile(long[] sorted, double p) {
		return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
	}

	private Connection connection() throws java.sql.SQLException {
		return DriverManager.getConnection(jdbcUrl);
	}

	private static String single(Connection c, String sql) throws java.sql.SQLException {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}
}
