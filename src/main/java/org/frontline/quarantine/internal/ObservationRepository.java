package org.frontline.quarantine.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.frontline.quarantine.Observation;
import org.frontline.quarantine.Symptom;
import org.frontline.quarantine.TestResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Observations of people in quarantine. */
@Repository
public class ObservationRepository {

	private static final String OBSERVATION = """
			SELECT o.*, (SELECT a.id FROM quarantine_anomaly a WHERE a.observation_id = o.id LIMIT 1) AS anomaly_id
			FROM quarantine_observation o
			""";

	private final JdbcClient jdbc;

	ObservationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long stayId, Instant at, LocalDate on, BigDecimal temperature, List<Symptom> symptoms,
			TestResult antigen, boolean natSampled, TestResult natResult, String note, String by, Instant recordedAt,
			String requestId) {
		return jdbc.sql("""
				INSERT INTO quarantine_observation (stay_id, at, observed_on, temperature, symptoms, antigen, nat_sampled,
				    nat_result, note, recorded_by, recorded_at, request_id)
				VALUES (:s, :at, :on, :t, :symptoms, :antigen, :sampled, :nat, :note, :by, :recordedAt, :requestId)
				RETURNING id""")
			.param("s", stayId).param("at", Timestamp.from(at)).param("on", Date.valueOf(on)).param("t", temperature)
			.param("symptoms", Rows.array(symptoms)).param("antigen", antigen == null ? null : antigen.name())
			.param("sampled", natSampled).param("nat", natResult == null ? null : natResult.name())
			.param("note", note).param("by", by).param("recordedAt", Timestamp.from(recordedAt))
			.param("requestId", requestId)
			.query(Long.class).single();
	}

	public Optional<Observation> find(long id) {
		return jdbc.sql(OBSERVATION + "WHERE o.id = :id").param("id", id).query(ObservationRepository::observation).optional();
	}

	public Optional<Observation> byRequestId(String requestId) {
		return jdbc.sql(OBSERVATION + "WHERE o.request_id = :r").param("r", requestId)
			.query(ObservationRepository::observation).optional();
	}

	public List<Observation> ofStay(long stayId) {
		return jdbc.sql(OBSERVATION + "WHERE o.stay_id = :s ORDER BY o.at").param("s", stayId)
			.query(ObservationRepository::observation).list();
	}

	/** Every observation on a day for the active stays of a facility. */
	public List<Observation> ofFacilityOn(long facilityId, LocalDate on) {
		return jdbc.sql(OBSERVATION + """
				JOIN quarantine_stay s ON s.id = o.stay_id
				WHERE s.facility_id = :f AND s.status = 'ACTIVE' AND o.observed_on = :on ORDER BY o.at""")
			.param("f", facilityId).param("on", Date.valueOf(on))
			.query(ObservationRepository::observation).list();
	}

	/** Every observation of the stays of a facility that are due by a date (for their release checks). */
	public List<Observation> ofStaysReleasingBy(long facilityId, LocalDate until) {
		return jdbc.sql(OBSERVATION + """
				JOIN quarantine_stay s ON s.id = o.stay_id
				WHERE s.facility_id = :f AND s.status = 'ACTIVE' AND s.planned_release <= :until ORDER BY o.at""")
			.param("f", facilityId).param("until", Date.valueOf(until))
			.query(ObservationRepository::observation).list();
	}

	private static Observation observation(ResultSet rs, int n) throws SQLException {
		return new Observation(rs.getLong("id"), rs.getLong("stay_id"), Rows.instant(rs, "at"),
				Rows.date(rs, "observed_on"), rs.getBigDecimal("temperature"),
				Rows.strings(rs, "symptoms", Symptom::valueOf), Rows.enumOf(TestResult.class, rs.getString("antigen")),
				rs.getBoolean("nat_sampled"), Rows.enumOf(TestResult.class, rs.getString("nat_result")),
				rs.getString("note"), rs.getString("recorded_by"), Rows.nullableLong(rs, "anomaly_id"));
	}
}
