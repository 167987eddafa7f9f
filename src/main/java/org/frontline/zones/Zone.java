package org.frontline.zones;

import java.time.Instant;
import java.util.List;

/**
 * An area, or some buildings of a compound ({@code buildings} empty: the whole area), at a level since a time, under
 * the rule version it was set under, by a notice; {@code until} is when a later notice ended it (null while open).
 */
public record Zone(long id, String area, String areaName, List<String> buildings, ZoneLevel level, Instant since,
		Instant until, ZoneRule rule, long noticeId, int noticeNumber, Long previousId) {

	public boolean wholeArea() {
		return buildings.isEmpty();
	}

	public boolean inForce(Instant at) {
		return !since.isAfter(at) && (until == null || until.isAfter(at));
	}
}
