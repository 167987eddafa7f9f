package org.frontline.supplies.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.frontline.supplies.Place;
import org.frontline.supplies.PlaceKind;
import org.frontline.testing.SamplingOutlook;
import org.frontline.testing.SamplingOutlook.SiteAhead;
import org.springframework.stereotype.Component;

/**
 * The open rounds' sampling still to do: at each site, its residents still to sample need that many swabs and one
 * tube of the round's pool size per pool, spread over the days left until the round ends (at least one).
 */
@Component
class SamplingPlannedUse implements PlannedUse {

	private final SamplingOutlook outlook;

	/** What the rounds still need changes by the minute, not by the request: read at most twice a minute. */
	private final Cache<String, List<SiteAhead>> recent = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(30))
		.build();

	private final PlaceDirectory places;

	SamplingPlannedUse(SamplingOutlook outlook, PlaceDirectory places) {
		this.outlook = outlook;
		this.places = places;
	}

	@Override
	public Map<String, Map<String, Double>> daily(String low, String high, Instant now) {
		Map<String, Map<String, Double>> use = new HashMap<>();
		for (SiteAhead ahead : recent.get("ahead", key -> outlook.ahead())) {
			Place site = Place.of(PlaceKind.SITE, ahead.siteId());
			String area = places.find(site).map(info -> info.area()).orElse(null);
			if (area == null || area.compareTo(low) < 0 || area.compareTo(high) >= 0) {
				continue;
			}
			double days = CoverRules.daysLeft(now, ahead.endsAt());
			Map<String, Double> items = use.computeIfAbsent(site.toString(), k -> new HashMap<>());
			items.merge(TubeItems.tube(ahead.poolSize()), ahead.residents() / ahead.poolSize() / days, Double::sum);
			items.merge(TubeItems.SWAB, ahead.residents() / days, Double::sum);
		}
		return use;
	}
}
