package org.frontline.planning.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.frontline.planning.FigureSource;
import org.frontline.planning.ProposalKind;
import org.frontline.planning.internal.PlanModel.SiteSetup;
import org.frontline.testing.SiteKind;

/**
 * The smallest changes that make a plan meet the norms, each checked by simulating the sites it changes with the
 * plan's seed and runs. For a walk-in site that misses a norm: moving one of its compounds to a nearby site that
 * still meets the norms with it (no extra staff), the fewest extra station-hours (a first guess from the queue as a
 * fluid, then a station added where the simulation still misses the norm, then every station-hour that is not
 * needed taken away again), or a mobile point for one of its compounds; the cheapest in staff-hours is recommended.
 * For a door-to-door team that finishes too late: more teams. For compounds nobody serves: a mobile point; for
 * bedridden residents without a team: a team for their community.
 */
public final class ProposalSearch {

	/** At most this many sites get proposals, those missing the norms worst first, so that a plan answers quickly. */
	static final int MAX_SITES = 200;

	private static final int MAX_STATIONS = 200;

	private static final int MAX_REPAIRS = 60;

	private static final int MAX_COMPOUNDS_TRIED = 8;

	private static final int MAX_TARGETS_TRIED = 3;

	/** Sites at least this near a compound (its subdistrict) may take it over. */
	private static final int NEAR_ENOUGH = 8;

	private ProposalSearch() {
	}

	/**
	 * A proposal before it is stored: for extra stations the stations added per hour, for a new point or team its
	 * stations per hour; {@code after} is the simulation of the site it helps (the new point's for unserved people).
	 */
	public record Draft(ProposalKind kind, boolean recommended, Long siteId, String compound, Long targetSiteId,
			String area, int[] stationsPerHour, int people, double staffHours, SiteRuns after) {

		Draft recommend(boolean value) {
			return new Draft(kind, value, siteId, compound, targetSiteId, area, stationsPerHour, people, staffHours,
					after);
		}
	}

	public static List<Draft> propose(PlanModel model, Planner.Evaluation evaluation) {
		List<Planner.SiteResult> failing = evaluation.sites()
			.stream()
			.filter(s -> !s.meetsNorms() && s.runs().people() > 0)
			.limit(MAX_SITES)
			.toList();
		List<Draft> drafts = new ArrayList<>();
		failing.parallelStream().map(site -> options(model, evaluation, site)).toList().forEach(drafts::addAll);
		evaluation.assignment().walkInUnserved().forEach((compound, people) -> {
			Draft point = newPoint(model, null, compound, people);
			if (point != null) {
				drafts.add(point.recommend(true));
			}
		});
		Map<String, Integer> bedriddenByCommunity = new TreeMap<>();
		evaluation.assignment()
			.doorToDoorUnserved()
			.forEach((compound, people) -> bedriddenByCommunity.merge(community(compound), people, Integer::sum));
		bedriddenByCommunity.forEach((community, people) -> {
			Draft team = newTeam(model, community, people);
			if (team != null) {
				drafts.add(team.recommend(true));
			}
		});
		return drafts;
	}

	private static List<Draft> options(PlanModel model, Planner.Evaluation evaluation, Planner.SiteResult site) {
		List<Draft> options = new ArrayList<>();
		if (site.setup().doorToDoor()) {
			add(options, moreTeams(model, site));
		}
		else {
			add(options, move(model, evaluation, site));
			add(options, extraStations(model, site));
			add(options, mobilePoint(model, site));
		}
		options.sort(Comparator.comparingDouble(Draft::staffHours).thenComparing(d -> d.kind().ordinal()));
		List<Draft> ranked = new ArrayList<>();
		for (int i = 0; i < options.size(); i++) {
			ranked.add(options.get(i).recommend(i == 0));
		}
		return ranked;
	}

	private static void add(List<Draft> options, Draft draft) {
		if (draft != null) {
			options.add(draft);
		}
	}

	/** The fewest station-hours added to a walk-in site's schedule after which it meets the norms. */
	static Draft extraStations(PlanModel model, Planner.SiteResult site) {
		SiteSetup setup = site.setup();
		int hours = Math.max(setup.stationsPerHour().length,
				Math.max(model.arrivalHours(), model.norms().samplingHours()));
		int[] base = new int[hours];
		for (int h = 0; h < hours; h++) {
			base[h] = Planner.stationsAt(setup.stationsPerHour(), h);
		}
		int[] extra = fluidGuess(model, setup, base, site.runs().people());
		SiteRuns runs = null;
		for (int repair = 0; repair <= MAX_REPAIRS; repair++) {
			runs = run(model, setup, base, extra, site.shares());
			List<org.frontline.planning.Violation> missed = Planner.check(model, setup, runs);
			if (missed.isEmpty()) {
				break;
			}
			if (repair == MAX_REPAIRS) {
				return null;
			}
			org.frontline.planning.Violation first = missed.get(0);
			int hour = first.fromMinute() != null ? first.fromMinute() / 60 : model.norms().samplingHours() - 1;
			hour = Math.max(0, Math.min(hours - 1, hour));
			if (base[hour] + extra[hour] >= MAX_STATIONS) {
				return null;
			}
			extra[hour]++;
		}
		for (int h = hours - 1; h >= 0; h--) {
			while (extra[h] > 0) {
				extra[h]--;
				SiteRuns fewer = run(model, setup, base, extra, site.shares());
				if (!Planner.check(model, setup, fewer).isEmpty()) {
					extra[h]++;
					break;
				}
				runs = fewer;
			}
		}
		int stationHours = 0;
		for (int added : extra) {
			stationHours += added;
		}
		if (stationHours == 0) {
			return null;
		}
		return new Draft(ProposalKind.EXTRA_STATIONS, false, setup.id(), null, null, setup.area(), extra,
				site.runs().people(), stationHours * model.staffingOf(setup.id()).perStation(), runs);
	}

