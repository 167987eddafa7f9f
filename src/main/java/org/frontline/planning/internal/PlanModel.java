package org.frontline.planning.internal;

import java.util.List;

import org.frontline.planning.FigureSource;
import org.frontline.testing.SiteKind;

/**
 * Everything a round's plan is made from, gathered from the other modules, the round's setup and the settings.
 * {@code arrivalShares} are walk-in arrivals per 10-minute slot from the round's start; {@code stationRate} and
 * {@code doorToDoorRate} (people an hour per station or team) are what a new point or team would be planned with.
 */
public record PlanModel(long seed, int runs, int poolSize, double[] arrivalShares, double serviceCv,
		double stationRate, double doorToDoorRate, double labTurnaroundHours, Norms norms, Staffing staffing,
		List<CompoundDemand> compounds, List<SiteSetup> sites, List<Assignment.Move> moves) {

	public PlanModel {
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

	/**
	 * A compound's residents and how many of them are bedridden, have no smartphone or are elderly living alone;
	 * under lockdown everyone in it is sampled at home.
	 */
	public record CompoundDemand(String code, String name, int residents, int bedridden, int noSmartphone,
			int elderlyLivingAlone, boolean lockedDown) {

		int walkIn() {
			return lockedDown ? 0 : residents - bedridden;
		}

		int doorToDoor() {
			return lockedDown ? residents : bedridden;
		}
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
				labTurnaroundHours, norms, staffing, compounds, other, moves);
	}

	public PlanModel withMoves(List<Assignment.Move> other) {
		return new PlanModel(seed, runs, poolSize, arrivalShares, serviceCv, stationRate, doorToDoorRate,
				labTurnaroundHours, norms, staffing, compounds, sites, other);
	}

	/** Hours over which walk-ins arrive (rounded up): a site's schedule covers at least these by default. */
	public int arrivalHours() {
		return Math.max(1, (arrivalShares.length + 5) / 6);
	}
}
