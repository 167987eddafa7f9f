package org.frontline.supplies;

/** A place and item at the end of a day: its usable stock and the days of cover the three days' use before left it. */
public record CoverLineOfDay(PlaceInfo place, Item item, long usable, double days) {
}
