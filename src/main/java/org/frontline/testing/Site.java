package org.frontline.testing;

import java.util.List;

/** A sampling site: the area it serves, its swab stations, whether it is open, its leader and (mobile) its stops. */
public record Site(long id, String name, SiteKind kind, String area, String location, int stations, boolean open,
		String leader, List<Stop> stops) {

	/** A stop of a mobile site, in order, with when it is planned and when the team arrived and left. */
	public record Stop(int position, String name, String area, java.time.Instant plannedAt,
			java.time.Instant arrivedAt, java.time.Instant leftAt) {
	}
}
