package org.frontline.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

import org.frontline.database.EmbeddedDatabase;
import org.frontline.planning.FigureSource;
import org.frontline.planning.internal.Assignment;
import org.frontline.planning.internal.PlanModel;
import org.frontline.planning.internal.PlanModel.CompoundDemand;
import org.frontline.planning.internal.PlanModel.SiteSetup;
import org.frontline.planning.internal.Planner;
import org.frontline.planning.internal.ProposalSearch;
import org.frontline.planning.internal.QueueSimulation;
import org.frontline.planning.internal.SiteDay;
import org.frontline.support.Api;
import org.frontline.support.AppProcess;
import org.frontline.testing.SiteKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/**
 * Speed of the round planner ({@code bench/planner.sh}). Mode {@code engine}: a generated district in memory
 * ({@code --residents}, default 2,000,000, in {@code --sites} compounds with one fixed site of 4 stations each, default
 * 1,000, and a door-to-door team of 2 per ten compounds) planned with {@code --plan-runs} runs (20): the simulation of
 * every site, the proposals, one site's what-if, and the baseline: the same sites simulated by a textbook
 * discrete-event simulation (a person object per resident, a priority queue of arrival and departure events) in the
 * same invocation. Mode {@code api}: the demo city of the scan bench (generated once in {@code --data}) with
 * {@code --sites} sampling sites, a round over the district, {@code POST /api/v1/rounds/{id}/plan} and
 * {@code POST .../plan/what-if} timed end to end. Each figure is the median of {@code --runs} (5) after a warm-up.
 */
public final class PlannerBench {

	private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");

	private final Map<String, String> options;

	private PlannerBench(Map<String, String> options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>(Map.of("residents", "2000000", "sites", "1000", "plan-runs", "20",
				"runs", "5", "modes", "engine", "data", "target/bench-data", "seed", "2022"));
		for (String arg : args) {
			String[] kv = arg.replaceFirst("^--", "").split("=", 2);
			options.put(kv[0], kv.length > 1 ? kv[1] : "true");
		}
		PlannerBench bench = new PlannerBench(options);
		for (String mode : options.get("modes").split(",")) {
			switch (mode) {
				case "engine" -> bench.engine();
				case "api" -> bench.api();
				default -> throw new IllegalArgumentException("Unknown mode " + mode);
			}
		}
	}

	private int option(String name) {
		return Integer.parseInt(options.get(name));
	}

	private void engine() {
		PlanModel model = district();
		int people = model.compounds().stream().mapToInt(CompoundDemand::residents).sum();
		System.out.printf("engine: %,d residents, %,d compounds, %d sites (%d door-to-door teams), %d runs each; "
				+ "%d worker threads (common pool parallelism %d)%n", people, model.compounds().size(),
				model.sites().size(), model.sites().stream().filter(SiteSetup::doorToDoor).count(), model.runs(),
				ForkJoinPool.getCommonPoolParallelism() + 1, ForkJoinPool.getCommonPoolParallelism());
		int runs = option("runs");
		Planner.Evaluation[] last = new Planner.Evaluation[1];
		double[] simulate = time("simulate (assignment, every site, norms)", runs, () -> last[0] = Planner.evaluate(model));
		Planner.Evaluation evaluation = last[0];
		System.out.printf("  sites missing a norm: %d of %d; walk-in people simulated per run: %,d%n",
				evaluation.sites().stream().filter(s -> !s.meetsNorms()).count(), evaluation.sites().size(),
				evaluation.sites().stream().mapToInt(s -> s.runs().people()).sum());
		List<ProposalSearch.Draft>[] drafts = new List[1];
		time("proposals", runs, () -> drafts[0] = ProposalSearch.propose(model, evaluation));
		System.out.printf("  %d proposals%n", drafts[0].size());
		Planner.SiteResult largest = evaluation.sites()
			.stream()
			.max((a, b) -> Integer.compare(a.runs().people(), b.runs().people()))
			.orElseThrow();
		int[] more = largest.setup().stationsPerHour().clone();
		more[1]++;
		more[2]++;
		time("what-if of the largest site (" + largest.runs().people() + " people)", Math.max(runs, 20),
				() -> Planner.simulate(model, largest.setup().withStationsPerHour(more), largest.shares()));

		double[] baselineMeanWait = new double[1];
		double[] baseline = time("baseline: event-queue simulation of the same sites", Math.max(1, runs / 2), () -> {
			baselineMeanWait[0] = evaluation.sites()
				.parallelStream()
				.mapToDouble(site -> EventQueueSimulation.meanWait(site.day(), site.setup().stationsPerHour()[0],
						QueueSimulation.siteSeed(model.seed(), site.setup().stream()), model.runs()))
				.average()
				.orElse(0);
			return null;
		});
		double plannerMeanWait = evaluation.sites().stream().mapToDouble(s -> s.runs().meanWait()).average().orElse(0);
		System.out.printf("  mean wait over the sites: planner %.3f min, baseline %.3f min (same model, other streams)%n",
				plannerMeanWait, baselineMeanWait[0]);
		System.out.printf("engine: simulate median %.2f s; baseline median %.2f s; baseline / simulate = %.1f%n",
				simulate[0], baseline[0], baseline[0] / simulate[0]);
	}

