package org.frontline.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.frontline.database.EmbeddedDatabase;
import org.frontline.enterprise.CreditCode;
import org.frontline.people.ResidentIdNumber;
import org.frontline.support.Api;
import org.frontline.support.AppProcess;

/**
 * Load tool for closed-loop enterprises ({@code bench/enterprise.sh}). On a demo district, prepares (set-based SQL,
 * not measured) {@code --enterprises} enterprises in closed loop with {@code --staff} people on their rosters in all,
 * each loop with today's roster round in which {@code --tested} percent of its staff are sampled (tubes of ten, the
 * rows the scan path writes, coverage counters kept by testing's triggers). Then measures through the API, after a
 * warm-up: one loop's untested list ({@code GET /api/v1/loops/{id}/untested}, a random loop each time), the
 * command's list of all loops ({@code GET /api/v1/loops}), and a roster upload of {@code --upload} rows (CSV, people
 * from elsewhere with valid ID numbers, into a new loop each run). Baselines in the same invocation on the same
 * database server: the untested list's anti-join as one SQL statement, the list's counts as one SQL statement, and the
 * upload's rows inserted as JDBC batches (people and roster rows, one commit). {@code --prepare-only} stops after the
 * preparation (run it under {@code /work/bin/quiet}, the measurement under {@code /work/bin/alone}).
 */
public final class EnterpriseBench {

	private static final String PASSWORD = "bench-pass-1";

	private final Map<String, String> options;

	private String jdbcUrl;

