package org.frontline.testing.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Workplace;
import org.frontline.testing.Outcome;
import org.frontline.testing.ResultRecords.Member;
import org.frontline.testing.ResultRecords.Sampling;
import org.frontline.testing.ResultRecords.Slice;
import org.frontline.testing.ResultRecords.TubeRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/**
 * Tubes with members and results, and samplings with their tube's result, read set-based: one row per tube (its
 * members aggregated) or per sampling, bounded by the viewer in SQL, streamed with a cursor for whole rounds.
 */
@Repository
public class ResultRecordQueries {

	private static final int FETCH = 2_000;

	private static final String TUBES = """
			SELECT t.id, t.code, t.round_id, t.site_id, st.name AS site_name, t.pool_size, t.opened_at, t.sealed_at,
			       coalesce(r.lab_id, b.lab_id) AS lab_id, l.name AS lab_name,
			       r.outcome, r.ct_orf1ab, r.ct_n, r.tested_at, r.posted_at, coalesce(r.corrected, false) AS corrected,
			       greatest(t.opened_at, t.sealed_at, r.posted_at,
			                CASE WHEN r.corrected THEN (SELECT max(c.corrected_at) FROM testing_result_correction c
			                                            WHERE c.tube_id = t.id) END) AS last_updated,
			       m.sample_ids, m.person_ids, m.sampled_at, m.resample
			FROM testing_tube t
			JOIN testing_site st ON st.id = t.site_id
			LEFT JOIN testing_box b ON b.id = t.box_id
			LEFT JOIN testing_result r ON r.tube_id = t.id
			LEFT JOIN testing_lab l ON l.id = coalesce(r.lab_id, b.lab_id)
			CROSS JOIN LATERAL (
			  SELECT array_agg(s.id ORDER BY s.sampled_at, s.id) AS sample_ids,
			         array_agg(s.person_id ORDER BY s.sampled_at, s.id) AS person_ids,
			         array_agg(s.sampled_at ORDER BY s.sampled_at, s.id) AS sampled_at,
			         array_agg(s.resample ORDER BY s.sampled_at, s.id) AS resample
			  FROM testing_sample s WHERE s.tube_id = t.id AND s.removed_at IS NULL) m
			""";

	private static final String SAMPLING_COLUMNS = """
			SELECT s.id, s.person_id, s.round_id, t.code, t.pool_size, s.sampled_at, s.resample,
			       r.outcome, r.tested_at, r.posted_at,
			       greatest(s.sampled_at, r.posted_at,
			                CASE WHEN r.corrected THEN (SELECT max(c.corrected_at) FROM testing_result_correction c
			                                            WHERE c.tube_id = t.id) END) AS last_updated
			""";

	private static final String SAMPLINGS = SAMPLING_COLUMNS + """
			FROM testing_sample s
			JOIN testing_tube t ON t.id = s.tube_id
			JOIN people_resident p ON p.id = s.person_id
			LEFT JOIN testing_result r ON r.tube_id = s.tube_id
			""";

	private final JdbcClient jdbc;

	ResultRecordQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<TubeRecord> tube(String code, Viewer viewer) {
		return tubeScope(jdbc.sql(TUBES + " WHERE t.code = :code AND " + tubeScope(viewer)), viewer)
			.param("code", code)
			.query(ResultRecordQueries::tube)
			.optional();
	}

	public List<TubeRecord> tubes(Slice slice, Viewer viewer, int offset, int count) {
		return tubeSlice(slice, viewer, " ORDER BY t.id LIMIT :count OFFSET :offset").param("count", count)
			.param("offset", offset)
			.query(ResultRecordQueries::tube)
			.list();
	}

	public void eachTube(Slice slice, Viewer viewer, Consumer<TubeRecord> sink) {
		serial();
		tubeSlice(slice, viewer, " ORDER BY t.id").withFetchSize(FETCH)
			.query(rs -> {
				sink.accept(tube(rs, 0));
			});
	}

	private StatementSpec tubeSlice(Slice slice, Viewer viewer, String tail) {
		String sql = TUBES + """
				 WHERE t.round_id = :round AND t.id BETWEEN :low AND :high AND %s
				   AND (CAST(:since AS timestamptz) IS NULL OR greatest(t.opened_at, t.sealed_at, r.posted_at,
				        CASE WHEN r.corrected THEN (SELECT max(c.corrected_at) FROM testing_result_correction c
				                                    WHERE c.tube_id = t.id) END) >= CAST(:since AS timestamptz))
				   AND (CAST(:until AS timestamptz) IS NULL OR t.opened_at <= CAST(:until AS timestamptz))
				""".formatted(tubeScope(viewer)) + tail;
		return tubeScope(jdbc.sql(sql), viewer).param("round", slice.roundId())
			.param("low", slice.low())
			.param("high", slice.high())
			.param("since", timestamp(slice.since()))
			.param("until", timestamp(slice.until()));
	}

