package org.frontline.zones.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.frontline.zones.ProposalStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Lockdown proposals: one pending per compound and building at a time, counting the positives behind it. */
@Repository
public class ProposalRepository {

	private final JdbcClient jdbc;

	ProposalRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A proposal as stored. */
	public record ProposalRow(long id, String area, String areaName, String building, int positives, Instant firstAt,
			Instant lastAt, ProposalStatus status, String decidedBy, Instant decidedAt, String reason, Long zoneId) {
	}

	/** Proposes the compound's building, or counts one more positive for the proposal already pending there. */
	public ProposalRow propose(String area, String areaName, String building, Instant at) {
		return jdbc.sql("""
				INSERT INTO zones_proposal AS p (area_code, area_name, building, first_at, last_at)
				VALUES (:area, :name, :building, :at, :at)
				ON CONFLICT (area_code, coalesce(building, '')) WHERE status = 'PENDING'
				DO UPDATE SET positives = p.positives + 1, last_at = greatest(p.last_at, excluded.last_at)
				RETURNING *
				""")
			.param("area", area)
			.param("name", areaName)
			.param("building", building)
			.param("at", Timestamp.from(at))
			.query(ProposalRepository::row)
			.single();
	}

	public Optional<ProposalRow> lock(long id) {
		return jdbc.sql("SELECT * FROM zones_proposal WHERE id = :id FOR UPDATE").param("id", id).query(ProposalRepository::row).optional();
	}

	/** Proposals of a status (every status when null) inside an area code range, newest first. */
	public List<ProposalRow> list(ProposalStatus status, String low, String high, int limit) {
		return jdbc.sql("""
				SELECT * FROM zones_proposal
				WHERE (CAST(:status AS text) IS NULL OR status = :status) AND area_code >= :low AND area_code < :high
				ORDER BY status = 'PENDING' DESC, last_at DESC, id DESC LIMIT :limit
				""")
			.param("status", status == null ? null : status.name())
			.param("low", low)
			.param("high", high)
			.param("limit", limit)
			.query(ProposalRepository::row)
			.list();
	}

	public void decide(long id, ProposalStatus status, String by, Instant at, String reason, Long zoneId) {
		jdbc.sql("""
				UPDATE zones_proposal SET status = :status, decided_by = :by, decided_at = :at, reason = :reason,
				       zone_id = :zone
				WHERE id = :id AND status = 'PENDING'
				""")
			.param("status", status.name())
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("reason", reason)
			.param("zone", zoneId)
			.param("id", id)
			.update();
	}

	static ProposalRow row(ResultSet rs, int n) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new ProposalRow(rs.getLong("id"), rs.getString("area_code"), rs.getString("area_name"),
				rs.getString("building"), rs.getInt("positives"), rs.getTimestamp("first_at").toInstant(),
				rs.getTimestamp("last_at").toInstant(), ProposalStatus.valueOf(rs.getString("status")),
				rs.getString("decided_by"), decided == null ? null : decided.toInstant(), rs.getString("reason"),
				(Long) rs.getObject("zone_id"));
	}
}
