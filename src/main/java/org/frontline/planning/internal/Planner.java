package org.frontline.planning.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.frontline.planning.PlanNorm;
import org.frontline.planning.SitePlan;
import org.frontline.planning.Violation;
import org.frontline.planning.internal.PlanModel.CompoundDemand;
import org.frontline.planning.internal.PlanModel.SiteSetup;

/**
 * Makes a round's plan from its model: assigns the compounds to sites and teams, simulates every site (in parallel;
 * each site has its own random streams, so the result does not depend on the order) and checks the norms.
 */
public final class Planner {

	private static final int SLOTS_PER_HOUR = 60 / QueueSimulation.SLOT_MINUTES;

	private Planner() {
	}

	/** A site's part of the plan: what it was simulated with and what came out. */
	public record SiteResult(SiteSetup setup, Map<String, Integer> shares, SiteDay day, SiteRuns runs, SitePlan plan) {

		public boolean meetsNorms() {
			return plan.meetsNorms();
		}
	}

	/** The simulated plan: every site (those missing a norm first), the assignment, and the round's violations. */
	public record Evaluation(List<SiteResult> sites, Assignment.Result assignment, List<Violation> violations) {

		public boolean meetsNorms() {
			return violations.isEmpty();
		}

		public SiteResult site(long id) {
			return sites.stream().filter(s -> s.setup().id() == id).findFirst().orElse(null);
		}
	}

	public static Evaluation evaluate(PlanModel model) {
		Assignment.Result assignment = assign(model);
		List<SiteResult> sites = model.sites()
			.parallelStream()
			.map(site -> simulate(model, site, shares(assignment, site)))
			.sorted(Comparator.comparing((SiteResult s) -> s.meetsNorms())
				.thenComparing(s -> -s.plan().worstWaitP90())
				.thenComparing(s -> -(s.runs().doneP90()))
				.thenComparingLong(s -> s.setup().id()))
			.toList();
		List<Violation> violations = new ArrayList<>();
		sites.forEach(s -> violations.addAll(s.plan().violations()));
		assignment.walkInUnserved()
			.forEach((compound, people) -> violations.add(new Violation(PlanNorm.SERVED, null, compound, people, 0, null, null)));
		assignment.doorToDoorUnserved()
			.forEach((compound, people) -> violations.add(new Violation(PlanNorm.SERVED, null, compound, people, 0, null, null)));
		return new Evaluation(sites, assignment, violations);
	}

	public static Assignment.Result assign(PlanModel model) {
		List<Assignment.Demand> demands = model.compounds()
			.stream()
			.map(c -> new Assignment.Demand(c.code(), c.walkIn(), c.doorToDoor()))
			.toList();
		List<Assignment.Place> places = model.sites()
			.stream()
			.map(s -> new Assignment.Place(s.id(), s.doorToDoor(), s.serves(), s.stations()))
			.toList();
		return Assignment.assign(demands, places, model.moves());
	}

	static Map<String, Integer> shares(Assignment.Result assignment, SiteSetup site) {
		Map<String, Integer> shares = site.doorToDoor() ? assignment.doorToDoor().get(site.id())
				: assignment.walkIn().get(site.id());
		return shares == null ? Map.of() : shares;
	}

	/** Simulates one site serving these people per compound with its setup's stations. */
	public static SiteResult simulate(PlanModel model, SiteSetup site, Map<String, Integer> shares) {
		int people = shares.values().stream().mapToInt(Integer::intValue).sum();
		SiteDay day = day(model, site, people);
		SiteRuns runs = QueueSimulation.simulate(day, QueueSimulation.siteSeed(model.seed(), site.stream()), model.runs());
		return new SiteResult(site, shares, day, runs, describe(model, site, shares, runs));
	}

	static SiteDay day(PlanModel model, SiteSetup site, int people) {
		int[] perHour = site.stationsPerHour();
		int[] perSlot = new int[perHour.length * SLOTS_PER_HOUR];
		for (int s = 0; s < perSlot.length; s++) {
			perSlot[s] = perHour[s / SLOTS_PER_HOUR];
		}
		return new SiteDay(people, site.doorToDoor() ? null : model.arrivalShares(), perSlot, 60.0 / site.ratePerHour(),
				model.serviceCv(), model.poolSize());
	}

