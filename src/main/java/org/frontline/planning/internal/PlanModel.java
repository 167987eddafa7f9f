package org.frontline.planning.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.frontline.planning.FigureSource;
import org.frontline.testing.SiteKind;

/**
 * Everything a round's plan is made from, gathered from the other modules, the round's setup and the settings.
 * {@code arrivalShares} are walk-in arrivals per 10-minute slot from the round's start; {@code stationRate} and
 * {@code doorToDoorRate} (people an hour per station or team) are what a new point or team would be planned with.
 * {@code staffing} holds for every site but those {@code siteStaffing} names (the shifts planned for them).
 */
public record PlanModel(long seed, int runs, int poolSize, double[] arrivalShares, double serviceCv,
		double stationRate, double doorToDoorRate, double labTurnaroundHours, Norms norms, Staffing staffing,
		List<CompoundDemand> compounds, List<SiteSetup> sites, List<Assignment.Move> moves,
		Map<Long, Staffing> siteStaffing) {

	public PlanModel(long seed, int runs, int poolSize, double[] arrivalShares, double serviceCv, double stationRate,
			double doorToDoorRate, double labTurnaroundHours, Norms norms, Staffing staffing,
			List<CompoundDemand> compounds, List<SiteSetup> sites, List<Assignment.Move> moves) {
		this(seed, runs, poolSize, arrivalShares, serviceCv, stationRate, doorToDoorRate, labTurnaroundHours, norms,
				staffing, compounds, sites, moves, Map.of());
	}

	public PlanModel {
		siteStaffing = Map.copyOf(siteStaffing);
		double total = 0;
		for (double share : arrivalShares) {
			total += share;
		}
		if (!(total > 0)) {
			throw new IllegalArgumentException("Someone arrives in at least one slot.");
		}
		double[] normalised = new double[arrivalShares.length];
		for (int s = 0; s < normalised.length; s++) {
			normalised[s] = arrivalShares[s] / total;
		}
		arrivalShares = normalised;
	}

	/** Nobody queues longer than {@code waitMinutes}; sampling done in {@code samplingHours}; the round in {@code roundHours}. */
	public record Norms(int waitMinutes, int samplingHours, int roundHours) {
	}

	/** People per station (a swabber and a registrar), per site besides (its leader, queue marshals), and a shift's length. */
	public record Staffing(int perStation, int perSite, double shiftHours) {
	}

	/** The staffing of a site: its own planned shifts when it has them, else the settings'. */
	public Staffing staffingOf(long siteId) {
		return siteStaffing.getOrDefault(siteId, staffing);
	}

	/**
	 * A compound's residents and how many of them are bedridden, have no smartphone or are elderly living alone, and
	 * the parts of it under a control zone's sampling terms ({@code zoned}; the rest pools as the round does). The
	 * bedridden are sampled at home, and so is everyone of a part whose zone comes to the door.
	 */
	public record CompoundDemand(String code, String name, int residents, int bedridden, int noSmartphone,
			int elderlyLivingAlone, List<ZonedPart> zoned) {

		public CompoundDemand {
			zoned = List.copyOf(zoned);
		}

		/** A compound no zone covers. */
		public CompoundDemand(String code, String name, int residents, int bedridden, int noSmartphone,
				int elderlyLivingAlone) {
			this(code, name, residents, bedridden, noSmartphone, elderlyLivingAlone, List.of());
		}

		int walkIn() {
			return residents - doorToDoor();
		}

		int doorToDoor() {
			int atHome = bedridden;
			for (ZonedPart part : zoned) {
				atHome += part.atHome() ? part.residents() - part.bedridden() : 0;
			}
			return atHome;
		}

		/** Whether anyone of it is sampled at home because of a zone. */
		public boolean zoneAtHome() {
			return zoned.stream().anyMatch(ZonedPart::atHome);
		}

		/** How its walk-ins divide over pool sizes: the share of them per pool size, at most the round's. */
		Map<Integer, Double> walkInPools(int roundPool) {
			Map<Integer, Double> people = new TreeMap<>();
			int rest = walkIn();
			for (ZonedPart part : zoned) {
				if (!part.atHome()) {
					int walking = part.residents() - part.bedridden();
					people.merge(Math.min(roundPool, part.poolSize()), (double) walking, Double::sum);
					rest -= walking;
				}
			}
			people.merge(roundPool, (double) rest, Double::sum);
			return shares(people, walkIn());
		}

		/** How the people sampled at home divide over pool sizes. */
		Map<Integer, Double> doorToDoorPools(int roundPool) {
			Map<Integer, Double> people = new TreeMap<>();
			int bedriddenRest = bedridden;
			for (ZonedPart part : zoned) {
				int pool = Math.min(roundPool, part.poolSize());
				people.merge(pool, (double) (part.atHome() ? part.residents() : part.bedridden()), Double::sum);
				bedriddenRest -= part.bedridden();
			}
			people.merge(roundPool, (double) bedriddenRest, Double::sum);
			return shares(people, doorToDoor());
		}

		private static Map<Integer, Double> shares(Map<Integer, Double> people, int total) {
			Map<Integer, Double> shares = new TreeMap<>();
			people.forEach((pool, count) -> {
				if (count > 0) {
					shares.put(pool, count / total);
				}
			});
			return shares;
		}
	}

	/**
	 * Residents of a compound (some buildings, or the whole of it) under a zone's terms: their tubes pool at most
	 * {@code poolSize}, and {@code atHome} when the zone samples them at their door.
	 */
	public record ZonedPart(int residents, int bedridden, int poolSize, boolean atHome) {
	}

	/**
	 * A site or door-to-door team as the round plans it: the areas it serves, its stations (teams), the stations per
	 * hour from the round's start (after the last hour the last count stays until nobody waits), the people an hour
	 * one station takes (for a team: visits an hour), and the key of its random streams.
	 */
	public record SiteSetup(long id, String name, SiteKind kind, String area, List<String> serves, int stations,
			int[] stationsPerHour, double ratePerHour, FigureSource rateSource, long stream) {

		public boolean doorToDoor() {
			return kind == SiteKind.DOOR_TO_DOOR;
		}

		public SiteSetup withStationsPerHour(int[] other) {
			return new SiteSetup(id, name, kind, area, serves, stations, other, ratePerHour, rateSource, stream);
		}

		/**
		 * The key of a site's random streams: from its area, its kind and how many sites of that kind in that area
		 * come before it, not from its id, so that a point or team a proposal sets up is simulated after it exists
		 * with the very streams that showed it meets the norms.
		 */
		public static long stream(String area, SiteKind kind, int before) {
			return (Long.parseLong(area) * 31 + kind.ordinal()) * 131 + before;
		}
	}

	public PlanModel withSites(List<SiteSetup> other) {
		return new PlanModel(seed, runs, poolSize, arrivalShares, serviceCv, stationRate, doorToDoorRate,
				labTurnaroundHours, norms, staffing, compounds, other, moves, siteStaffing);
	}

	public PlanModel withMoves(List<Assignment.Move> other) {
		return new PlanModel(seed, runs, poolSize, arrivalShares, serviceCv, stationRate, doorToDoorRate,
				labTurnaroundHours, norms, staffing, compounds, sites, other, siteStaffing);
	}

	/** Hours over which walk-ins arrive (rounded up): a site's schedule covers at least these by default. */
	public int arrivalHours() {
		return Math.max(1, (arrivalShares.length + 5) / 6);
	}
}