	/**
	 * The queue as a fluid, hour by hour: stations are added in an hour until those arriving at its end would wait
	 * at most half the norm, and in the last hour before the sampling deadline until nobody is left.
	 */
	private static int[] fluidGuess(PlanModel model, SiteSetup setup, int[] base, int people) {
		int hours = base.length;
		double[] arrivals = new double[hours];
		double[] shares = model.arrivalShares();
		for (int s = 0; s < shares.length; s++) {
			if (s / 6 < hours) {
				arrivals[s / 6] += shares[s] * people;
			}
		}
		double target = model.norms().waitMinutes() / 2.0 / 60;
		int lastHour = Math.min(hours, model.norms().samplingHours()) - 1;
		int[] extra = new int[hours];
		double queue = 0;
		for (int h = 0; h < hours; h++) {
			while (true) {
				int stations = base[h] + extra[h];
				double capacity = stations * setup.ratePerHour();
				double left = Math.max(0, queue + arrivals[h] - capacity);
				boolean waitOk = left == 0 || stations > 0 && left / capacity <= target;
				boolean doneOk = h != lastHour || left == 0;
				if (waitOk && doneOk || stations >= MAX_STATIONS) {
					queue = left;
					break;
				}
				extra[h]++;
			}
		}
		return extra;
	}

	private static SiteRuns run(PlanModel model, SiteSetup setup, int[] base, int[] extra, Map<String, Integer> shares) {
		int[] stations = new int[base.length];
		for (int h = 0; h < base.length; h++) {
			stations[h] = base[h] + extra[h];
		}
		return Planner.simulate(model, setup.withStationsPerHour(stations), shares).runs();
	}

	/** More door-to-door teams, the same number added for every hour, until the list is done in time. */
	static Draft moreTeams(PlanModel model, Planner.SiteResult site) {
		SiteSetup setup = site.setup();
		int[] base = setup.stationsPerHour();
		for (int added = 1; added <= 20; added++) {
			int[] extra = new int[base.length];
			java.util.Arrays.fill(extra, added);
			SiteRuns runs = run(model, setup, base, extra, site.shares());
			if (Planner.check(model, setup, runs).isEmpty()) {
				double hours = Math.max(base.length, Math.ceil(runs.doneP90() / 60));
				return new Draft(ProposalKind.EXTRA_STATIONS, false, setup.id(), null, null, setup.area(), extra,
						site.runs().people(), added * hours * model.staffingOf(setup.id()).perStation(), runs);
			}
		}
		return null;
	}

	/** A compound of the site (the smallest that suffices) to a nearby site that still meets the norms with it. */
	static Draft move(PlanModel model, Planner.Evaluation evaluation, Planner.SiteResult site) {
		if (site.shares().size() < 2) {
			return null;
		}
		for (Map.Entry<String, Integer> compound : smallestFirst(site.shares())) {
			Map<String, Integer> rest = without(site.shares(), compound.getKey());
			SiteRuns remaining = Planner.simulate(model, site.setup(), rest).runs();
			if (!Planner.check(model, site.setup(), remaining).isEmpty()) {
				continue;
			}
			List<Planner.SiteResult> targets = evaluation.sites()
				.stream()
				.filter(t -> t.setup().id() != site.setup().id() && !t.setup().doorToDoor() && t.meetsNorms())
				.filter(t -> nearness(compound.getKey(), t.setup()) >= NEAR_ENOUGH)
				.sorted(Comparator.comparingInt((Planner.SiteResult t) -> -nearness(compound.getKey(), t.setup()))
					.thenComparingDouble(t -> t.runs().people() / (double) Math.max(1, t.setup().stations()))
					.thenComparingLong(t -> t.setup().id()))
				.limit(MAX_TARGETS_TRIED)
				.toList();
			for (Planner.SiteResult target : targets) {
				Map<String, Integer> more = new TreeMap<>(target.shares());
				more.merge(compound.getKey(), compound.getValue(), Integer::sum);
				SiteRuns taking = Planner.simulate(model, target.setup(), more).runs();
				if (Planner.check(model, target.setup(), taking).isEmpty()) {
					return new Draft(ProposalKind.MOVE_COMPOUND, false, site.setup().id(), compound.getKey(),
							target.setup().id(), compound.getKey(), null, compound.getValue(), 0, remaining);
				}
			}
		}
		return null;
	}

