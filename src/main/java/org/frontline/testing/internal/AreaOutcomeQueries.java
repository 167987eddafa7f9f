package org.frontline.testing.internal;

import java.util.List;

import org.frontline.testing.AreaRoundOutcome;
import org.frontline.testing.Round;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A round's outcome for the residents of an area or some buildings of a compound, walking the registry's address
 * index over the area and probing each resident's live samples, result and exemption in the round.
 */
@Repository
public class AreaOutcomeQueries {

	private final JdbcClient jdbc;

	AreaOutcomeQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** {@code buildings} empty: the whole area {@code [low, high)}. */
	public AreaRoundOutcome outcome(Round round, String low, String high, List<String> buildings) {
		return jdbc.sql("""
				SELECT count(*) AS residents,
				       count(s.tube_id) AS sampled,
				       count(*) FILTER (WHERE s.tube_id IS NULL AND e.person_id IS NOT NULL) AS exempted,
				       count(*) FILTER (WHERE res.outcome = 'NEGATIVE') AS negative,
				       count(*) FILTER (WHERE s.tube_id IS NOT NULL AND res.outcome IS NULL) AS pending,
				       count(*) FILTER (WHERE res.outcome IN ('POSITIVE', 'INVALID')) AS positive
				FROM people_resident p
				LEFT JOIN LATERAL (SELECT x.tube_id FROM testing_sample x
				                   WHERE x.round_id = :round AND x.person_id = p.id AND x.removed_at IS NULL
				                   ORDER BY x.sampled_at DESC, x.id DESC LIMIT 1) s ON true
				LEFT JOIN testing_result res ON res.tube_id = s.tube_id
				LEFT JOIN testing_exemption e ON e.round_id = :round AND e.person_id = p.id
				WHERE p.area_code >= :low AND p.area_code < :high
				  AND (cardinality(CAST(:buildings AS text[])) = 0 OR p.building = ANY (CAST(:buildings AS text[])))
				""")
			.param("round", round.id())
			.param("low", low)
			.param("high", high)
			.param("buildings", buildings.toArray(String[]::new))
			.query((rs, n) -> new AreaRoundOutcome(round.id(), round.name(), round.startsAt(), round.status(),
					rs.getLong("residents"), rs.getLong("sampled"), rs.getLong("exempted"), rs.getLong("negative"),
					rs.getLong("pending"), rs.getLong("positive")))
			.single();
	}
}
