package org.frontline.enterprise;

/** A registered enterprise, and its closed-loop period when one is active. */
public record Enterprise(long id, String name, String creditCode, String address, String area, String industry,
		int staffCount, Long activeLoopId) {
}
