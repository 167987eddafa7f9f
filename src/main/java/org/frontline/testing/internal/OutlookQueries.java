package org.frontline.testing.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.frontline.testing.SamplingOutlook.TubesOpened;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reads of {@link org.frontline.testing.SamplingOutlook}: sites with their areas, tubes counted per site. */
@Repository
public class OutlookQueries {

	private final JdbcClient jdbc;

	OutlookQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record SiteArea(long id, String area) {
	}

	public List<SiteArea> sitesInside(String low, String high) {
		return jdbc.sql("SELECT id, area_code FROM testing_site WHERE area_code >= :low AND area_code < :high")
			.param("low", low)
			.param("high", high)
			.query((rs, n) -> new SiteArea(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/**
	 * Tubes per round, site and pool size of the rounds open or closed since {@code closedSince}: each site's tubes
	 * since the earliest of those rounds began are read through the (site, opened at) index, not the whole table.
	 */
	public List<TubesOpened> tubesOpened(Instant closedSince) {
		return jdbc.sql("""
				WITH rounds AS (
				    SELECT id, starts_at FROM testing_round WHERE status = 'OPEN' OR closed_at >= :since
				)
				SELECT t.round_id, s.id, t.pool_size, count(*)
				FROM testing_site s
				CROSS JOIN LATERAL (
				    SELECT round_id, pool_size FROM testing_tube t
				    WHERE t.site_id = s.id AND t.opened_at >= (SELECT min(starts_at) - interval '1 day' FROM rounds)
				) t
				WHERE t.round_id IN (SELECT id FROM rounds)
				GROUP BY t.round_id, s.id, t.pool_size
				""")
			.param("since", Timestamp.from(closedSince))
			.query((rs, n) -> new TubesOpened(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4)))
			.list();
	}
}