	/** The norms this site's runs miss. */
	public static List<Violation> check(PlanModel model, SiteSetup site, SiteRuns runs) {
		List<Violation> violations = new ArrayList<>();
		if (runs.unserved() > 0) {
			violations.add(new Violation(PlanNorm.SERVED, site.id(), site.area(), runs.unserved(), 0, null, null));
			return violations;
		}
		int norm = model.norms().waitMinutes();
		if (!site.doorToDoor() && runs.worstWaitP90() > norm) {
			int first = -1;
			int last = -1;
			double[] waits = runs.waitP90();
			for (int s = 0; s < waits.length; s++) {
				if (waits[s] > norm) {
					first = first < 0 ? s : first;
					last = s;
				}
			}
			violations.add(new Violation(PlanNorm.WAIT, site.id(), site.area(), round(runs.worstWaitP90()), norm,
					first * QueueSimulation.SLOT_MINUTES, (last + 1) * QueueSimulation.SLOT_MINUTES));
		}
		double samplingLimit = model.norms().samplingHours() * 60.0;
		if (runs.doneP90() > samplingLimit) {
			violations.add(new Violation(PlanNorm.SAMPLING, site.id(), site.area(), round(runs.doneP90()), samplingLimit,
					null, null));
		}
		double roundLimit = model.norms().roundHours() * 60.0;
		double roundDone = runs.doneP90() + model.labTurnaroundHours() * 60;
		if (roundDone > roundLimit) {
			violations.add(new Violation(PlanNorm.ROUND, site.id(), site.area(), round(roundDone), roundLimit, null, null));
		}
		return violations;
	}

	static SitePlan describe(PlanModel model, SiteSetup site, Map<String, Integer> shares, SiteRuns runs) {
		Map<String, CompoundDemand> compounds = new HashMap<>();
		model.compounds().forEach(c -> compounds.put(c.code(), c));
		List<SitePlan.CompoundShare> described = new ArrayList<>();
		shares.forEach((code, people) -> {
			CompoundDemand compound = compounds.get(code);
			double part = compound == null || compound.residents() == 0 ? 0 : people / (double) compound.residents();
			described.add(new SitePlan.CompoundShare(code, compound == null ? code : compound.name(), people,
					compound == null ? 0 : (int) Math.round(compound.noSmartphone() * part),
					compound == null ? 0 : (int) Math.round(compound.elderlyLivingAlone() * part)));
		});
		List<Violation> violations = check(model, site, runs);
		int openHours = openHours(site.stationsPerHour(), runs);
		List<Integer> stations = new ArrayList<>();
		for (int station : site.stationsPerHour()) {
			stations.add(station);
		}
		Map<Integer, Integer> tubes = tubes(model, site, shares, compounds, runs);
		PlanModel.Staffing staffing = model.staffingOf(site.id());
		return new SitePlan(site.id(), site.name(), site.kind(), site.area(), stations, site.ratePerHour(),
				site.rateSource(), runs.people(), described, ints(runs.queueP50()), ints(runs.queueP90()),
				doubles(runs.waitP50()), doubles(runs.waitP90()), minutes(runs.doneP50()), minutes(runs.doneP90()),
				round(runs.meanWait()), round(runs.personWaitP90()),
				tubes.values().stream().mapToInt(Integer::intValue).sum(), runs.people() - runs.unserved(),
				ppeSets(site.stationsPerHour(), openHours, staffing), staffPerHour(site.stationsPerHour(), openHours, staffing),
				violations.isEmpty(), violations, tubes);
	}

