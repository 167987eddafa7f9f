package org.frontline.testing.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.frontline.testing.Visit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A round's visits (check-in and sample times per site), streamed from the database in chunks. */
@Repository
public class VisitQueries {

	private static final int FETCH_SIZE = 10_000;

	private final JdbcClient jdbc;

	VisitQueries(DataSource dataSource) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.jdbc = JdbcClient.create(template);
	}

	public void visits(long roundId, String low, String high, Consumer<Visit> each) {
		jdbc.sql("""
				SELECT s.site_id, s.sampled_by, c.checked_in_at, s.sampled_at
				FROM testing_sample s
				JOIN testing_site site ON site.id = s.site_id AND site.area_code >= :low AND site.area_code < :high
				LEFT JOIN LATERAL (SELECT max(c.checked_in_at) AS checked_in_at FROM testing_checkin c
				                   WHERE c.person_id = s.person_id AND c.round_id = s.round_id AND c.site_id = s.site_id
				                     AND c.checked_in_at <= s.sampled_at AND NOT c.fever) c ON true
				WHERE s.round_id = :round AND s.removed_at IS NULL
				UNION ALL
				SELECT c.site_id, NULL, c.checked_in_at, NULL
				FROM testing_checkin c
				JOIN testing_site site ON site.id = c.site_id AND site.area_code >= :low AND site.area_code < :high
				WHERE c.round_id = :round AND NOT c.fever
				  AND NOT EXISTS (SELECT 1 FROM testing_sample s WHERE s.round_id = c.round_id
				                  AND s.person_id = c.person_id AND s.removed_at IS NULL
				                  AND s.sampled_at >= c.checked_in_at)
				""")
			.param("round", roundId)
			.param("low", low)
			.param("high", high)
			.query(rs -> {
				each.accept(new Visit(rs.getLong(1), rs.getString(2), instant(rs.getTimestamp(3)),
						instant(rs.getTimestamp(4))));
			});
	}

	private static Instant instant(Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}
}
