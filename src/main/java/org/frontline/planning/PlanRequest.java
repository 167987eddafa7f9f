package org.frontline.planning;

import java.util.List;

/**
 * How to plan a round; every field is optional. {@code stationRate} (people an hour per station) replaces the
 * learned or default rate of every site; {@code arrivalProfile} gives relative weights of arrivals per hour from the
 * round's start.
 */
public record PlanRequest(Long seed, Integer runs, Double stationRate, List<Double> arrivalProfile) {

	public static PlanRequest defaults() {
		return new PlanRequest(null, null, null, null);
	}
}
