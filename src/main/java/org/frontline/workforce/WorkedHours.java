package org.frontline.workforce;

import java.time.LocalDate;
import java.util.List;

/**
 * The hours a worker worked between two days (both included), from their actual check-ins and check-outs: in total,
 * per day, and the number of shifts; a shift still under way counts until now.
 */
public record WorkedHours(long workerId, String name, LocalDate from, LocalDate to, long minutes, int shifts,
		List<Day> days) {

	public record Day(LocalDate day, long minutes) {
	}
}