	/**
	 * Tubes per pool size: the people of each pool size (a zone's pool where its terms apply, else the round's) fill
	 * tubes of it, and the partly filled tubes the runs leave at the stations stay with the round's pool.
	 */
	static Map<Integer, Integer> tubes(PlanModel model, SiteSetup site, Map<String, Integer> shares,
			Map<String, CompoundDemand> compounds, SiteRuns runs) {
		int roundPool = model.poolSize();
		Map<Integer, Double> people = new TreeMap<>();
		shares.forEach((code, count) -> {
			CompoundDemand compound = compounds.get(code);
			Map<Integer, Double> pools = compound == null ? Map.of(roundPool, 1.0)
					: site.doorToDoor() ? compound.doorToDoorPools(roundPool) : compound.walkInPools(roundPool);
			pools.forEach((pool, share) -> people.merge(pool, count * share, Double::sum));
		});
		Map<Integer, Integer> tubes = new TreeMap<>();
		people.forEach((pool, count) -> {
			int filled = (int) Math.ceil(count / pool - 1e-9);
			if (filled > 0) {
				tubes.put(pool, filled);
			}
		});
		int atRoundPool = (runs.people() + roundPool - 1) / roundPool;
		int partlyFilled = Math.max(0, runs.tubesP90() - atRoundPool);
		if (partlyFilled > 0) {
			tubes.merge(roundPool, partlyFilled, Integer::sum);
		}
		return tubes;
	}

	/** The hours the site is staffed: its schedule, and until its last person is done (p90) when that is later. */
	static int openHours(int[] stationsPerHour, SiteRuns runs) {
		if (runs.people() == 0) {
			return stationsPerHour.length;
		}
		double done = Double.isInfinite(runs.doneP90()) ? runs.slots() * QueueSimulation.SLOT_MINUTES : runs.doneP90();
		return Math.max(stationsPerHour.length, (int) Math.ceil(done / 60));
	}

	static int stationsAt(int[] stationsPerHour, int hour) {
		if (hour < stationsPerHour.length) {
			return stationsPerHour[hour];
		}
		for (int h = stationsPerHour.length - 1; h >= 0; h--) {
			if (stationsPerHour[h] > 0) {
				return stationsPerHour[h];
			}
		}
		return 0;
	}

	static List<Integer> staffPerHour(int[] stationsPerHour, int hours, PlanModel.Staffing staffing) {
		List<Integer> staff = new ArrayList<>();
		for (int h = 0; h < hours; h++) {
			int stations = stationsAt(stationsPerHour, h);
			staff.add(stations == 0 ? 0 : stations * staffing.perStation() + staffing.perSite());
		}
		return staff;
	}

	/**
	 * Protective sets: everyone on duty puts on a set at the start of each shift, and a station's staff work its
	 * staffed hours in shifts of at most {@code shiftHours}.
	 */
	static int ppeSets(int[] stationsPerHour, int hours, PlanModel.Staffing staffing) {
		int most = 0;
		for (int h = 0; h < hours; h++) {
			most = Math.max(most, stationsAt(stationsPerHour, h));
		}
		int sets = 0;
		// j = -1 stands for the site's own staff, on duty whenever any station is.
		for (int j = -1; j < most; j++) {
			int stretch = 0;
			for (int h = 0; h <= hours; h++) {
				boolean staffed = h < hours && stationsAt(stationsPerHour, h) > Math.max(j, 0);
				if (staffed) {
					stretch++;
				}
				else if (stretch > 0) {
					int shifts = (int) Math.ceil(stretch / staffing.shiftHours());
					sets += shifts * (j < 0 ? staffing.perSite() : staffing.perStation());
					stretch = 0;
				}
			}
		}
		return sets;
	}

	private static Double minutes(double value) {
		return Double.isInfinite(value) ? null : round(value);
	}

	static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	private static List<Integer> ints(int[] values) {
		List<Integer> list = new ArrayList<>(values.length);
		for (int value : values) {
			list.add(value);
		}
		return list;
	}

	private static List<Double> doubles(double[] values) {
		List<Double> list = new ArrayList<>(values.length);
		for (double value : values) {
			list.add(Double.isNaN(value) ? null : round(value));
		}
		return list;
	}
}
