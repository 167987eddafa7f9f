package org.frontline.testing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.frontline.testing.TestingCounts.ResultFlow;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Aggregates for dashboards. The whole quarters of an hour of a window are read from the tallies the triggers keep per
 * site and quarter (testing_sample_tally, testing_result_tally, testing_awaiting_tally); only the parts of a quarter
 * at its ends (the day so far ends now) are counted from the rows, through the indexes by site and time.
 */
@Repository
public class TestingCountQueries {

	static final long QUARTER_SECONDS = 15 * 60;

	private final JdbcClient jdbc;

	TestingCountQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Map<String, Long> samplesBySiteArea(String low, String high, Instant from, Instant to) {
		return count("""
				SELECT st.area_code, sum(t.samples)
				FROM testing_site st
				JOIN testing_sample_tally t ON t.site_id = st.id AND t.quarter >= :from AND t.quarter < :to
				WHERE st.area_code >= :low AND st.area_code < :high
				GROUP BY st.area_code""", """
				SELECT st.area_code, count(*)
				FROM testing_site st
				JOIN testing_sample s ON s.site_id = st.id AND s.sampled_at >= :from AND s.sampled_at < :to
				WHERE st.area_code >= :low AND st.area_code < :high AND s.removed_at IS NULL
				GROUP BY st.area_code""", rs -> rs.getString(1), low, high, new Window(from, to));
	}

	public ResultFlow results(String low, String high, Instant from, Instant to, Instant awaitingSince) {
		TreeMap<Integer, Long> turnaround = count("""
				SELECT t.minutes, sum(t.results)
				FROM testing_site st
				JOIN testing_result_tally t ON t.site_id = st.id AND t.quarter >= :from AND t.quarter < :to
				WHERE st.area_code >= :low AND st.area_code < :high
				GROUP BY t.minutes""", """
				SELECT floor(extract(epoch FROM r.posted_at - t.opened_at) / 60)::integer, count(*)
				FROM testing_result r
				JOIN testing_tube t ON t.id = r.tube_id
				JOIN testing_site st ON st.id = t.site_id
				-- every lab named, so that the (lab_id, posted_at) index serves the window
				WHERE r.lab_id IN (SELECT id FROM testing_lab) AND r.posted_at >= :from AND r.posted_at < :to
				  AND st.area_code >= :low AND st.area_code < :high
				GROUP BY 1""", rs -> rs.getInt(1), low, high, new Window(from, to));
		long resulted = turnaround.values().stream().mapToLong(Long::longValue).sum();
		Instant since = Window.ceil(awaitingSince);
		long awaiting = jdbc.sql("""
				SELECT coalesce(sum(t.tubes), 0)
				FROM testing_site st
				JOIN testing_awaiting_tally t ON t.site_id = st.id AND t.quarter >= :since
				WHERE st.area_code >= :low AND st.area_code < :high""")
			.param("low", low).param("high", high).param("since", Timestamp.from(since))
			.query(Long.class).single();
		if (since.isAfter(awaitingSince)) {
			awaiting += jdbc.sql("""
					SELECT count(*)
					FROM testing_site st
					JOIN testing_tube t ON t.site_id = st.id AND t.opened_at >= :from AND t.opened_at < :to
					WHERE st.area_code >= :low AND st.area_code < :high AND t.status = 'SEALED'
					  AND NOT EXISTS (SELECT 1 FROM testing_result r WHERE r.tube_id = t.id)""")
				.param("low", low).param("high", high)
				.param("from", Timestamp.from(awaitingSince)).param("to", Timestamp.from(since))
				.query(Long.class).single();
		}
		return new ResultFlow(resulted, minutes(Turnaround.percentile(turnaround, 0.5)),
				minutes(Turnaround.percentile(turnaround, 0.9)), awaiting);
	}

	/**
	 * Counts by key over areas [low, high) in a window: {@code tally} sums a tally over the whole quarters
	 * [:from, :to), {@code rows} counts the rows of each cut end [:from, :to); both select a key and a count. Keys
	 * whose count is zero are left out.
	 */
	private <K> TreeMap<K, Long> count(String tally, String rows, Key<K> key, String low, String high,
			Window window) {
		TreeMap<K, Long> counts = new TreeMap<>();
		RowCallbackHandler merge = rs -> counts.merge(key.read(rs), rs.getLong(2), Long::sum);
		if (window.whole()) {
			jdbc.sql(tally)
				.param("low", low).param("high", high)
				.param("from", Timestamp.from(window.firstQuarter())).param("to", Timestamp.from(window.lastQuarter()))
				.query(merge);
		}
		for (Instant[] part : window.parts()) {
			jdbc.sql(rows)
				.param("low", low).param("high", high)
				.param("from", Timestamp.from(part[0])).param("to", Timestamp.from(part[1]))
				.query(merge);
		}
		counts.values().removeIf(n -> n == 0);
		return counts;
	}

	/** Reads a count's key from its row. */
	private interface Key<K> {

		K read(ResultSet row) throws SQLException;

	}

	private static Double minutes(Double value) {
		return value == null ? null : Math.round(value * 10) / 10.0;
	}

	/**
	 * A window [from, to) cut at quarters of an hour: the whole quarters inside it (read from a tally) and the parts
	 * at its ends (read from the rows).
	 */
	record Window(Instant from, Instant to) {

		Instant firstQuarter() {
			return ceil(from);
		}

		Instant lastQuarter() {
			return floor(to);
		}

		boolean whole() {
			return firstQuarter().isBefore(lastQuarter());
		}

		Instant[][] parts() {
			if (!whole()) {
				return from.isBefore(to) ? new Instant[][] { { from, to } } : new Instant[0][];
			}
			return java.util.stream.Stream
				.of(new Instant[] { from, firstQuarter() }, new Instant[] { lastQuarter(), to })
				.filter(p -> p[0].isBefore(p[1]))
				.toArray(Instant[][]::new);
		}

		static Instant floor(Instant at) {
			return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), QUARTER_SECONDS) * QUARTER_SECONDS);
		}

		static Instant ceil(Instant at) {
			Instant floor = floor(at);
			return floor.equals(at) ? floor : floor.plusSeconds(QUARTER_SECONDS);
		}
	}
}
