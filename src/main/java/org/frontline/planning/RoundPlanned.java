package org.frontline.planning;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A round was planned: what each site and door-to-door team of it needs for the round, so that the supplies it uses
 * can be planned: tubes per pool size, swabs and protective sets (p90 of the plan's runs). The round's latest plan
 * replaces the needs of an earlier one.
 */
public record RoundPlanned(long roundId, long planId, Instant startsAt, Instant endsAt, List<SiteNeeds> sites) {

	public RoundPlanned {
		sites = List.copyOf(sites);
	}

	/** One site's needs for the round. */
	public record SiteNeeds(long siteId, Map<Integer, Integer> tubesByPool, int swabs, int ppeSets) {

		public SiteNeeds {
			tubesByPool = Map.copyOf(tubesByPool);
		}
	}

	static RoundPlanned of(RoundPlan plan, Instant endsAt) {
		return new RoundPlanned(plan.roundId(), plan.planId(), plan.startsAt(), endsAt, plan.sites()
			.stream()
			.map(site -> new SiteNeeds(site.siteId(), site.tubesByPool(), site.swabs(), site.ppeSets()))
			.toList());
	}
}
