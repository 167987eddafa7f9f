package org.frontline.testing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.frontline.testing.SelfReport;
import org.frontline.testing.SelfReportKind;
import org.frontline.testing.SelfReportStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Residents who came forward, and how their single tube resolved them. */
@Repository
public class SelfReportRepository {

	private static final String SELECT = """
			SELECT r.*, t.code AS result_code FROM testing_self_report r
			LEFT JOIN testing_tube t ON t.id = r.result_tube_id
			""";

	private final JdbcClient jdbc;

	SelfReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new report, unless the client id was seen or the person has one open: then nothing is written. */
	public Optional<Long> insert(UUID clientId, long personId, String community, SelfReportKind kind, String note,
			Instant at, String by) {
		return jdbc.sql("""
				INSERT INTO testing_self_report (client_id, person_id, community, kind, note, reported_at, recorded_by)
				VALUES (:client, :person, :community, :kind, :note, :at, :by)
				ON CONFLICT DO NOTHING RETURNING id""")
			.param("client", clientId)
			.param("person", personId)
			.param("community", community)
			.param("kind", kind.name())
			.param("note", note)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.query(Long.class)
			.optional();
	}

	/** The report a resent form made, or the person's open one. */
	public Optional<SelfReport> existing(UUID clientId, long personId) {
		return jdbc.sql(SELECT + " WHERE r.client_id = :client OR (r.person_id = :person AND r.status = 'OPEN') "
				+ "ORDER BY (r.client_id = :client) DESC LIMIT 1")
			.param("client", clientId)
			.param("person", personId)
			.query(SelfReportRepository::report)
			.optional();
	}

	public Optional<SelfReport> find(long id) {
		return jdbc.sql(SELECT + " WHERE r.id = :id").param("id", id).query(SelfReportRepository::report).optional();
	}

	/** Reports of communities in an area range, open ones first, then the latest. */
	public List<SelfReport> inArea(String low, String high, int limit) {
		return jdbc.sql(SELECT + """
				WHERE r.community >= :low AND r.community < :high
				ORDER BY (r.status = 'OPEN') DESC, r.reported_at DESC, r.id DESC LIMIT :limit""")
			.param("low", low)
			.param("high", high)
			.param("limit", limit)
			.query(SelfReportRepository::report)
			.list();
	}

	/**
	 * The open reports of the people sampled in a single tube after they came forward, resolved by its result:
	 * answers them as they now are.
	 */
	public List<SelfReport> resolve(long tubeId, boolean positive, Instant now) {
		List<Long> ids = jdbc.sql("""
				UPDATE testing_self_report r SET status = :status, resolved_at = :now, result_tube_id = s.tube_id
				FROM testing_sample s
				WHERE s.tube_id = :tube AND s.removed_at IS NULL AND s.person_id = r.person_id
				  AND r.status = 'OPEN' AND s.sampled_at >= r.reported_at
				RETURNING r.id""")
			.param("status", positive ? SelfReportStatus.CONFIRMED_POSITIVE.name() : SelfReportStatus.CLEARED.name())
			.param("now", Timestamp.from(now))
			.param("tube", tubeId)
			.query(Long.class)
			.list();
		return ids.stream().map(this::find).flatMap(Optional::stream).toList();
	}

	/** Whether the person came forward between these instants. */
	public boolean reported(long personId, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM testing_self_report
				               WHERE person_id = :person AND reported_at >= :from AND reported_at <= :to)""")
			.param("person", personId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(Boolean.class)
			.single();
	}

	private static SelfReport report(ResultSet rs, int n) throws SQLException {
		Timestamp resolved = rs.getTimestamp("resolved_at");
		return new SelfReport(rs.getLong("id"), rs.getLong("person_id"), null, rs.getString("community"),
				SelfReportKind.valueOf(rs.getString("kind")), rs.getString("note"),
				rs.getTimestamp("reported_at").toInstant(), rs.getString("recorded_by"),
				SelfReportStatus.valueOf(rs.getString("status")), resolved == null ? null : resolved.toInstant(),
				rs.getString("result_code"));
	}
}
