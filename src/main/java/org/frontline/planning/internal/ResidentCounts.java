package org.frontline.planning.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Residents per compound with their bedridden, no-smartphone and elderly-living-alone counts, read from the people
 * module's published view {@code people_resident} in one grouped statement.
 */
@Repository
public class ResidentCounts {

	private final JdbcClient jdbc;

	ResidentCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Counts per area code of the residents, for codes in [low, high). */
	public record Count(String area, int residents, int bedridden, int noSmartphone, int elderlyLivingAlone) {
	}

	public List<Count> inside(String low, String high) {
		List<Count> counts = new ArrayList<>();
		jdbc.sql("""
				SELECT area_code, count(*) AS residents,
				       count(*) FILTER (WHERE 'BEDRIDDEN' = ANY (tags)) AS bedridden,
				       count(*) FILTER (WHERE 'NO_SMARTPHONE' = ANY (tags)) AS no_smartphone,
				       count(*) FILTER (WHERE 'ELDERLY_LIVING_ALONE' = ANY (tags)) AS elderly
				FROM people_resident WHERE area_code >= :low AND area_code < :high
				GROUP BY area_code ORDER BY area_code
				""").param("low", low).param("high", high).query(rs -> {
			counts.add(new Count(rs.getString("area_code"), rs.getInt("residents"), rs.getInt("bedridden"),
					rs.getInt("no_smartphone"), rs.getInt("elderly")));
		});
		return counts;
	}

	/** Residents and bedridden of some buildings of a compound. */
	public record BuildingCount(String area, String building, int residents, int bedridden) {
	}

	/** Counts per building of these compounds' buildings (codes and building names; buildings nobody lives in left out). */
	public List<BuildingCount> inBuildings(Collection<String> areas, Collection<String> buildings) {
		if (areas.isEmpty() || buildings.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT area_code, btrim(building) AS building, count(*) AS residents,
				       count(*) FILTER (WHERE 'BEDRIDDEN' = ANY (tags)) AS bedridden
				FROM people_resident
				WHERE area_code = ANY (:areas) AND btrim(building) = ANY (:buildings)
				GROUP BY area_code, btrim(building)
				""").param("areas", areas.toArray(String[]::new))
			.param("buildings", buildings.toArray(String[]::new))
			.query((rs, n) -> new BuildingCount(rs.getString("area_code"), rs.getString("building"),
					rs.getInt("residents"), rs.getInt("bedridden")))
			.list();
	}
}
