package org.frontline.zones;

import java.util.Map;

/**
 * How the zones in force sample a compound, for whoever plans its sampling: the terms of the strictest zone over the
 * whole compound ({@code whole}, null when none covers it), and for each building a stricter zone covers, that
 * zone's terms. Terms come from the rule version each zone keeps.
 */
public record ZoneSampling(String area, Terms whole, Map<String, Terms> buildings) {

	public ZoneSampling {
		buildings = Map.copyOf(buildings);
	}

	/** A zone's level, the most samples its rule lets one tube pool, and whether its residents are sampled at home. */
	public record Terms(ZoneLevel level, int poolSize, boolean doorToDoor) {

		static Terms of(Zone zone) {
			return new Terms(zone.level(), zone.rule().poolSize(), zone.rule().doorToDoor());
		}
	}
}
