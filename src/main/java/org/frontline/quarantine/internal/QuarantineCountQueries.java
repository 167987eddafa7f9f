package org.frontline.quarantine.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.frontline.quarantine.QuarantineCounts.FacilityDay;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Aggregates of stays per facility for dashboards and reports. */
@Repository
public class QuarantineCountQueries {

	private final JdbcClient jdbc;

	QuarantineCountQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<FacilityDay> days(String low, String high, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT f.id, f.name, f.area_code,
				       count(s.id) FILTER (WHERE s.admitted_at >= :from AND s.admitted_at < :to) AS admitted,
				       count(s.id) FILTER (WHERE s.released_at >= :from AND s.released_at < :to) AS released,
				       count(s.id) FILTER (WHERE s.admitted_at < :to AND (s.released_at IS NULL OR s.released_at >= :to)) AS staying
				FROM quarantine_facility f
				LEFT JOIN quarantine_stay s ON s.facility_id = f.id AND s.admitted_at < :to
				  AND (s.released_at IS NULL OR s.released_at >= :from)
				WHERE f.area_code >= :low AND f.area_code < :high
				GROUP BY f.id, f.name, f.area_code ORDER BY f.id""")
			.param("low", low).param("high", high).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
			.query((rs, n) -> new FacilityDay(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6)))
			.list();
	}

	public Map<Long, String> facilityAreas(String low, String high) {
		Map<Long, String> areas = new LinkedHashMap<>();
		jdbc.sql("SELECT id, area_code FROM quarantine_facility WHERE area_code >= :low AND area_code < :high ORDER BY id")
			.param("low", low).param("high", high).query(rs -> {
				areas.put(rs.getLong(1), rs.getString(2));
			});
		return areas;
	}

	public Set<Long> staying(Collection<Long> personIds) {
		if (personIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("""
				SELECT person_id FROM quarantine_stay WHERE status = 'ACTIVE' AND person_id = ANY(:ids)""")
			.param("ids", personIds.toArray(Long[]::new)).query(Long.class).list());
	}
}
