package org.frontline.enterprise;

/**
 * The closed loops of one enterprise area at the end of a day (now for today): loops in closed loop, staff in them,
 * people tested in the day's rounds, and loops whose report of that day or the day before was overdue.
 */
public record LoopsOfDay(String area, long loops, long staff, long tested, long reportsMissing) {
}