	/** A mobile point for one of the site's compounds (the smallest whose leaving lets the site meet the norms). */
	static Draft mobilePoint(PlanModel model, Planner.SiteResult site) {
		if (site.shares().size() < 2) {
			return null;
		}
		for (Map.Entry<String, Integer> compound : smallestFirst(site.shares())) {
			SiteRuns remaining = Planner.simulate(model, site.setup(), without(site.shares(), compound.getKey())).runs();
			if (Planner.check(model, site.setup(), remaining).isEmpty()) {
				Draft point = newPoint(model, site.setup().id(), compound.getKey(), compound.getValue());
				if (point != null) {
					return new Draft(ProposalKind.MOBILE_POINT, false, site.setup().id(), compound.getKey(), null,
							compound.getKey(), point.stationsPerHour(), point.people(), point.staffHours(), remaining);
				}
			}
		}
		return null;
	}

	/** A new mobile point for a compound's people, with the fewest stations (the same all day) that meet the norms. */
	static Draft newPoint(PlanModel model, Long from, String compound, int people) {
		int hours = model.arrivalHours();
		double peak = 0;
		double[] shares = model.arrivalShares();
		for (int h = 0; h < hours; h++) {
			double inHour = 0;
			for (int s = h * 6; s < Math.min(shares.length, h * 6 + 6); s++) {
				inHour += shares[s];
			}
			peak = Math.max(peak, inHour * people);
		}
		int first = Math.max(1, (int) Math.ceil(peak / model.stationRate()));
		for (int stations = first; stations < first + 10 && stations <= MAX_STATIONS; stations++) {
			int[] schedule = new int[hours];
			java.util.Arrays.fill(schedule, stations);
			SiteSetup point = new SiteSetup(newId(compound), compound, SiteKind.MOBILE, compound, List.of(compound),
					stations, schedule, model.stationRate(), FigureSource.DEFAULT, stream(model, compound, SiteKind.MOBILE));
			SiteRuns runs = Planner.simulate(model, point, Map.of(compound, people)).runs();
			if (Planner.check(model, point, runs).isEmpty()) {
				int open = Planner.openHours(schedule, runs);
				double staffHours = 0;
				for (int staff : Planner.staffPerHour(schedule, open, model.staffing())) {
					staffHours += staff;
				}
				return new Draft(ProposalKind.MOBILE_POINT, false, from, compound, null, compound, schedule, people,
						staffHours, runs);
			}
		}
		return null;
	}

	/** A door-to-door team for a community's bedridden residents, with the fewest teams that finish in time. */
	static Draft newTeam(PlanModel model, String community, int people) {
		double needed = people / (model.doorToDoorRate() * model.norms().samplingHours());
		for (int teams = Math.max(1, (int) Math.ceil(needed)); teams <= MAX_STATIONS; teams++) {
			int[] schedule = { teams };
			SiteSetup team = new SiteSetup(newId(community), community, SiteKind.DOOR_TO_DOOR, community,
					List.of(community), teams, schedule, model.doorToDoorRate(), FigureSource.DEFAULT,
					stream(model, community, SiteKind.DOOR_TO_DOOR));
			SiteRuns runs = Planner.simulate(model, team, Map.of(community, people)).runs();
			if (Planner.check(model, team, runs).isEmpty()) {
				double staffHours = 0;
				for (int staff : Planner.staffPerHour(schedule, Planner.openHours(schedule, runs), model.staffing())) {
					staffHours += staff;
				}
				return new Draft(ProposalKind.DOOR_TO_DOOR_TEAM, false, null, null, null, community, schedule, people,
						staffHours, runs);
			}
		}
		return null;
	}

	/** A site that does not exist yet stands in the plan under its area's code, negated. */
	private static long newId(String area) {
		return -Long.parseLong(area);
	}

	/** The streams a new site in this area will have once it exists: after the sites of its kind there now. */
	private static long stream(PlanModel model, String area, SiteKind kind) {
		int before = (int) model.sites().stream().filter(s -> s.kind() == kind && s.area().equals(area)).count();
		return SiteSetup.stream(area, kind, before);
	}

	private static String community(String compound) {
		return compound.length() >= 12 ? compound.substring(0, 12) : compound;
	}

	private static int nearness(String compound, SiteSetup site) {
		return site.serves().stream().mapToInt(area -> Assignment.nearness(compound, area)).max().orElse(0);
	}

	private static List<Map.Entry<String, Integer>> smallestFirst(Map<String, Integer> shares) {
		return shares.entrySet()
			.stream()
			.filter(e -> e.getValue() > 0)
			.sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
			.limit(MAX_COMPOUNDS_TRIED)
			.toList();
	}

	private static Map<String, Integer> without(Map<String, Integer> shares, String compound) {
		Map<String, Integer> rest = new LinkedHashMap<>(shares);
		rest.remove(compound);
		return rest;
	}
}
