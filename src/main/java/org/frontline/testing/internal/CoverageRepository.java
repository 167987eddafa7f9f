package org.frontline.testing.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.frontline.shared.Masking;
import org.frontline.testing.MissingPerson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Coverage of a round: the registry's residents per area code (people_residents_by_area) against the round's counters
 * of sampled and exempted people (testing_coverage_count, kept by triggers on testing_sample and testing_exemption),
 * so that a district's coverage reads a few hundred rows; the not-yet-tested list as an anti-join walking the registry's address index.
 * The registry is read only through the people module's views.
 */
@Repository
public class CoverageRepository {

	private final JdbcClient jdbc;

	CoverageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Residents of one area code: in scope, sampled, exempted (and not sampled). */
	public record Counts(long inScope, long sampled, long exempted) {

		public Counts plus(Counts other) {
			return new Counts(inScope + other.inScope, sampled + other.sampled, exempted + other.exempted);
		}
	}

	/**
	 * Per area code of a range: residents (the registry's per-area count), people sampled and exempted people not
	 * sampled (the round's counters).
	 */
	public Map<String, Counts> countsByArea(long roundId, String low, String high) {
		Map<String, Counts> counts = new HashMap<>();
		jdbc.sql("""
				SELECT area_code, sum(in_scope) AS in_scope, sum(sampled) AS sampled, sum(exempted) AS exempted
				FROM (
				  SELECT r.area_code, r.residents AS in_scope, 0 AS sampled, 0 AS exempted
				  FROM people_residents_by_area r WHERE r.area_code >= :low AND r.area_code < :high
				  UNION ALL
				  SELECT c.area_code, 0, c.sampled, c.exempted
				  FROM testing_coverage_count c WHERE c.round_id = :round AND c.area_code >= :low AND c.area_code < :high
				) k
				GROUP BY area_code
				""").param("round", roundId).param("low", low).param("high", high).query(rs -> {
			counts.put(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
		});
		return counts;
	}

	private static final String MISSING = """
			FROM people_resident p
			WHERE p.area_code >= :low AND p.area_code < :high AND %s
			  AND NOT EXISTS (SELECT 1 FROM testing_sample s
			                  WHERE s.round_id = :round AND s.person_id = p.id AND s.removed_at IS NULL)
			  AND NOT EXISTS (SELECT 1 FROM testing_exemption e WHERE e.round_id = :round AND e.person_id = p.id)
			ORDER BY p.area_code, p.building_key, p.unit_key, p.room_key, p.id
			LIMIT %s
			""";

	/**
	 * Residents not sampled and not exempted, bedridden first (door to door), then by address in natural order
	 * (building 2 before building 11). Names in full and phones masked, as the resident list shows them to the same
	 * readers (whose scope covers these residents). Two ordered parts, each limited to the page's end so that it is
	 * planned as a walk of the registry's address index (probing the round's samples and exemptions per resident) that
	 * stops once the page is full, not as a join of the whole round.
	 */
	public List<MissingPerson> missing(long roundId, String low, String high, int limit, long offset) {
		String columns = "SELECT p.id, p.name, p.area_code, p.building, p.unit, p.room, p.phone, p.tags ";
		// The numbers are written into the statement: a plan cached for any page size would not walk the index. Nor
		// would parallel workers, which each walk a part and are merged, so this (short) read runs in one process.
		jdbc.sql("SET LOCAL max_parallel_workers_per_gather = 0").update();
		long window = limit + offset;
		return jdbc.sql("(" + columns + MISSING.formatted("p.tags @> '{BEDRIDDEN}'", window) + ") UNION ALL (" + columns
				+ MISSING.formatted("NOT p.tags @> '{BEDRIDDEN}'", window) + ") LIMIT " + limit + " OFFSET " + offset)
			.param("round", roundId)
			.param("low", low)
			.param("high", high)
			.query((rs, n) -> new MissingPerson(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), Masking.phone(rs.getString(7)),
					List.of((String[]) rs.getArray(8).getArray())))
			.list();
	}

