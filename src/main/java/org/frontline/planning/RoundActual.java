package org.frontline.planning;

import java.time.Instant;
import java.util.List;

import org.frontline.testing.SiteKind;

/**
 * What happened in a round against what was planned: arrivals per 10 minutes from the round's start (shares, and the
 * plan's), the rates stations and door-to-door teams reached, when sampling was done, and per site the same with the
 * site's plan (null when the latest plan did not have the site). Times are minutes from the round's start.
 */
public record RoundActual(long roundId, String roundName, Instant startsAt, Long planId, int arrivals,
		List<Double> arrivalShares, List<Double> plannedArrivalShares, Double stationRatePerHour,
		Double doorToDoorRatePerHour, Double samplingDoneMinutes, Double plannedSamplingDoneP90Minutes,
		List<SiteActual> sites) {

	/**
	 * One site: people checked in and swabbed, how many stations recorded samples and what one took an hour, and per
	 * 10-minute slot the arrivals, the queue at its end and the mean and 90th-percentile wait from check-in to
	 * sample of those who arrived in it (null where nobody did).
	 */
	public record SiteActual(long siteId, String name, SiteKind kind, int checkedIn, int sampled, int stations,
			Double ratePerHour, Double rateCv, List<Integer> arrivals, List<Integer> queue, List<Double> waitMean,
			List<Double> waitP90, Double doneMinutes, SitePlan planned) {
	}
}
