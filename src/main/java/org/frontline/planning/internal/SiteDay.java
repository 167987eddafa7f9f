package org.frontline.planning.internal;

/**
 * One site's round as the simulation sees it: how many people come and when (their shares per 10-minute slot from
 * the round's start, or null when everyone is waiting at the start, as for a door-to-door team's list), how many
 * stations are staffed in each slot, the mean time a station takes per person and how much that time varies
 * (coefficient of variation, 1 for exponential times), and how many people share a tube.
 */
public record SiteDay(int people, double[] arrivalShares, int[] stations, double serviceMinutes, double serviceCv,
		int poolSize) {

	public SiteDay {
		if (people < 0) {
			throw new IllegalArgumentException("No site has fewer than no people.");
		}
		if (stations.length == 0) {
			throw new IllegalArgumentException("A schedule has at least one slot.");
		}
		if (!(serviceMinutes > 0) || !(serviceCv > 0) || serviceCv > 1) {
			throw new IllegalArgumentException("Service times have a positive mean and a variation between 0 and 1.");
		}
		if (poolSize < 1) {
			throw new IllegalArgumentException("A tube holds at least one sample.");
		}
	}

	public SiteDay withStations(int[] other) {
		return new SiteDay(people, arrivalShares, other, serviceMinutes, serviceCv, poolSize);
	}

	public SiteDay withPeople(int other) {
		return new SiteDay(other, arrivalShares, stations, serviceMinutes, serviceCv, poolSize);
	}
}