	/** Residents of a range neither sampled nor exempted, from the counters. */
	public long missingCount(long roundId, String low, String high) {
		return countsByArea(roundId, low, high).values()
			.stream()
			.mapToLong(c -> c.inScope() - c.sampled() - c.exempted())
			.sum();
	}

	public void exempt(long roundId, long personId, String reason, String by, Instant at) {
		jdbc.sql("""
				INSERT INTO testing_exemption (round_id, person_id, reason, exempted_by, exempted_at)
				VALUES (:round, :person, :reason, :by, :at)
				ON CONFLICT (round_id, person_id) DO UPDATE SET reason = excluded.reason,
				  exempted_by = excluded.exempted_by, exempted_at = excluded.exempted_at
				""")
			.param("round", roundId)
			.param("person", personId)
			.param("reason", reason)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** Exempts a person unless they already are (a reason given by a person is kept); true when newly exempted. */
	public boolean exemptUnlessExempted(long roundId, long personId, String reason, String by, Instant at) {
		return jdbc.sql("""
				INSERT INTO testing_exemption (round_id, person_id, reason, exempted_by, exempted_at)
				VALUES (:round, :person, :reason, :by, :at)
				ON CONFLICT (round_id, person_id) DO NOTHING
				""")
			.param("round", roundId)
			.param("person", personId)
			.param("reason", reason)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/** Removes the exemptions of a person that {@code by} set with {@code reason} in rounds still open. */
	public List<Long> unexemptInOpenRounds(long personId, String reason, String by) {
		return jdbc.sql("""
				DELETE FROM testing_exemption e USING testing_round r
				WHERE e.person_id = :person AND e.reason = :reason AND e.exempted_by = :by
				  AND r.id = e.round_id AND r.status = 'OPEN'
				RETURNING e.round_id
				""")
			.param("person", personId)
			.param("reason", reason)
			.param("by", by)
			.query(Long.class)
			.list();
	}

	/** The area (compound) a resident lives in, from the registry's read view. */
	public java.util.Optional<String> areaOf(long personId) {
		return jdbc.sql("SELECT area_code FROM people_resident WHERE id = :id")
			.param("id", personId)
			.query(String.class)
			.optional();
	}

	public boolean unexempt(long roundId, long personId) {
		return jdbc.sql("DELETE FROM testing_exemption WHERE round_id = :round AND person_id = :person")
			.param("round", roundId)
			.param("person", personId)
			.update() == 1;
	}

	/** Resulted tubes of sites in an area range over the latest rounds: how many, how many positive, mean pool. */
	public record Positivity(long tubes, long positiveTubes, double meanMembers, long rounds) {
	}

	public Positivity positivity(String low, String high, int recentRounds) {
		return jdbc.sql("""
				WITH recent AS (
				  SELECT DISTINCT t.round_id FROM testing_result r
				  JOIN testing_tube t ON t.id = r.tube_id JOIN testing_site st ON st.id = t.site_id
				  WHERE st.area_code >= :low AND st.area_code < :high
				  ORDER BY t.round_id DESC LIMIT :rounds)
				SELECT count(*) AS tubes, count(*) FILTER (WHERE r.outcome = 'POSITIVE') AS positive,
				       coalesce(avg(t.samples), 0) AS members, (SELECT count(*) FROM recent) AS rounds
				FROM testing_result r
				JOIN testing_tube t ON t.id = r.tube_id JOIN testing_site st ON st.id = t.site_id
				WHERE st.area_code >= :low AND st.area_code < :high AND r.outcome <> 'INVALID'
				  AND t.round_id IN (SELECT round_id FROM recent) AND t.samples > 0
				""")
			.param("low", low)
			.param("high", high)
			.param("rounds", recentRounds)
			.query((rs, n) -> new Positivity(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getLong(4)))
			.single();
	}
}
