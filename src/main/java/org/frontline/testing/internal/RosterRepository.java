package org.frontline.testing.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.frontline.shared.Masking;
import org.frontline.testing.MissingPerson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The members of roster rounds, and what the round's samples and exemptions say about them: the same anti-join as an
 * area's not-yet-tested list, walking the round's members instead of the registry's addresses.
 */
@Repository
public class RosterRepository {

	private final JdbcClient jdbc;

	RosterRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void markRoster(long roundId) {
		jdbc.sql("UPDATE testing_round SET roster = true WHERE id = :id").param("id", roundId).update();
	}

	public boolean isRoster(long roundId) {
		return jdbc.sql("SELECT roster FROM testing_round WHERE id = :id")
			.param("id", roundId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	public int add(long roundId, Collection<Long> personIds) {
		if (personIds.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				INSERT INTO testing_round_member (round_id, person_id)
				SELECT :round, unnest(:people::bigint[]) ON CONFLICT DO NOTHING
				""").param("round", roundId).param("people", personIds.toArray(Long[]::new)).update();
	}

	public int removeUnsampled(long roundId, Collection<Long> personIds) {
		if (personIds.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				DELETE FROM testing_round_member m WHERE m.round_id = :round AND m.person_id = ANY(:people::bigint[])
				  AND NOT EXISTS (SELECT 1 FROM testing_sample s
				                  WHERE s.round_id = m.round_id AND s.person_id = m.person_id AND s.removed_at IS NULL)
				""")
			.param("round", roundId)
			.param("people", personIds.toArray(Long[]::new))
			.update();
	}

	/** Per round: members, members sampled, members exempted and not sampled. */
	public record Counts(long members, long sampled, long exempted) {
	}

	public Map<Long, Counts> counts(Collection<Long> roundIds) {
		Map<Long, Counts> counts = new HashMap<>();
		if (roundIds.isEmpty()) {
			return counts;
		}
		jdbc.sql("""
				SELECT m.round_id, count(*) AS members,
				       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM testing_sample s WHERE s.round_id = m.round_id
				                        AND s.person_id = m.person_id AND s.removed_at IS NULL)) AS sampled,
				       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM testing_exemption e WHERE e.round_id = m.round_id
				                        AND e.person_id = m.person_id)
				                        AND NOT EXISTS (SELECT 1 FROM testing_sample s WHERE s.round_id = m.round_id
				                        AND s.person_id = m.person_id AND s.removed_at IS NULL)) AS exempted
				FROM testing_round_member m WHERE m.round_id = ANY(:rounds::bigint[])
				GROUP BY m.round_id
				""").param("rounds", roundIds.toArray(Long[]::new)).query(rs -> {
			counts.put(rs.getLong(1), new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
		});
		return counts;
	}

	/** People sampled in each round (first live samples), from the round's coverage counters: no member is read. */
	public Map<Long, Long> sampled(Collection<Long> roundIds) {
		Map<Long, Long> sampled = new HashMap<>();
		if (roundIds.isEmpty()) {
			return sampled;
		}
		jdbc.sql("""
				SELECT round_id, sum(sampled) FROM testing_coverage_count WHERE round_id = ANY(:rounds::bigint[])
				GROUP BY round_id
				""").param("rounds", roundIds.toArray(Long[]::new)).query(rs -> {
			sampled.put(rs.getLong(1), rs.getLong(2));
		});
		return sampled;
	}

	private static final String MISSING = """
			FROM testing_round_member m JOIN people_resident p ON p.id = m.person_id
			WHERE m.round_id = :round
			  AND NOT EXISTS (SELECT 1 FROM testing_sample s
			                  WHERE s.round_id = :round AND s.person_id = m.person_id AND s.removed_at IS NULL)
			  AND NOT EXISTS (SELECT 1 FROM testing_exemption e WHERE e.round_id = :round AND e.person_id = m.person_id)
			""";

	public List<MissingPerson> missing(long roundId, int limit, long offset) {
		return jdbc.sql("SELECT p.id, p.name, p.area_code, p.building, p.unit, p.room, p.phone, p.tags " + MISSING
				+ " ORDER BY p.name, p.id LIMIT :limit OFFSET :offset")
			.param("round", roundId)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> new MissingPerson(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), Masking.phone(rs.getString(7)),
					List.of((String[]) rs.getArray(8).getArray())))
			.list();
	}

	public long missingCount(long roundId) {
		return jdbc.sql("SELECT count(*) " + MISSING).param("round", roundId).query(Long.class).single();
	}

	/** Each person's latest sampling since {@code since} whose tube was tested negative. */
	public Map<Long, Instant> latestNegative(Collection<Long> personIds, Instant since) {
		Map<Long, Instant> latest = new HashMap<>();
		if (personIds.isEmpty()) {
			return latest;
		}
		jdbc.sql("""
				SELECT s.person_id, max(s.sampled_at) FROM testing_sample s
				JOIN testing_result r ON r.tube_id = s.tube_id
				WHERE s.person_id = ANY(:people::bigint[]) AND s.removed_at IS NULL AND s.sampled_at >= :since
				  AND r.outcome = 'NEGATIVE'
				GROUP BY s.person_id
				""").param("people", personIds.toArray(Long[]::new)).param("since", Timestamp.from(since)).query(rs -> {
			latest.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
		});
		return latest;
	}
}