	public List<Sampling> ofPerson(long personId, Long roundId, Instant since, Viewer viewer) {
		return personScope(jdbc.sql(SAMPLINGS + """
				 WHERE s.person_id = :person AND s.removed_at IS NULL AND (CAST(:round AS bigint) IS NULL OR s.round_id = :round)
				   AND %s
				 ORDER BY s.sampled_at DESC, s.id DESC LIMIT 1000
				""".formatted(personScope(viewer))), viewer).param("person", personId)
			.param("round", roundId)
			.query(ResultRecordQueries::sampling)
			.list()
			.stream()
			.filter(s -> since == null || !s.lastUpdated().isBefore(since))
			.toList();
	}

	public Optional<Sampling> sampling(long sampleId, Viewer viewer) {
		return personScope(jdbc.sql(SAMPLINGS + " WHERE s.id = :id AND s.removed_at IS NULL AND " + personScope(viewer)),
				viewer)
			.param("id", sampleId)
			.query(ResultRecordQueries::sampling)
			.optional();
	}

	public List<Sampling> samplings(Slice slice, Viewer viewer, int offset, int count) {
		return samplingSlice(slice, viewer, " ORDER BY s.person_id, s.sampled_at, s.id LIMIT :count OFFSET :offset")
			.param("count", count)
			.param("offset", offset)
			.query(ResultRecordQueries::sampling)
			.list();
	}

	public List<Sampling> samplingsOfPeople(long roundId, Instant since, Viewer viewer, int offset, int count) {
		String sql = SAMPLINGS + """
				 WHERE s.removed_at IS NULL AND s.round_id = :round AND s.person_id IN (
				   SELECT s.person_id FROM testing_sample s
				   JOIN people_resident p ON p.id = s.person_id
				   LEFT JOIN testing_result r ON r.tube_id = s.tube_id
				   WHERE s.removed_at IS NULL AND s.round_id = :round AND %s
				     AND (CAST(:since AS timestamptz) IS NULL OR greatest(s.sampled_at, r.posted_at,
				          CASE WHEN r.corrected THEN (SELECT max(c.corrected_at) FROM testing_result_correction c
				                                      WHERE c.tube_id = s.tube_id) END) >= CAST(:since AS timestamptz))
				   GROUP BY s.person_id ORDER BY s.person_id LIMIT :count OFFSET :offset)
				 ORDER BY s.person_id, s.sampled_at, s.id
				""".formatted(personScope(viewer));
		return personScope(jdbc.sql(sql), viewer).param("round", roundId)
			.param("since", timestamp(since))
			.param("count", count)
			.param("offset", offset)
			.query(ResultRecordQueries::sampling)
			.list();
	}

	public void eachSampling(Slice slice, Viewer viewer, Consumer<Sampling> sink) {
		serial();
		samplingSlice(slice, viewer, " ORDER BY s.person_id, s.sampled_at, s.id").withFetchSize(FETCH)
			.query(rs -> {
				sink.accept(sampling(rs, 0));
			});
	}

	public void eachPerson(Slice slice, Viewer viewer, LongConsumer sink) {
		serial();
		samplingSlice("SELECT DISTINCT s.person_id\n", slice, viewer, " ORDER BY s.person_id").withFetchSize(FETCH)
			.query(rs -> {
				sink.accept(rs.getLong(1));
			});
	}

	/**
	 * A whole part streamed in this transaction is read by this process alone: parallel workers take more CPU for the
	 * same rows, and an export reads several parts at once already.
	 */
	private void serial() {
		jdbc.sql("SET LOCAL max_parallel_workers_per_gather = 0").update();
	}

	private StatementSpec samplingSlice(Slice slice, Viewer viewer, String tail) {
		return samplingSlice(SAMPLING_COLUMNS, slice, viewer, tail);
	}

	private StatementSpec samplingSlice(String columns, Slice slice, Viewer viewer, String tail) {
		String sql = columns + SAMPLINGS.substring(SAMPLING_COLUMNS.length()) + """
				 WHERE s.round_id = :round AND s.removed_at IS NULL AND s.person_id BETWEEN :low AND :high AND %s
				   AND (CAST(:since AS timestamptz) IS NULL OR greatest(s.sampled_at, r.posted_at,
				        CASE WHEN r.corrected THEN (SELECT max(c.corrected_at) FROM testing_result_correction c
				                                    WHERE c.tube_id = t.id) END) >= CAST(:since AS timestamptz))
				   AND (CAST(:until AS timestamptz) IS NULL OR s.sampled_at <= CAST(:until AS timestamptz))
				""".formatted(personScope(viewer)) + tail;
		return personScope(jdbc.sql(sql), viewer).param("round", slice.roundId())
			.param("low", slice.low())
			.param("high", slice.high())
			.param("since", timestamp(slice.since()))
			.param("until", timestamp(slice.until()));
	}

