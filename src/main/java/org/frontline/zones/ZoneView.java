package org.frontline.zones;

import java.time.LocalDate;
import java.util.List;

/**
 * What a compound's residents see on the public page: the zone that applies to the whole compound (null: none), the
 * zones on some of its buildings, and for each the rules and the earliest date it may be lifted. No personal data.
 */
public record ZoneView(String area, String areaName, String areaPath, Entry whole, List<Entry> buildings) {

	/** A zone as the public sees it. */
	public record Entry(Zone zone, LocalDate earliestLift) {
	}
}
