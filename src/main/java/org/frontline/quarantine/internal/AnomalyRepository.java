package org.frontline.quarantine.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.frontline.quarantine.Anomaly;
import org.frontline.quarantine.AnomalyStep;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Anomalies and every step of their handling. */
@Repository
public class AnomalyRepository {

	private static final String ANOMALY = """
			SELECT a.*, f.name AS facility_name, r.number AS room_number, s.name AS person_name
			FROM quarantine_anomaly a JOIN quarantine_facility f ON f.id = a.facility_id
			JOIN quarantine_stay s ON s.id = a.stay_id JOIN quarantine_room r ON r.id = s.room_id
			""";

	private final JdbcClient jdbc;

	AnomalyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long stayId, long facilityId, Long observationId, List<String> reasons, Instant at,
			Instant deadline) {
		return jdbc.sql("""
				INSERT INTO quarantine_anomaly (stay_id, facility_id, observation_id, reasons, opened_at, ack_deadline)
				VALUES (:s, :f, :o, :reasons, :at, :deadline) RETURNING id""")
			.param("s", stayId).param("f", facilityId).param("o", observationId)
			.param("reasons", reasons.toArray(String[]::new)).param("at", Timestamp.from(at))
			.param("deadline", Timestamp.from(deadline))
			.query(Long.class).single();
	}

	public void step(long anomalyId, Instant at, String action, int level, String by, String note) {
		jdbc.sql("""
				INSERT INTO quarantine_anomaly_step (anomaly_id, at, action, level, by_user, note)
				VALUES (:a, :at, :action, :level, :by, :note)""")
			.param("a", anomalyId).param("at", Timestamp.from(at)).param("action", action).param("level", level)
			.param("by", by).param("note", note).update();
	}

	public Optional<Anomaly> find(long id) {
		return jdbc.sql(ANOMALY + "WHERE a.id = :id").param("id", id).query(this::anomaly).optional();
	}

	public List<Anomaly> visible(Long place, String low, String high, String status, int limit) {
		return jdbc.sql(ANOMALY + """
				WHERE (CAST(:place AS bigint) IS NULL OR a.facility_id = :place) AND f.area_code >= :low
				  AND f.area_code < :high AND (CAST(:status AS text) IS NULL OR a.status = :status)
				ORDER BY a.status = 'CLOSED', a.opened_at DESC LIMIT :limit""")
			.param("place", place).param("low", low).param("high", high).param("status", status)
			.param("limit", limit).query(this::anomaly).list();
	}

	public long openCount(long stayId) {
		return jdbc.sql("SELECT count(*) FROM quarantine_anomaly WHERE stay_id = :s AND status <> 'CLOSED'")
			.param("s", stayId).query(Long.class).single();
	}

	/** The stays of a facility with an anomaly not yet closed. */
	public java.util.Set<Long> staysWithOpenAnomalies(long facilityId) {
		return new java.util.HashSet<>(jdbc.sql(
				"SELECT DISTINCT stay_id FROM quarantine_anomaly WHERE facility_id = :f AND status <> 'CLOSED'")
			.param("f", facilityId).query(Long.class).list());
	}

	/**
	 * Open anomalies past their deadline, locked; another instance running the same job skips them, so each is
	 * escalated once.
	 */
	public List<Long> overdue(Instant now, int limit) {
		return jdbc.sql("""
				SELECT id FROM quarantine_anomaly WHERE status = 'OPEN' AND ack_deadline <= :now
				ORDER BY ack_deadline LIMIT :limit FOR UPDATE SKIP LOCKED""")
			.param("now", Timestamp.from(now)).param("limit", limit).query(Long.class).list();
	}

	public void escalate(long id, int level, Instant deadline) {
		jdbc.sql("UPDATE quarantine_anomaly SET level = :level, ack_deadline = :deadline WHERE id = :id")
			.param("id", id).param("level", level).param("deadline", Rows.ts(deadline)).update();
	}

	public boolean acknowledge(long id, Instant at, String by) {
		return jdbc.sql("""
				UPDATE quarantine_anomaly SET status = 'ACKNOWLEDGED', acknowledged_at = :at, acknowledged_by = :by
				WHERE id = :id AND status = 'OPEN'""")
			.param("id", id).param("at", Timestamp.from(at)).param("by", by).update() == 1;
	}

	public boolean close(long id, Instant at, String by, String outcome) {
		return jdbc.sql("""
				UPDATE quarantine_anomaly SET status = 'CLOSED', closed_at = :at, closed_by = :by, outcome = :outcome,
				       acknowledged_at = coalesce(acknowledged_at, :at), acknowledged_by = coalesce(acknowledged_by, :by)
				WHERE id = :id AND status <> 'CLOSED'""")
			.param("id", id).param("at", Timestamp.from(at)).param("by", by).param("outcome", outcome)
			.update() == 1;
	}

	private List<AnomalyStep> steps(long anomalyId) {
		return jdbc.sql("SELECT * FROM quarantine_anomaly_step WHERE anomaly_id = :a ORDER BY id").param("a", anomalyId)
			.query((rs, n) -> new AnomalyStep(Rows.instant(rs, "at"), rs.getString("action"), rs.getInt("level"),
					rs.getString("by_user"), rs.getString("note")))
			.list();
	}

	private Anomaly anomaly(ResultSet rs, int n) throws SQLException {
		long id = rs.getLong("id");
		return new Anomaly(id, rs.getLong("stay_id"), rs.getLong("facility_id"), rs.getString("facility_name"),
				rs.getString("room_number"), org.frontline.shared.Masking.name(rs.getString("person_name")),
				Rows.strings(rs, "reasons", s -> s), Rows.instant(rs, "opened_at"), rs.getString("status"),
				rs.getInt("level"), Rows.instant(rs, "ack_deadline"), Rows.instant(rs, "acknowledged_at"),
				rs.getString("acknowledged_by"), Rows.instant(rs, "closed_at"), rs.getString("closed_by"),
				rs.getString("outcome"), steps(id));
	}
}
