package org.frontline.testing.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.frontline.testing.LabTurnaround;
import org.frontline.testing.LatestResult;
import org.frontline.testing.Outcome;
import org.frontline.testing.PersonResult;
import org.frontline.testing.TubeResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tube results: stored once per tube, read with the tube's members by join, corrected with a trail. */
@Repository
public class ResultRepository {

	private final JdbcClient jdbc;

	ResultRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A tube as the result rules see it: whether this lab received it, and the result it has, if any. */
	public record TubeState(long id, String code, long roundId, int poolSize, boolean received, Outcome outcome,
			BigDecimal ctOrf1ab, BigDecimal ctN, Instant testedAt) {

		public boolean resulted() {
			return outcome != null;
		}
	}

	/** A result to store. */
	public record NewResult(long tubeId, Outcome outcome, BigDecimal ctOrf1ab, BigDecimal ctN, Instant testedAt) {
	}

	public List<TubeState> tubes(Collection<String> codes, long labId) {
		if (codes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT t.id, t.code, t.round_id, t.pool_size,
				       coalesce(b.status = 'RECEIVED' AND b.lab_id = :lab
				         AND NOT EXISTS (SELECT 1 FROM testing_box_discrepancy d
				                         WHERE d.box_id = b.id AND d.tube_code = t.code AND d.kind = 'MISSING'), false)
				         AS received,
				       r.outcome, r.ct_orf1ab, r.ct_n, r.tested_at
				FROM testing_tube t
				LEFT JOIN testing_box b ON b.id = t.box_id
				LEFT JOIN testing_result r ON r.tube_id = t.id
				WHERE t.code = ANY (:codes::text[])
				""")
			.param("codes", codes.toArray(String[]::new))
			.param("lab", labId)
			.query(ResultRepository::state)
			.list();
	}

	private static TubeState state(ResultSet rs, int n) throws SQLException {
		String outcome = rs.getString("outcome");
		return new TubeState(rs.getLong("id"), rs.getString("code"), rs.getLong("round_id"), rs.getInt("pool_size"),
				rs.getBoolean("received"), outcome == null ? null : Outcome.valueOf(outcome),
				rs.getBigDecimal("ct_orf1ab"), rs.getBigDecimal("ct_n"), PlaceRepository.instant(rs.getTimestamp("tested_at")));
	}

	/** Stores the results in one statement; answers the tubes that got theirs now (not those resulted concurrently). */
	public Set<Long> insert(List<NewResult> results, long labId, String operator, Instant postedAt) {
		if (results.isEmpty()) {
			return Set.of();
		}
		Long[] tubes = results.stream().map(NewResult::tubeId).toArray(Long[]::new);
		String[] outcomes = results.stream().map(r -> r.outcome().name()).toArray(String[]::new);
		String[] orf = results.stream().map(r -> r.ctOrf1ab() == null ? null : r.ctOrf1ab().toPlainString()).toArray(String[]::new);
		String[] n = results.stream().map(r -> r.ctN() == null ? null : r.ctN().toPlainString()).toArray(String[]::new);
		String[] tested = results.stream().map(r -> r.testedAt().toString()).toArray(String[]::new);
		List<Long> inserted = jdbc.sql("""
				INSERT INTO testing_result (tube_id, outcome, ct_orf1ab, ct_n, tested_at, lab_id, operator, posted_at)
				SELECT r.tube_id, r.outcome, r.orf::numeric, r.n::numeric, r.tested::timestamptz, :lab, :operator, :posted
				FROM unnest(:tubes::bigint[], :outcomes::text[], :orf::text[], :n::text[], :tested::text[])
				     AS r (tube_id, outcome, orf, n, tested)
				ON CONFLICT (tube_id) DO NOTHING
				RETURNING tube_id
				""")
			.param("tubes", tubes)
			.param("outcomes", outcomes)
			.param("orf", orf)
			.param("n", n)
			.param("tested", tested)
			.param("lab", labId)
			.param("operator", operator)
			.param("posted", Timestamp.from(postedAt))
			.query(Long.class)
			.list();
		return new HashSet<>(inserted);
	}

	/** The result of a tube, with the lab's name and the minutes from the tube's first sample to the posting. */
	public Optional<TubeResult> result(long tubeId) {
		return jdbc.sql("""
				SELECT r.*, l.name AS lab_name,
				       (SELECT floor(extract(epoch FROM r.posted_at - min(s.sampled_at)) / 60)::bigint
				          FROM testing_sample s WHERE s.tube_id = r.tube_id AND s.removed_at IS NULL) AS turnaround
				FROM testing_result r JOIN testing_lab l ON l.id = r.lab_id
				WHERE r.tube_id = :tube
				""").param("tube", tubeId).query((rs, i) -> new TubeResult(Outcome.valueOf(rs.getString("outcome")),
						rs.getBigDecimal("ct_orf1ab"), rs.getBigDecimal("ct_n"), rs.getTimestamp("tested_at").toInstant(),
						rs.getLong("lab_id"), rs.getString("lab_name"), rs.getString("operator"),
						rs.getTimestamp("posted_at").toInstant(), rs.getBoolean("corrected"),
						(Long) rs.getObject("turnaround"))).optional();
	}

	/** Locks a tube's result for a correction. */
	public Optional<TubeState> lockResult(String code) {
		return jdbc.sql("""
				SELECT t.id, t.code, t.round_id, t.pool_size, true AS received,
				       r.outcome, r.ct_orf1ab, r.ct_n, r.tested_at
				FROM testing_result r JOIN testing_tube t ON t.id = r.tube_id
				WHERE t.code = :code
				FOR UPDATE OF r
				""").param("code", code).query(ResultRepository::state).optional();
	}

	public long labOf(long tubeId) {
		return jdbc.sql("SELECT lab_id FROM testing_result WHERE tube_id = :t").param("t", tubeId).query(Long.class).single();
	}

	public void correct(TubeState before, Outcome outcome, BigDecimal ctOrf1ab, BigDecimal ctN, String reason,
			String by, Instant at) {
		jdbc.sql("""
				INSERT INTO testing_result_correction (tube_id, before_outcome, before_ct_orf1ab, before_ct_n,
				  after_outcome, after_ct_orf1ab, after_ct_n, reason, corrected_by, corrected_at)
				VALUES (:tube, :bo, :borf, :bn, :ao, :aorf, :an, :reason, :by, :at)
				""")
			.param("tube", before.id())
			.param("bo", before.outcome().name())
			.param("borf", before.ctOrf1ab())
			.param("bn", before.ctN())
			.param("ao", outcome.name())
			.param("aorf", ctOrf1ab)
			.param("an", ctN)
			.param("reason", reason)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
		jdbc.sql("""
				UPDATE testing_result SET outcome = :o, ct_orf1ab = :orf, ct_n = :n, corrected = true WHERE tube_id = :tube
				""").param("o", outcome.name()).param("orf", ctOrf1ab).param("n", ctN).param("tube", before.id()).update();
	}

	/** Every sampling of a person with its tube's result, newest first. */
	public List<PersonResult> ofPerson(long personId) {
		return jdbc.sql("""
				SELECT s.round_id, rd.name AS round_name, t.code, t.pool_size, st.name AS site_name, s.sampled_at,
				       s.resample, r.outcome, r.tested_at, r.posted_at
				FROM testing_sample s
				JOIN testing_tube t ON t.id = s.tube_id
				JOIN testing_round rd ON rd.id = s.round_id
				JOIN testing_site st ON st.id = s.site_id
				LEFT JOIN testing_result r ON r.tube_id = s.tube_id
				WHERE s.round_id = ANY (ARRAY(SELECT id FROM testing_round)) AND s.person_id = :person
				  AND s.removed_at IS NULL
				ORDER BY s.sampled_at DESC, s.id DESC
				LIMIT 200
				""").param("person", personId).query((rs, i) -> {
			String outcome = rs.getString("outcome");
			return new PersonResult(rs.getLong("round_id"), rs.getString("round_name"), rs.getString("code"),
					rs.getInt("pool_size"), rs.getString("site_name"), rs.getTimestamp("sampled_at").toInstant(),
					rs.getBoolean("resample"), outcome == null ? null : Outcome.valueOf(outcome),
					PlaceRepository.instant(rs.getTimestamp("tested_at")),
					PlaceRepository.instant(rs.getTimestamp("posted_at")));
		}).list();
	}

	/** Each person's latest sampling with a result, in any round. */
	public List<LatestResult> latest(Collection<Long> personIds) {
		return jdbc.sql("""
				SELECT DISTINCT ON (s.person_id) s.person_id, s.sampled_at, r.outcome
				FROM testing_sample s
				JOIN testing_result r ON r.tube_id = s.tube_id
				WHERE s.round_id = ANY (ARRAY(SELECT id FROM testing_round)) AND s.person_id = ANY (:people)
				  AND s.removed_at IS NULL
				ORDER BY s.person_id, s.sampled_at DESC
				""").param("people", personIds.toArray(Long[]::new))
			.query((rs, i) -> new LatestResult(rs.getLong("person_id"), rs.getTimestamp("sampled_at").toInstant(),
					Outcome.valueOf(rs.getString("outcome"))))
			.list();
	}

	public List<LabTurnaround> turnaround(long roundId) {
		return jdbc.sql("""
				WITH per_tube AS (
				  SELECT r.lab_id, extract(epoch FROM r.posted_at - min(s.sampled_at)) / 60 AS minutes
				  FROM testing_result r
				  JOIN testing_tube t ON t.id = r.tube_id
				  JOIN testing_sample s ON s.tube_id = t.id AND s.removed_at IS NULL
				  WHERE t.round_id = :round
				  GROUP BY r.tube_id, r.lab_id, r.posted_at)
				SELECT l.id, l.name, count(*) AS tubes,
				       percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes) AS p50,
				       percentile_cont(0.9) WITHIN GROUP (ORDER BY minutes) AS p90,
				       percentile_cont(0.95) WITHIN GROUP (ORDER BY minutes) AS p95,
				       max(minutes)::float8 AS worst
				FROM per_tube p JOIN testing_lab l ON l.id = p.lab_id
				GROUP BY l.id, l.name ORDER BY l.name
				""").param("round", roundId).query((rs, i) -> new LabTurnaround(rs.getLong(1), rs.getString(2),
						rs.getLong(3), round(rs.getDouble(4)), round(rs.getDouble(5)), round(rs.getDouble(6)),
						round(rs.getDouble(7)))).list();
	}

	private static Double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	public Optional<String> labName(long labId) {
		return jdbc.sql("SELECT name FROM testing_lab WHERE id = :id").param("id", labId).query(String.class).optional();
	}

	public long storeUpload(long labId, String username, String filename, byte[] content, Instant at) {
		return jdbc.sql("""
				INSERT INTO testing_result_upload (lab_id, username, filename, content, uploaded_at)
				VALUES (:lab, :user, :name, :content, :at) RETURNING id
				""")
			.param("lab", labId)
			.param("user", username)
			.param("name", filename)
			.param("content", content)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	/** A stored upload of this lab not imported yet, locked so that it is imported once. */
	public record Upload(long id, String filename, byte[] content) {
	}

	public Optional<Upload> lockUpload(long id, long labId) {
		return jdbc.sql("""
				SELECT id, filename, content FROM testing_result_upload
				WHERE id = :id AND lab_id = :lab AND imported_at IS NULL FOR UPDATE
				""").param("id", id).param("lab", labId).query((rs, i) -> new Upload(rs.getLong(1), rs.getString(2),
						rs.getBytes(3))).optional();
	}

	public void markImported(long id, Instant at) {
		jdbc.sql("UPDATE testing_result_upload SET imported_at = :at WHERE id = :id")
			.param("id", id).param("at", Timestamp.from(at)).update();
	}
}
