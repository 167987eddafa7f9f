package org.frontline.supplies;

/**
 * The requests of the places of one area over a day: made in it, received in it, and open past their needed-by time at
 * its end.
 */
public record RequestsOfDay(String area, long made, long received, long overdue) {
}
