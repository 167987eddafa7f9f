package org.frontline.planning;

import java.time.Instant;
import java.util.List;

/**
 * A change to the round's sites that the simulation shows meets the norms where the plan does not, numbered within
 * its plan. {@code stationsPerHour} are the stations added per hour from the round's start (extra stations) or those
 * of the new point or team. {@code staffHours} is what it costs in people's working hours; the cheapest proposal for
 * a site is recommended, the others are alternatives. Once applied, {@code appliedAt} is set and, for a new point or
 * team, {@code createdSiteId}.
 */
public record Proposal(int n, ProposalKind kind, boolean recommended, Long siteId, String siteName, String compound,
		String compoundName, Long targetSiteId, String targetSiteName, String area, List<Integer> stationsPerHour,
		int people, double staffHours, boolean meetsNorms, Double doneP90Minutes, double worstWaitP90Minutes,
		Instant appliedAt, String appliedBy, Long createdSiteId) {
}
