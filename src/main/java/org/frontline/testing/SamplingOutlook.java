package org.frontline.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.frontline.shared.AreaCodes;
import org.frontline.testing.internal.CoverageRepository;
import org.frontline.testing.internal.CoverageRepository.Counts;
import org.frontline.testing.internal.OutlookQueries;
import org.frontline.testing.internal.OutlookQueries.SiteArea;
import org.frontline.testing.internal.RoundRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the rounds still need and what the sites have used, as counts with no person in them, for modules that plan
 * around sampling (supplies takes tubes and swabs from a site's stock): read without a viewer, by background work.
 * Nothing here is on the scan path; tubes are counted from what the scans already wrote.
 */
@Service
public class SamplingOutlook {

	/** Residents of the site's area a round still has to sample (not sampled, not exempted), by the round's end. */
	public record SiteAhead(long roundId, long siteId, int poolSize, double residents, Instant endsAt) {
	}

	/** Tubes opened at a site in a round with a pool size, since the round began. */
	public record TubesOpened(long roundId, long siteId, int poolSize, long tubes) {
	}

	private final RoundRepository rounds;

	private final CoverageRepository coverage;

	private final OutlookQueries queries;

	SamplingOutlook(RoundRepository rounds, CoverageRepository coverage, OutlookQueries queries) {
		this.rounds = rounds;
		this.coverage = coverage;
		this.queries = queries;
	}

	/**
	 * For every open round and each site inside its areas: the residents still to sample there. A compound's residents
	 * belong to the site whose area is the nearest one around it (a site in the compound before one for the whole
	 * community), shared equally between sites of the same area.
	 */
	@Transactional(readOnly = true)
	public List<SiteAhead> ahead() {
		List<SiteAhead> ahead = new ArrayList<>();
		for (Round round : rounds.all()) {
			if (round.status() != RoundStatus.OPEN) {
				continue;
			}
			List<SiteArea> sites = new ArrayList<>();
			Map<String, Counts> counts = new HashMap<>();
			for (String area : round.areas()) {
				String low = AreaCodes.prefix(area);
				String high = AreaCodes.upperBound(low);
				sites.addAll(queries.sitesInside(low, high));
				counts.putAll(coverage.countsByArea(round.id(), low, high));
			}
			Map<Long, Double> residents = new HashMap<>();
			for (Map.Entry<String, Counts> area : counts.entrySet()) {
				Counts c = area.getValue();
				long left = c.inScope() - c.sampled() - c.exempted();
				if (left <= 0) {
					continue;
				}
				int nearest = -1;
				List<SiteArea> serving = new ArrayList<>();
				for (SiteArea site : sites) {
					if (AreaCodes.contains(site.area(), area.getKey())) {
						int depth = site.area().length();
						if (depth > nearest) {
							nearest = depth;
							serving.clear();
						}
						if (depth == nearest) {
							serving.add(site);
						}
					}
				}
				for (SiteArea site : serving) {
					residents.merge(site.id(), (double) left / serving.size(), Double::sum);
				}
			}
			residents.forEach((site, count) -> ahead
				.add(new SiteAhead(round.id(), site, round.poolSize(), count, round.endsAt())));
		}
		return ahead;
	}

	/** Tubes opened per round, site and pool size, in the rounds open now or closed in the last {@code closedWithin}. */
	@Transactional(readOnly = true)
	public List<TubesOpened> tubesOpened(Instant now, Duration closedWithin) {
		return queries.tubesOpened(now.minus(closedWithin));
	}
}
