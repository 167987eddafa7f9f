package org.frontline.zones;

/** How strictly an area is controlled, strictest first: 封控区 (high risk), 管控区 (medium), 防范区 (low). */
public enum ZoneLevel {

	LOCKDOWN, CONTROL, PREVENTION;

	/** 3 for LOCKDOWN, 2 for CONTROL, 1 for PREVENTION (as the read view {@code zones_zone_period} says). */
	public int strictness() {
		return 3 - ordinal();
	}

	public boolean stricterThan(ZoneLevel other) {
		return other == null || strictness() > other.strictness();
	}
}
