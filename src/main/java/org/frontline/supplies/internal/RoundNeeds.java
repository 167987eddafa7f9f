package org.frontline.supplies.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.frontline.planning.RoundPlanned;
import org.frontline.supplies.Norm;
import org.frontline.supplies.NormBasis;
import org.frontline.supplies.Place;
import org.frontline.supplies.PlaceKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What the round planner says each site needs for a round, kept from the planning module's RoundPlanned (the round's
 * latest plan replaces an earlier one; a late redelivery of an earlier plan changes nothing), as planned use of the
 * site: before the round starts its tubes, swabs and protective sets spread over the round's days, so that stock can
 * be laid in before the first person arrives; once it has started the protective sets over the days left (tubes and
 * swabs then follow the sampling still to do, {@link SamplingPlannedUse}).
 */
@Component
class RoundNeeds implements PlannedUse {

	private final JdbcClient jdbc;

	private final NormRepository norms;

	private final PlaceDirectory places;

	RoundNeeds(JdbcClient jdbc, NormRepository norms, PlaceDirectory places) {
		this.jdbc = jdbc;
		this.norms = norms;
		this.places = places;
	}

	@ApplicationModuleListener
	void on(RoundPlanned planned) {
		jdbc.sql("DELETE FROM supplies_round_need WHERE round_id = :round AND plan_id < :plan")
			.param("round", planned.roundId())
			.param("plan", planned.planId())
			.update();
		List<Norm> set = norms.of(NormBasis.SAMPLER_SHIFT);
		// One statement writes a row once: a protective set's item also among the tubes and swabs keeps the set's row.
		Map<String, Need> needs = new LinkedHashMap<>();
		for (RoundPlanned.SiteNeeds site : planned.sites()) {
			Map<String, Double> items = new LinkedHashMap<>();
			site.tubesByPool().forEach((pool, tubes) -> items.merge(TubeItems.tube(pool), tubes.doubleValue(), Double::sum));
			items.merge(TubeItems.SWAB, (double) site.swabs(), Double::sum);
			items.forEach((item, quantity) -> needs.put(site.siteId() + ":" + item,
					new Need(site.siteId(), item, quantity, true)));
			Map<String, Double> sets = new LinkedHashMap<>();
			set.forEach(norm -> sets.merge(norm.item(), site.ppeSets() * norm.quantity().doubleValue(), Double::sum));
			sets.forEach((item, quantity) -> needs.put(site.siteId() + ":" + item,
					new Need(site.siteId(), item, quantity, false)));
		}
		if (needs.isEmpty()) {
			return;
		}
		jdbc.sql("""
				INSERT INTO supplies_round_need AS n
				    (round_id, site_id, item_code, plan_id, starts_at, ends_at, quantity, until_start)
				SELECT :round, s, i, :plan, :starts, :ends, q, u
				FROM unnest(:sites::bigint[], :items::text[], :quantities::numeric[], :untilStart::boolean[]) AS x (s, i, q, u)
				ORDER BY s, i
				ON CONFLICT (round_id, site_id, item_code) DO UPDATE
				SET plan_id = excluded.plan_id, starts_at = excluded.starts_at, ends_at = excluded.ends_at,
				    quantity = excluded.quantity, until_start = excluded.until_start
				WHERE n.plan_id <= excluded.plan_id
				""")
			.param("round", planned.roundId())
			.param("plan", planned.planId())
			.param("starts", Timestamp.from(planned.startsAt()))
			.param("ends", Timestamp.from(planned.endsAt()))
			.param("sites", needs.values().stream().map(Need::site).toArray(Long[]::new))
			.param("items", needs.values().stream().map(Need::item).toArray(String[]::new))
			.param("quantities", needs.values().stream().map(Need::quantity).toArray(Double[]::new))
			.param("untilStart", needs.values().stream().map(Need::untilStart).toArray(Boolean[]::new))
			.update();
	}

	private record Need(long site, String item, double quantity, boolean untilStart) {
	}

	@Override
	public Map<String, Map<String, Double>> daily(String low, String high, Instant now) {
		Map<String, Map<String, Double>> use = new HashMap<>();
		jdbc.sql("""
				SELECT site_id, item_code, quantity, starts_at, ends_at FROM supplies_round_need n
				WHERE ends_at > :now AND (NOT until_start OR starts_at > :now)
				  AND plan_id = (SELECT max(plan_id) FROM supplies_round_need l WHERE l.round_id = n.round_id)
				""").param("now", Timestamp.from(now)).query(rs -> {
			Place site = Place.of(PlaceKind.SITE, rs.getLong("site_id"));
			String area = places.find(site).map(info -> info.area()).orElse(null);
			if (area == null || area.compareTo(low) < 0 || area.compareTo(high) >= 0) {
				return;
			}
			Instant starts = rs.getTimestamp("starts_at").toInstant();
			double days = CoverRules.daysLeft(now.isBefore(starts) ? starts : now, rs.getTimestamp("ends_at").toInstant());
			use.computeIfAbsent(site.toString(), k -> new HashMap<>())
				.merge(rs.getString("item_code"), rs.getDouble("quantity") / days, Double::sum);
		});
		return use;
	}
}