	public List<Long> tubeBoundaries(long roundId, int size) {
		return jdbc.sql("""
				SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM testing_tube WHERE round_id = :round) x
				WHERE n % :size = 1 ORDER BY id
				""").param("round", roundId).param("size", size).query(Long.class).list();
	}

	public List<Long> personBoundaries(long roundId, int size) {
		return jdbc.sql("""
				SELECT person_id FROM (
				  SELECT person_id, row_number() OVER (ORDER BY person_id) AS n
				  FROM (SELECT DISTINCT person_id FROM testing_sample WHERE round_id = :round AND removed_at IS NULL) d) x
				WHERE n % :size = 1 ORDER BY person_id
				""").param("round", roundId).param("size", size).query(Long.class).list();
	}

	/** The tubes a viewer sees, as {@code Tubes} decides for one tube: by lab, site or area. */
	private static String tubeScope(Viewer viewer) {
		if (viewer.place(Workplace.LAB) != null) {
			return "b.lab_id = :scopeLab";
		}
		if (viewer.has(Role.LAB) && !viewer.hasAny(Role.ADMIN, Role.COMMANDER)) {
			return "b.lab_id IS NOT NULL AND st.area_code >= :scopeLow AND st.area_code < :scopeHigh";
		}
		if (viewer.place(Workplace.SITE) != null) {
			return "t.site_id = :scopeSite";
		}
		return "st.area_code >= :scopeLow AND st.area_code < :scopeHigh";
	}

	private static StatementSpec tubeScope(StatementSpec spec, Viewer viewer) {
		return spec.param("scopeLab", viewer.place(Workplace.LAB))
			.param("scopeSite", viewer.place(Workplace.SITE))
			.param("scopeLow", viewer.scopeLow())
			.param("scopeHigh", viewer.scopeHigh());
	}

	/** The samplings a viewer sees: of people living in their area; a place's staff see none of another place. */
	private static String personScope(Viewer viewer) {
		return "p.area_code >= :scopeLow AND p.area_code < :scopeHigh";
	}

	private static StatementSpec personScope(StatementSpec spec, Viewer viewer) {
		return spec.param("scopeLow", viewer.scopeLow()).param("scopeHigh", viewer.scopeHigh());
	}

	private static TubeRecord tube(ResultSet rs, int n) throws SQLException {
		List<Member> members = new ArrayList<>();
		Array ids = rs.getArray("sample_ids");
		if (ids != null) {
			Long[] samples = (Long[]) ids.getArray();
			Long[] people = (Long[]) rs.getArray("person_ids").getArray();
			Timestamp[] at = (Timestamp[]) rs.getArray("sampled_at").getArray();
			Boolean[] resample = (Boolean[]) rs.getArray("resample").getArray();
			for (int i = 0; i < samples.length; i++) {
				members.add(new Member(samples[i], people[i], at[i].toInstant(), resample[i]));
			}
		}
		String outcome = rs.getString("outcome");
		return new TubeRecord(rs.getLong("id"), rs.getString("code"), rs.getLong("round_id"), rs.getLong("site_id"),
				rs.getString("site_name"), rs.getInt("pool_size"), rs.getTimestamp("opened_at").toInstant(),
				instant(rs.getTimestamp("sealed_at")), (Long) rs.getObject("lab_id"), rs.getString("lab_name"),
				outcome == null ? null : Outcome.valueOf(outcome), rs.getBigDecimal("ct_orf1ab"),
				rs.getBigDecimal("ct_n"), instant(rs.getTimestamp("tested_at")), instant(rs.getTimestamp("posted_at")),
				rs.getBoolean("corrected"), rs.getTimestamp("last_updated").toInstant(), List.copyOf(members));
	}

	private static Sampling sampling(ResultSet rs, int n) throws SQLException {
		String outcome = rs.getString("outcome");
		return new Sampling(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("round_id"), rs.getString("code"),
				rs.getInt("pool_size"), rs.getTimestamp("sampled_at").toInstant(), rs.getBoolean("resample"),
				outcome == null ? null : Outcome.valueOf(outcome), instant(rs.getTimestamp("tested_at")),
				instant(rs.getTimestamp("posted_at")), rs.getTimestamp("last_updated").toInstant());
	}

	private static Instant instant(Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}

	private static Timestamp timestamp(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}
}
