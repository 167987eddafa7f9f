package org.frontline.planning;

import java.time.Instant;
import java.util.List;

/**
 * What the next plans take from a round: its arrival shares per 10 minutes from its start, the rate of a walk-in
 * station and how much its swab times varied, the rate of a door-to-door team, the labs' turnaround (90th
 * percentile of the slowest lab) and how many sites got a rate of their own. Null where the round had nothing to
 * learn it from.
 */
public record LearnedFigures(long roundId, Instant learnedAt, int arrivals, List<Double> arrivalShares,
		Double stationRatePerHour, Double serviceCv, Double doorToDoorRatePerHour, Double labTurnaroundHours,
		int sitesWithOwnRate) {
}
