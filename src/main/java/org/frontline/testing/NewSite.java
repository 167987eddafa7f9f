package org.frontline.testing;

import java.time.Instant;
import java.util.List;

/** A site to set up; a mobile site lists its stops in the order it visits them. */
public record NewSite(String name, SiteKind kind, String area, String location, Integer stations, String leader,
		List<NewStop> stops) {

	/** A stop of a mobile site. */
	public record NewStop(String name, String area, Instant plannedAt) {
	}
}
