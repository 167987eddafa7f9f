package org.frontline.supplies;

/**
 * Days of cover of the places of one area at the end of a day, on the use of the three days before it: the least
 * of any place and item (null when nothing there was used), and how many places and items were under the low-cover
 * threshold.
 */
public record CoverOfDay(String area, Double leastDays, long low) {
}