	/** A district of compounds of varied size, one fixed site of 4 stations each, a team of 2 per ten compounds. */
	private PlanModel district() {
		Random random = new Random(Long.parseLong(options.get("seed")));
		int compounds = option("sites");
		int residents = option("residents");
		double[] weights = new double[compounds];
		double total = 0;
		for (int k = 0; k < compounds; k++) {
			weights[k] = Math.exp(0.35 * random.nextGaussian());
			total += weights[k];
		}
		List<CompoundDemand> demands = new ArrayList<>();
		List<SiteSetup> sites = new ArrayList<>();
		int given = 0;
		for (int k = 0; k < compounds; k++) {
			int people = k == compounds - 1 ? residents - given : (int) Math.round(residents * weights[k] / total);
			given += people;
			String community = "320602" + "%03d".formatted(k / 100 + 1) + "%03d".formatted(k / 10 % 10 + 1);
			String code = community + "%03d".formatted(k % 10 + 1);
			demands.add(new CompoundDemand(code, "小区" + k, people, people / 200, people / 12, people / 20));
			int[] schedule = { 4, 4, 4, 4, 4 };
			sites.add(new SiteSetup(k + 1, "采样点" + k, SiteKind.FIXED, code, List.of(code), 4, schedule, 200,
					FigureSource.DEFAULT, SiteSetup.stream(code, SiteKind.FIXED, 0)));
			if (k % 10 == 0) {
				sites.add(new SiteSetup(100_000 + k, "上门队" + k, SiteKind.DOOR_TO_DOOR, community, List.of(community), 2,
						new int[] { 2 }, 3, FigureSource.DEFAULT, SiteSetup.stream(community, SiteKind.DOOR_TO_DOOR, 0)));
			}
		}
		double[] shares = new double[30];
		double[] hourly = { 24, 26, 20, 16, 14 };
		for (int s = 0; s < shares.length; s++) {
			shares[s] = hourly[s / 6];
		}
		return new PlanModel(1, option("plan-runs"), 10, shares, 1.0, 200, 3, 12, new PlanModel.Norms(20, 6, 24),
				new PlanModel.Staffing(2, 2, 4), demands, sites, List.<Assignment.Move>of());
	}

