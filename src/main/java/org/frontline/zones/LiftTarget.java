package org.frontline.zones;

/** Where a zone goes when it is lifted: a milder level, or no zone at all. */
public enum LiftTarget {

	CONTROL, PREVENTION, NONE;

	/** The level this target is, or null for NONE. */
	public ZoneLevel level() {
		return this == NONE ? null : ZoneLevel.valueOf(name());
	}

	/** Whether a zone at {@code from} may be lifted to this target: only to a milder level, or out of zones. */
	public boolean milderThan(ZoneLevel from) {
		return this == NONE || from.stricterThan(level());
	}
}
