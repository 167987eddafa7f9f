package org.frontline.workforce;

/**
 * A worker's own figures: their shifts still to start in the next seven days, the minutes they worked this week
 * (from Monday, from their check-ins), and the minutes until they have rested as long as the limits require after
 * their latest shift (0 when rested; during a shift, counted from its end).
 */
public record OwnWeek(long nextShifts, long minutesThisWeek, long restMinutesDue) {
}