	private void api() throws Exception {
		Path data = Path.of(options.get("data")).toAbsolutePath();
		Files.createDirectories(data);
		try (EmbeddedDatabase database = EmbeddedDatabase.start(data.resolve("db"), 0, options.get("shared-buffers"))) {
			List<String> appArgs = List.of("--frontline.db.url=jdbc:postgresql://localhost:" + database.port() + "/postgres",
					"--frontline.db.user=postgres", "--frontline.db.password=", "--frontline.demo.enabled=true", "--frontline.demo.day=false",
					"--frontline.demo.residents=" + options.get("residents"), "--frontline.demo.password=bench-pass-1",
					"--logging.level.root=WARN");
			try (AppProcess app = new AppProcess(data.resolve("app.log"), appArgs.toArray(String[]::new))) {
				long started = System.nanoTime();
				app.start();
				System.out.printf("api: Frontline up in %.1f s on %s%n", (System.nanoTime() - started) / 1e9, data);
				JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database.jdbcUrl()));
				Api.As admin = app.api().withToken(app.api().as("admin", "bench-pass-1").token());
				prepareSites(jdbc, admin);
				if (options.containsKey("prepare-only")) {
					return;
				}
				long residents = jdbc.sql("SELECT count(*) FROM people_person WHERE area_code LIKE '320602%'")
					.query(Long.class)
					.single();
				Instant start = LocalDate.now(DISTRICT).plusDays(1).atTime(7, 0).atZone(DISTRICT).toInstant();
				Api.Response round = admin.post("/api/v1/rounds", Map.of("name", "规划压测 " + Instant.now(), "areas",
						List.of("320602"), "startsAt", start.toString(), "endsAt", start.plus(Duration.ofDays(1)).toString(),
						"poolSize", 10));
				long roundId = round.json().get("id").asLong();
				String path = "/api/v1/rounds/" + roundId + "/plan";
				JsonNode[] plan = new JsonNode[1];
				int runs = option("runs");
				Map<String, Object> body = Map.of("runs", option("plan-runs"), "seed", 1);
				time("warm-up", 1, () -> admin.post(path, body));
				double[] planned = time("POST " + path + " (" + residents + " residents)", runs, () -> {
					Api.Response response = admin.post(path, body);
					if (response.status() != 201) {
						throw new IllegalStateException(response.body());
					}
					plan[0] = response.json();
					return null;
				});
				JsonNode sites = plan[0].get("sites");
				System.out.printf("  %d sites, %d missing a norm, %d proposals, answer %,d bytes%n", sites.size(),
						plan[0].get("totals").get("sitesMissingNorms").asInt(), plan[0].get("proposals").asInt(),
						Api.json(plan[0]).length());
				JsonNode site = sites.get(0);
				List<Integer> more = new ArrayList<>();
				site.get("stationsPerHour").forEach(h -> more.add(h.asInt() + 1));
				double[] whatIf = time("POST " + path + "/what-if (" + site.get("people").asInt() + " people)", 20,
						() -> admin.post(path + "/what-if", Map.of("siteId", site.get("siteId").asLong(),
								"stationsPerHour", more)));
				System.out.printf("api: plan median %.2f s, what-if median %.0f ms%n", planned[0], whatIf[0] * 1000);
			}
		}
	}

	/** Fixed sites of 4 stations spread over the district's compounds, as the scan bench makes them. */
	private void prepareSites(JdbcClient jdbc, Api.As admin) {
		int wanted = option("sites");
		List<String> compounds = jdbc.sql("SELECT code FROM area WHERE level = 'COMPOUND' AND code LIKE '320602%' ORDER BY code")
			.query(String.class)
			.list();
		long existing = jdbc.sql("SELECT count(*) FROM testing_site").query(Long.class).single();
		for (long i = existing; i < wanted; i++) {
			Api.Response created = admin.post("/api/v1/sites", Map.of("name", "压测采样点" + i, "kind", "FIXED", "area",
					compounds.get((int) (i % compounds.size())), "location", "bench", "stations", 4));
			if (created.status() != 201) {
				throw new IllegalStateException("Cannot create a site: " + created.body());
			}
		}
	}

	/** Runs the task once to warm up, then {@code runs} times; prints and answers the median seconds (and all). */
	private static double[] time(String what, int runs, Supplier<?> task) {
		task.get();
		double[] seconds = new double[runs];
		for (int r = 0; r < runs; r++) {
			long started = System.nanoTime();
			task.get();
			seconds[r] = (System.nanoTime() - started) / 1e9;
		}
		double[] sorted = seconds.clone();
		Arrays.sort(sorted);
		double median = runs % 2 == 1 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2;
		System.out.printf("  %-60s median %8.3f s  (runs: %s)%n", what, median,
				Arrays.stream(seconds).mapToObj(s -> "%.3f".formatted(s)).toList());
		return new double[] { median };
	}

	/**
	 * The textbook way to simulate a site's day, for comparison: every person an object with an arrival event in a
	 * priority queue, a departure event per swab, a first-come-first-served line and c stations staffed all day.
	 */
	static final class EventQueueSimulation {

		private record Event(double at, boolean arrival, Person person) {
		}

		private static final class Person {

			final double arrival;

			Person(double arrival) {
				this.arrival = arrival;
			}
		}

		static double meanWait(SiteDay day, int stations, long seed, int runs) {
			double sum = 0;
			for (int run = 0; run < runs; run++) {
				sum += run(day, stations, new SplittableRandom(seed + run));
			}
			return sum / runs;
		}

		private static double run(SiteDay day, int stations, SplittableRandom random) {
			PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> Double.compare(a.at(), b.at()));
			double[] shares = day.arrivalShares();
			double[] cumulative = new double[shares == null ? 1 : shares.length + 1];
			if (shares != null) {
				double total = Arrays.stream(shares).sum();
				for (int s = 0; s < shares.length; s++) {
					cumulative[s + 1] = cumulative[s] + shares[s] / total;
				}
			}
			for (int i = 0; i < day.people(); i++) {
				double at = 0;
				if (shares != null) {
					double u = random.nextDouble();
					int slot = Arrays.binarySearch(cumulative, u);
					slot = slot >= 0 ? Math.min(slot, shares.length - 1) : -slot - 2;
					at = (slot + random.nextDouble()) * QueueSimulation.SLOT_MINUTES;
				}
				events.add(new Event(at, true, new Person(at)));
			}
			ArrayDeque<Person> line = new ArrayDeque<>();
			int free = stations;
			double waited = 0;
			while (!events.isEmpty()) {
				Event event = events.poll();
				if (event.arrival()) {
					if (free > 0) {
						free--;
						events.add(new Event(event.at() - Math.log(1 - random.nextDouble()) * day.serviceMinutes(), false,
								event.person()));
					}
					else {
						line.add(event.person());
					}
				}
				else if (!line.isEmpty()) {
					Person next = line.poll();
					waited += event.at() - next.arrival;
					events.add(new Event(event.at() - Math.log(1 - random.nextDouble()) * day.serviceMinutes(), false, next));
				}
				else {
					free++;
				}
			}
			return day.people() == 0 ? 0 : waited / day.people();
		}
	}
}
