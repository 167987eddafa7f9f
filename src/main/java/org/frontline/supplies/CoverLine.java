package org.frontline.supplies;

/** Days of cover of one item at one place: usable stock over the expected daily use ({@code days} null: no use). */
public record CoverLine(PlaceInfo place, Item item, long usable, long inTransit, double dailyUse, Double days,
		CoverBasis basis) {
}
