package org.frontline.planning;

/**
 * Where a plan misses a norm: the site (or the compound nobody serves), what the plan gives against the limit
 * (minutes; people for {@link PlanNorm#SERVED}) and, for waits, the minutes from the round's start when it does.
 */
public record Violation(PlanNorm norm, Long siteId, String area, double planned, double limit, Integer fromMinute,
		Integer toMinute) {
}