	private EnterpriseBench(Map<String, String> options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>(Map.of("residents", "20000", "data", "target/bench-data-enterprise",
				"enterprises", "5000", "staff", "300000", "tested", "60", "upload", "5000", "runs", "5", "repeats",
				"50", "warmup", "30"));
		for (String arg : args) {
			String[] kv = arg.replaceFirst("^--", "").split("=", 2);
			options.put(kv[0], kv.length > 1 ? kv[1] : "true");
		}
		new EnterpriseBench(options).run();
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
					"--frontline.enterprise.loop-jobs=false", "--logging.level.root=WARN"));
			if (options.containsKey("app-args")) {
				appArgs.addAll(Arrays.asList(options.get("app-args").split(" ")));
			}
			jdbcUrl = database.jdbcUrl();
			try (AppProcess app = new AppProcess(data.resolve("app.log"), appArgs.toArray(String[]::new))) {
				long started = System.nanoTime();
				app.start();
				System.out.printf("Frontline up in %.1f s on %s%n", (System.nanoTime() - started) / 1e9, data);
				prepare();
				if (!options.containsKey("prepare-only")) {
					bench(app.api());
				}
			}
		}
	}

	private Connection connection() throws java.sql.SQLException {
		return DriverManager.getConnection(jdbcUrl);
	}

	private static String single(Connection c, String sql) throws java.sql.SQLException {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			return rs.next() ? rs.getString(1) : null;
		}
	}

	private static long update(Connection c, String sql) throws java.sql.SQLException {
		try (Statement s = c.createStatement()) {
			return s.executeLargeUpdate(sql);
		}
	}

	/** Enterprises, loops, rosters, today's rounds and samples, unless the data directory has them already. */
	private void prepare() throws Exception {
		int enterprises = option("enterprises");
		int staff = option("staff");
		try (Connection c = connection()) {
			long have = Long.parseLong(single(c, "SELECT count(*) FROM enterprise_enterprise WHERE name LIKE '压测企业%'"));
			String zone = single(c, "SHOW timezone");
			LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
			if (have >= enterprises && single(c, "SELECT 1 FROM enterprise_loop_day d JOIN enterprise_loop l ON l.id = d.loop_id "
					+ "JOIN enterprise_enterprise e ON e.id = l.enterprise_id WHERE e.name LIKE '压测企业%' AND d.day = '" + today
					+ "' LIMIT 1") != null) {
				System.out.printf("Prepared data found: %d enterprises%n", have);
				return;
			}
			long t0 = System.nanoTime();
			c.setAutoCommit(false);
			List<String> compounds = new ArrayList<>();
			try (ResultSet rs = c.createStatement()
				.executeQuery("SELECT code FROM area WHERE level = 'COMPOUND' AND code LIKE '320602%' ORDER BY code")) {
				while (rs.next()) {
					compounds.add(rs.getString(1));
				}
			}
			update(c, "CREATE TEMP TABLE bench_enterprise (n int, name text, code text, area text) ON COMMIT DROP");
			try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_enterprise VALUES (?, ?, ?, ?)")) {
				for (int n = (int) have; n < enterprises; n++) {
					String first17 = "91320602MB%07d".formatted(n);
					insert.setInt(1, n);
					insert.setString(2, "压测企业" + n);
					insert.setString(3, first17 + CreditCode.checkCharacter(first17));
					insert.setString(4, compounds.get(n % compounds.size()));
					insert.addBatch();
				}
				insert.executeBatch();
			}
			update(c, """
					INSERT INTO enterprise_enterprise (name, credit_code, area_code, industry, staff_count)
					SELECT name, code, area, '制造业', %d FROM bench_enterprise ON CONFLICT DO NOTHING
					""".formatted(staff / enterprises));
			update(c, """
					INSERT INTO enterprise_loop (enterprise_id, notice, starts_at, started_by)
					SELECT e.id, '压测', date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai', 'bench'
					FROM enterprise_enterprise e WHERE e.name LIKE '压测企业%'
					  AND NOT EXISTS (SELECT 1 FROM enterprise_loop l WHERE l.enterprise_id = e.id AND l.ends_at IS NULL)
					""");
			int perLoop = staff / enterprises;
			// Staff from elsewhere: people of the registry with a passport-like document, in their enterprise's compound.
			update(c, """
					INSERT INTO people_person (name, id_type, id_number, phone, area_code, building, room, tags)
					SELECT '员工' || l.id || '-' || k, 'OTHER', 'BENCH-' || l.id || '-' || k, NULL, e.area_code,
					       '宿舍' || (k %% 2 + 1), (100 + k / 4)::text, '{}'
					FROM enterprise_loop l JOIN enterprise_enterprise e ON e.id = l.enterprise_id
					CROSS JOIN generate_series(1, %d) AS k
					WHERE e.name LIKE '压测企业%%' AND l.ends_at IS NULL
					ON CONFLICT DO NOTHING
					""".formatted(perLoop));
			update(c, """
					INSERT INTO enterprise_member (loop_id, person_id, shift_group, building, room, bedding, joined_at)
					SELECT l.id, p.id, 'G' || (p.id %% 3), p.building, p.room, true, l.starts_at
					FROM enterprise_loop l JOIN enterprise_enterprise e ON e.id = l.enterprise_id
					JOIN people_person p ON p.id_type = 'OTHER' AND p.id_number LIKE 'BENCH-' || l.id || '-%%'
					WHERE e.name LIKE '压测企业%%' AND l.ends_at IS NULL
					ON CONFLICT DO NOTHING
					""".formatted());
			update(c, """
					CREATE TEMP TABLE bench_round ON COMMIT DROP AS
					SELECT l.id AS loop_id, e.area_code, nextval('testing_round_id_seq') AS round_id
					FROM enterprise_loop l JOIN enterprise_enterprise e ON e.id = l.enterprise_id
					WHERE e.name LIKE '压测企业%' AND l.ends_at IS NULL
					  AND NOT EXISTS (SELECT 1 FROM enterprise_loop_day d WHERE d.loop_id = l.id AND d.day = '""" + today + "')");
			update(c, """
					INSERT INTO testing_round (id, name, starts_at, ends_at, pool_size, status, opened_at, roster)
					SELECT round_id, '压测闭环 ' || loop_id, date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai',
					       date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai' + interval '1 day', 10, 'OPEN', now(), true
					FROM bench_round
					""");
			update(c, "INSERT INTO testing_round_area (round_id, area_code) SELECT round_id, area_code FROM bench_round");
			update(c, "INSERT INTO enterprise_loop_day (loop_id, day, round_id) SELECT loop_id, '" + today + "', round_id FROM bench_round");
			update(c, """
					INSERT INTO testing_round_member (round_id, person_id)
					SELECT r.round_id, m.person_id FROM bench_round r JOIN enterprise_member m ON m.loop_id = r.loop_id AND m.left_at IS NULL
					""");
			String site = single(c, "SELECT id FROM testing_site WHERE name = '压测闭环采样点'");
			if (site == null) {
				site = single(c, "INSERT INTO testing_site (name, kind, area_code, stations, open) VALUES ('压测闭环采样点', 'TEMPORARY', '320602', 4, true) RETURNING id");
			}
			int tested = option("tested");
			update(c, """
					CREATE TEMP TABLE bench_sample ON COMMIT DROP AS
					SELECT r.round_id, m.person_id, (row_number() OVER (PARTITION BY r.round_id ORDER BY m.person_id) - 1) / 10 AS tube_no
					FROM bench_round r JOIN enterprise_member m ON m.loop_id = r.loop_id
					WHERE m.person_id %% 100 < %d
					""".formatted(tested));
			update(c, """
					INSERT INTO testing_tube (code, round_id, site_id, pool_size, samples, status, opened_at, opened_by, sealed_at, sealed_by)
					SELECT 'EB' || round_id || '-' || tube_no, round_id, %s, 10, count(*), 'SEALED', now(), 'bench', now(), 'bench'
					FROM bench_sample GROUP BY round_id, tube_no
					""".formatted(site));
			update(c, """
					INSERT INTO testing_sample (tube_id, round_id, site_id, person_id, sampled_at, sampled_by, resample)
					SELECT t.id, s.round_id, %s, s.person_id, now(), 'bench', false
					FROM bench_sample s JOIN testing_tube t ON t.code = 'EB' || s.round_id || '-' || s.tube_no
					""".formatted(site));
			c.commit();
			c.setAutoCommit(true);
			update(c, "ANALYZE");
			System.out.printf("Prepared %s enterprises in loop, %s staff on rosters, %s sampled today in %.1f s (db zone %s)%n",
					single(c, "SELECT count(*) FROM enterprise_loop WHERE ends_at IS NULL"),
					single(c, "SELECT count(*) FROM enterprise_member WHERE left_at IS NULL"),
					single(c, "SELECT count(*) FROM testing_sample s JOIN enterprise_loop_day d ON d.round_id = s.round_id WHERE d.day = '" + today + "'"),
					(System.nanoTime() - t0) / 1e9, zone);
		}
	}

	private void bench(Api api) throws Exception {
		Api.As admin = api.as("admin", PASSWORD);
		List<Long> loops = new ArrayList<>();
		try (Connection c = connection(); ResultSet rs = c.createStatement().executeQuery(
				"SELECT l.id FROM enterprise_loop l JOIN enterprise_enterprise e ON e.id = l.enterprise_id WHERE e.name LIKE '压测企业%' AND l.ends_at IS NULL ORDER BY l.id")) {
			while (rs.next()) {
				loops.add(rs.getLong(1));
			}
		}
		Random random = new Random(7);
		int repeats = option("repeats");
		long warmupEnd = System.nanoTime() + option("warmup") * 1_000_000_000L;
		while (System.nanoTime() < warmupEnd) {
			check(admin.get("/api/v1/loops/" + loops.get(random.nextInt(loops.size())) + "/untested?size=100"));
			check(admin.get("/api/v1/loops"));
		}
		List<Double> untested = new ArrayList<>();
		List<Double> untestedBase = new ArrayList<>();
		List<Double> list = new ArrayList<>();
		List<Double> listBase = new ArrayList<>();
		List<Double> upload = new ArrayList<>();
		List<Double> uploadBase = new ArrayList<>();
		int listed = 0;
		for (int run = 1; run <= option("runs"); run++) {
			long[] u = new long[repeats];
			long[] ub = new long[repeats];
			long[] l = new long[repeats];
			long[] lb = new long[repeats];
			try (Connection c = connection()) {
				for (int i = 0; i < repeats; i++) {
					long loop = loops.get(random.nextInt(loops.size()));
					long t = System.nanoTime();
					Api.Response answer = check(admin.get("/api/v1/loops/" + loop + "/untested?size=100"));
					u[i] = System.nanoTime() - t;
					if (i == 0 && run == 1) {
						System.out.printf("A loop's untested list: %s of its staff untested%n",
								answer.json().get("total").asLong());
					}
					t = System.nanoTime();
					baselineUntested(c, loop);
					ub[i] = System.nanoTime() - t;
					t = System.nanoTime();
					Api.Response all = check(admin.get("/api/v1/loops"));
					l[i] = System.nanoTime() - t;
					listed = all.json().size();
					t = System.nanoTime();
					baselineList(c);
					lb[i] = System.nanoTime() - t;
				}
			}
			untested.add(median(u) / 1e6);
			untestedBase.add(median(ub) / 1e6);
			list.add(median(l) / 1e6);
			listBase.add(median(lb) / 1e6);
			double[] up = upload(admin, run);
			upload.add(up[0]);
			uploadBase.add(up[1]);
			System.out.printf("run %d: untested list median %.1f ms (p95 %.1f; SQL alone %.1f), list of %d loops median %.1f ms "
					+ "(p95 %.1f; SQL alone %.1f), roster upload of %d rows %.2f s (JDBC batches %.2f s)%n", run,
					median(u) / 1e6, p95(u) / 1e6, median(ub) / 1e6, listed, median(l) / 1e6, p95(l) / 1e6,
					median(lb) / 1e6, option("upload"), up[0], up[1]);
		}
		System.out.printf("MEDIAN of %d runs: untested %.1f ms (baseline %.1f, x%.1f); list of %d loops %.1f ms (baseline %.1f, x%.1f); "
				+ "upload of %d rows %.2f s (baseline %.2f, x%.1f)%n", option("runs"), med(untested), med(untestedBase),
				med(untested) / med(untestedBase), listed, med(list), med(listBase), med(list) / med(listBase),
				option("upload"), med(upload), med(uploadBase), med(upload) / med(uploadBase));
	}

	private void baselineUntested(Connection c, long loop) throws java.sql.SQLException {
		try (PreparedStatement s = c.prepareStatement("""
				SELECT p.id, p.name, p.phone, m.shift_group, m.room FROM testing_round_member t
				JOIN people_resident p ON p.id = t.person_id
				JOIN enterprise_loop_day d ON d.round_id = t.round_id
				LEFT JOIN enterprise_member m ON m.loop_id = d.loop_id AND m.person_id = t.person_id
				WHERE d.loop_id = ? AND d.day = ?
				  AND NOT EXISTS (SELECT 1 FROM testing_sample s WHERE s.round_id = t.round_id AND s.person_id = t.person_id AND s.removed_at IS NULL)
				ORDER BY p.name, p.id LIMIT 100
				""")) {
			s.setLong(1, loop);
			s.setObject(2, LocalDate.now(ZoneId.of("Asia/Shanghai")));
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					rs.getLong(1);
				}
			}
		}
	}

	private void baselineList(Connection c) throws java.sql.SQLException {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
				SELECT l.id, e.name, (SELECT count(*) FROM enterprise_member m WHERE m.loop_id = l.id AND m.left_at IS NULL),
				       (SELECT sum(sampled) FROM testing_coverage_count k JOIN enterprise_loop_day d ON d.round_id = k.round_id
				        WHERE d.loop_id = l.id AND d.day = '%s')
				FROM enterprise_loop l JOIN enterprise_enterprise e ON e.id = l.enterprise_id WHERE l.ends_at IS NULL
				""".formatted(LocalDate.now(ZoneId.of("Asia/Shanghai"))))) {
			while (rs.next()) {
				rs.getLong(1);
			}
		}
	}

	/** A roster of new staff uploaded as CSV into a new loop; then the same rows as JDBC batches into another. */
	private double[] upload(Api.As admin, int run) throws Exception {
		int rows = option("upload");
		String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		long[] ids = new long[2];
		for (int k = 0; k < 2; k++) {
			String first17 = "91320602MC%07d".formatted((int) (System.nanoTime() % 10_000_000) + k);
			Api.Response enterprise = check(admin.post("/api/v1/enterprises", Map.of("name", "上传压测" + suffix + k,
					"creditCode", first17 + CreditCode.checkCharacter(first17), "area", "320602001001001")));
			ids[k] = check(admin.post("/api/v1/enterprises/" + enterprise.json().get("id").asLong() + "/loops", Map.of()))
				.json().get("id").asLong();
		}
		Random random = new Random(run * 31L + System.nanoTime());
		StringBuilder csv = new StringBuilder("姓名,证件号码,手机,班组,宿舍楼,房间\n");
		List<String[]> people = new ArrayList<>();
		java.util.Set<String> seen = new java.util.HashSet<>();
		while (people.size() < rows) {
			String first17 = "%06d%04d%02d%02d%03d".formatted(110101 + random.nextInt(500) * 100, 1960 + random.nextInt(45),
					1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(1000));
			String id = first17 + ResidentIdNumber.checkCharacter(first17);
			if (!seen.add(id)) {
				continue;
			}
			String[] p = { "员工" + people.size(), id, "139" + "%08d".formatted(random.nextInt(100_000_000)),
					"G" + people.size() % 3, "1号楼", String.valueOf(101 + people.size() / 4) };
			people.add(p);
			csv.append(String.join(",", p)).append('\n');
		}
		long t = System.nanoTime();
		Api.Response answer = check(admin.postRaw("/api/v1/loops/" + ids[0] + "/roster", "text/csv",
				csv.toString().getBytes(StandardCharsets.UTF_8)));
		double seconds = (System.nanoTime() - t) / 1e9;
		long accepted = 0;
		for (var a : answer.json()) {
			if (a.get("status").asString().equals("ACCEPTED")) {
				accepted++;
			}
		}
		if (accepted != rows) {
			System.out.printf("  upload: only %d of %d rows accepted%n", accepted, rows);
		}
		t = System.nanoTime();
		try (Connection c = connection()) {
			c.setAutoCommit(false);
			try (PreparedStatement person = c.prepareStatement("""
					INSERT INTO people_person (name, id_type, id_number, phone, area_code, building, room, tags)
					VALUES (?, 'OTHER', ?, ?, '320602001001001', ?, ?, '{}') RETURNING id""", Statement.RETURN_GENERATED_KEYS);
					PreparedStatement member = c.prepareStatement("""
							INSERT INTO enterprise_member (loop_id, person_id, shift_group, building, room, joined_at)
							VALUES (?, ?, ?, ?, ?, now())""")) {
				for (String[] p : people) {
					person.setString(1, p[0]);
					person.setString(2, "B" + p[1] + suffix);
					person.setString(3, p[2]);
					person.setString(4, p[4]);
					person.setString(5, p[5]);
					person.addBatch();
				}
				person.executeBatch();
				int i = 0;
				try (ResultSet keys = person.getGeneratedKeys()) {
					while (keys.next()) {
						String[] p = people.get(i++);
						member.setLong(1, ids[1]);
						member.setLong(2, keys.getLong(1));
						member.setString(3, p[3]);
						member.setString(4, p[4]);
						member.setString(5, p[5]);
						member.addBatch();
					}
				}
				member.executeBatch();
			}
			c.commit();
		}
		return new double[] { seconds, (System.nanoTime() - t) / 1e9 };
	}

	private static Api.Response check(Api.Response response) {
		if (response.status() >= 300) {
			throw new IllegalStateException(response.status() + " " + response.body());
		}
		return response;
	}

	private static double median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static double p95(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
	}

	private static double med(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(null);
		return sorted.get(sorted.size() / 2);
	}
}
