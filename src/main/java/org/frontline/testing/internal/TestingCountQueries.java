package org.frontline.testing.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.frontline.testing.TestingCounts.ResultFlow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Aggregates for dashboards, each through an index: samples by site and time, results by lab and posting time. */
@Repository
public class TestingCountQueries {

	private final JdbcClient jdbc;

	TestingCountQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Map<String, Long> samplesBySiteArea(String low, String high, Instant from, Instant to) {
		Map<String, Long> counts = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT st.area_code, count(*)
				FROM testing_site st
				JOIN testing_sample s ON s.site_id = st.id AND s.sampled_at >= :from AND s.sampled_at < :to
				WHERE st.area_code >= :low AND st.area_code < :high AND s.removed_at IS NULL
				GROUP BY st.area_code ORDER BY st.area_code""")
			.param("low", low).param("high", high).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
			.query(rs -> {
				counts.put(rs.getString(1), rs.getLong(2));
			});
		return counts;
	}

	public ResultFlow results(String low, String high, Instant from, Instant to, Instant awaitingSince) {
		ResultFlow posted = jdbc.sql("""
				SELECT count(*),
				       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.posted_at - t.opened_at) / 60),
				       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM r.posted_at - t.opened_at) / 60)
				FROM testing_result r
				JOIN testing_tube t ON t.id = r.tube_id
				JOIN testing_site st ON st.id = t.site_id
				-- every lab named, so that the (lab_id, posted_at) index serves the window
				WHERE r.lab_id IN (SELECT id FROM testing_lab) AND r.posted_at >= :from AND r.posted_at < :to
				  AND st.area_code >= :low AND st.area_code < :high""")
			.param("low", low).param("high", high).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
			.query((rs, n) -> new ResultFlow(rs.getLong(1), minutes(rs.getObject(2)), minutes(rs.getObject(3)), 0))
			.single();
		long awaiting = jdbc.sql("""
				SELECT count(*)
				FROM testing_site st
				JOIN testing_tube t ON t.site_id = st.id AND t.opened_at >= :since
				WHERE st.area_code >= :low AND st.area_code < :high AND t.status = 'SEALED'
				  AND NOT EXISTS (SELECT 1 FROM testing_result r WHERE r.tube_id = t.id)""")
			.param("low", low).param("high", high).param("since", Timestamp.from(awaitingSince))
			.query(Long.class).single();
		return new ResultFlow(posted.resulted(), posted.p50Minutes(), posted.p90Minutes(), awaiting);
	}

	private static Double minutes(Object value) {
		return value == null ? null : Math.round(((Number) value).doubleValue() * 10) / 10.0;
	}
}
