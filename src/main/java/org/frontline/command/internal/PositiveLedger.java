package org.frontline.command.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Confirmed positives as the command centre heard them, with how each was found. */
@Repository("commandPositiveLedger")
public class PositiveLedger {

	private final JdbcClient jdbc;

	PositiveLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Keeps a confirmed positive once per person and round (a redelivered event changes nothing). */
	public void record(long personId, long roundId, String tubeCode, String area, FoundBy foundBy, Instant at) {
		jdbc.sql("""
				INSERT INTO command_positive (person_id, round_id, tube_code, area, found_by, confirmed_at)
				VALUES (:p, :r, :t, :a, :f, :at) ON CONFLICT (person_id, round_id) DO NOTHING""")
			.param("p", personId).param("r", roundId).param("t", tubeCode).param("a", area).param("f", foundBy.name())
			.param("at", Timestamp.from(at)).update();
	}

	/** Positives confirmed in [from, to) inside [low, high), per area code, counted per way of finding. */
	public Map<String, Map<FoundBy, Long>> counts(String low, String high, Instant from, Instant to) {
		Map<String, Map<FoundBy, Long>> counts = new HashMap<>();
		jdbc.sql("""
				SELECT area, found_by, count(*) FROM command_positive
				WHERE confirmed_at >= :from AND confirmed_at < :to AND area >= :low AND area < :high
				GROUP BY area, found_by""")
			.param("low", low).param("high", high).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
			.query(rs -> {
				counts.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
					.put(FoundBy.valueOf(rs.getString(2)), rs.getLong(3));
			});
		return counts;
	}

	public static List<FoundBy> ways() {
		return List.of(FoundBy.values());
	}
}
