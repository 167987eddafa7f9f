package org.frontline.quarantine.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.frontline.quarantine.Arrival;
import org.frontline.quarantine.Destination;
import org.frontline.quarantine.FollowUp;
import org.frontline.quarantine.KeyGroup;
import org.frontline.quarantine.Stay;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stays, with the planned arrivals that become them and the follow-up calls of key populations. */
@Repository
public class StayRepository {

	private static final String STAY = """
			SELECT s.*, r.number AS room_number, c.code AS category_code, c.name AS category_name,
			       ru.version AS rule_version
			FROM quarantine_stay s JOIN quarantine_room r ON r.id = s.room_id
			JOIN quarantine_category c ON c.id = s.category_id JOIN quarantine_rule ru ON ru.id = s.rule_id
			""";

	private final JdbcClient jdbc;

	StayRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new stay's columns. */
	public record NewStay(long facilityId, long roomId, Long personId, String name, String phone, String idNumber,
			String community, String homeAddress, long categoryId, long ruleId, Instant admittedAt,
			LocalDate admittedOn, LocalDate plannedRelease, boolean complete, List<KeyGroup> keyGroups, String needs,
			String requestId, String by, Long familyOf) {
	}

	public long insert(NewStay s) {
		return jdbc.sql("""
				INSERT INTO quarantine_stay (facility_id, room_id, person_id, name, phone, id_number, community_code,
				    home_address, category_id, rule_id, admitted_at, admitted_on, planned_release,
				    registration_complete, key_groups, needs, request_id, created_by, family_of)
				VALUES (:f, :room, :person, :name, :phone, :idNumber, :community, :address, :category, :rule, :at,
				    :on, :release, :complete, :groups, :needs, :requestId, :by, :familyOf)
				RETURNING id""")
			.param("f", s.facilityId()).param("room", s.roomId()).param("person", s.personId())
			.param("name", s.name()).param("phone", s.phone()).param("idNumber", s.idNumber())
			.param("community", s.community()).param("address", s.homeAddress()).param("category", s.categoryId())
			.param("rule", s.ruleId()).param("at", Timestamp.from(s.admittedAt()))
			.param("on", Date.valueOf(s.admittedOn())).param("release", Date.valueOf(s.plannedRelease()))
			.param("complete", s.complete()).param("groups", Rows.array(s.keyGroups())).param("needs", s.needs())
			.param("requestId", s.requestId()).param("by", s.by()).param("familyOf", s.familyOf())
			.query(Long.class).single();
	}

	public Optional<Stay> find(long id) {
		return jdbc.sql(STAY + "WHERE s.id = :id").param("id", id).query(StayRepository::stay).optional();
	}

	/** Locks the stay row for a state change (release, re-classification, observation). */
	public Optional<Stay> lock(long id) {
		jdbc.sql("SELECT id FROM quarantine_stay WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
		return find(id);
	}

	/** The stay a family member joins: the room's own stay (the one without {@code family_of}). */
	public Optional<Long> familyRoot(long stayId) {
		return jdbc.sql("SELECT coalesce(family_of, id) FROM quarantine_stay WHERE id = :id").param("id", stayId)
			.query(Long.class).optional();
	}

	public long activeInRoom(long roomId) {
		return jdbc.sql("SELECT count(*) FROM quarantine_stay WHERE room_id = :r AND status = 'ACTIVE'").param("r", roomId)
			.query(Long.class).single();
	}

	public Optional<Stay> byRequestId(String requestId) {
		return jdbc.sql(STAY + "WHERE s.request_id = :r").param("r", requestId).query(StayRepository::stay).optional();
	}

	/** The registered people of every stay of a facility, current or released. */
	public java.util.Set<Long> personIds(long facilityId) {
		return new java.util.HashSet<>(jdbc.sql("""
				SELECT DISTINCT person_id FROM quarantine_stay WHERE facility_id = :id AND person_id IS NOT NULL""")
			.param("id", facilityId)
			.query(Long.class)
			.list());
	}

	public Optional<Long> activeStayOfPerson(Long personId, String idNumber) {
		return jdbc.sql("""
				SELECT id FROM quarantine_stay WHERE status = 'ACTIVE'
				  AND ((CAST(:person AS bigint) IS NOT NULL AND person_id = :person)
				    OR (CAST(:idNumber AS text) IS NOT NULL AND id_number = :idNumber))
				LIMIT 1""")
			.param("person", personId).param("idNumber", idNumber).query(Long.class).optional();
	}

	public List<Stay> active(long facilityId) {
		return jdbc.sql(STAY + "WHERE s.facility_id = :f AND s.status = 'ACTIVE' ORDER BY r.floor, length(r.number), r.number")
			.param("f", facilityId).query(StayRepository::stay).list();
	}

	public List<Stay> all(long facilityId, String status, int limit) {
		return jdbc.sql(STAY + """
				WHERE s.facility_id = :f AND (CAST(:status AS text) IS NULL OR s.status = :status)
				ORDER BY s.admitted_at DESC LIMIT :limit""")
			.param("f", facilityId).param("status", status).param("limit", limit)
			.query(StayRepository::stay).list();
	}

	public List<Stay> releasingBy(long facilityId, LocalDate until) {
		return jdbc.sql(STAY + """
				WHERE s.facility_id = :f AND s.status = 'ACTIVE' AND s.planned_release <= :until
				ORDER BY s.planned_release, r.floor, length(r.number), r.number""")
			.param("f", facilityId).param("until", Date.valueOf(until)).query(StayRepository::stay).list();
	}

	public void completeRegistration(long id, Long personId, String name, String phone, String idNumber,
			String community, String address) {
		jdbc.sql("""
				UPDATE quarantine_stay SET person_id = :person, name = coalesce(:name, name), phone = coalesce(:phone, phone),
				       id_number = :idNumber, community_code = :community, home_address = coalesce(:address, home_address),
				       registration_complete = true
				WHERE id = :id""")
			.param("id", id).param("person", personId).param("name", name).param("phone", phone)
			.param("idNumber", idNumber).param("community", community).param("address", address).update();
	}

	public void reclassify(long id, long categoryId, long ruleId, LocalDate plannedRelease) {
		jdbc.sql("UPDATE quarantine_stay SET category_id = :c, rule_id = :r, planned_release = :release WHERE id = :id")
			.param("id", id).param("c", categoryId).param("r", ruleId).param("release", Date.valueOf(plannedRelease))
			.update();
	}

	public void homeCheck(long id, String result, String inspector, String note, Instant at) {
		jdbc.sql("""
				UPDATE quarantine_stay SET home_check_result = :result, home_check_inspector = :inspector,
				       home_check_note = :note, home_check_at = :at WHERE id = :id""")
			.param("id", id).param("result", result).param("inspector", inspector).param("note", note)
			.param("at", Timestamp.from(at)).update();
	}

	/** Ends an active stay; false when it was no longer active (released by someone else first). */
	public boolean release(long id, Destination destination, String address, String community, Instant at,
			String by, LocalDate homeMonitoringUntil) {
		return jdbc.sql("""
				UPDATE quarantine_stay SET status = 'RELEASED', destination = :destination, destination_address = :address,
				       community_code = coalesce(:community, community_code), released_at = :at, released_by = :by,
				       home_monitoring_until = :until
				WHERE id = :id AND status = 'ACTIVE'""")
			.param("id", id).param("destination", destination.name()).param("address", address)
			.param("community", community).param("at", Timestamp.from(at)).param("by", by)
			.param("until", homeMonitoringUntil == null ? null : Date.valueOf(homeMonitoringUntil))
			.update() == 1;
	}

	/**
	 * Moves a stay's intake back by whole days, under the rule version in force then, for loading demo data only.
	 */
	public void backdate(long id, int days) {
		jdbc.sql("""
				UPDATE quarantine_stay SET admitted_at = admitted_at - make_interval(days => :d),
				       admitted_on = admitted_on - :d WHERE id = :id""")
			.param("id", id).param("d", days).update();
		jdbc.sql("""
				UPDATE quarantine_stay s SET rule_id = (SELECT r.id FROM quarantine_rule r
				    WHERE r.category_id = s.category_id AND r.effective_from <= s.admitted_at
				    ORDER BY r.effective_from DESC, r.version DESC LIMIT 1)
				WHERE s.id = :id AND EXISTS (SELECT 1 FROM quarantine_rule r
				    WHERE r.category_id = s.category_id AND r.effective_from <= s.admitted_at)""")
			.param("id", id).update();
		jdbc.sql("""
				UPDATE quarantine_stay s SET planned_release = s.admitted_on + r.facility_days
				FROM quarantine_rule r WHERE r.id = s.rule_id AND s.id = :id""")
			.param("id", id).update();
	}

	public long insertArrival(long facilityId, String source, Instant expectedAt, String name, String phone,
			Long personId, long categoryId) {
		return jdbc.sql("""
				INSERT INTO quarantine_arrival (facility_id, source, expected_at, name, phone, person_id, category_id)
				VALUES (:f, :source, :at, :name, :phone, :person, :category) RETURNING id""")
			.param("f", facilityId).param("source", source).param("at", Timestamp.from(expectedAt))
			.param("name", name).param("phone", phone).param("person", personId).param("category", categoryId)
			.query(Long.class).single();
	}

	public List<Arrival> plannedArrivals(long facilityId) {
		return jdbc.sql("""
				SELECT a.*, c.code FROM quarantine_arrival a JOIN quarantine_category c ON c.id = a.category_id
				WHERE a.facility_id = :f AND a.status = 'PLANNED' ORDER BY a.expected_at, a.id""")
			.param("f", facilityId)
			.query((rs, n) -> new Arrival(rs.getLong("id"), rs.getLong("facility_id"), rs.getString("source"),
					Rows.instant(rs, "expected_at"), rs.getString("name"), rs.getString("phone"),
					Rows.nullableLong(rs, "person_id"), rs.getString("code"), rs.getString("status")))
			.list();
	}

	public boolean markArrived(long arrivalId, long facilityId) {
		return jdbc.sql("UPDATE quarantine_arrival SET status = 'ARRIVED' WHERE id = :id AND facility_id = :f AND status = 'PLANNED'")
			.param("id", arrivalId).param("f", facilityId).update() == 1;
	}

	public long insertFollowUp(long stayId, LocalDate on, Instant at, String outcome, String by) {
		return jdbc.sql("""
				INSERT INTO quarantine_follow_up (stay_id, called_on, at, outcome, by_user)
				VALUES (:s, :on, :at, :outcome, :by) RETURNING id""")
			.param("s", stayId).param("on", Date.valueOf(on)).param("at", Timestamp.from(at))
			.param("outcome", outcome).param("by", by).query(Long.class).single();
	}

	public List<FollowUp> followUpsOn(long facilityId, LocalDate on) {
		return jdbc.sql("""
				SELECT u.* FROM quarantine_follow_up u JOIN quarantine_stay s ON s.id = u.stay_id
				WHERE s.facility_id = :f AND u.called_on = :on ORDER BY u.id""")
			.param("f", facilityId).param("on", Date.valueOf(on))
			.query((rs, n) -> new FollowUp(rs.getLong("id"), rs.getLong("stay_id"), Rows.date(rs, "called_on"),
					Rows.instant(rs, "at"), rs.getString("outcome"), rs.getString("by_user")))
			.list();
	}

	private static Stay stay(ResultSet rs, int n) throws SQLException {
		return new Stay(rs.getLong("id"), rs.getLong("facility_id"), rs.getLong("room_id"),
				rs.getString("room_number"), Rows.nullableLong(rs, "person_id"), rs.getString("name"),
				rs.getString("phone"), rs.getString("id_number"), rs.getString("community_code"),
				rs.getString("home_address"), rs.getString("category_code"), rs.getString("category_name"),
				rs.getLong("rule_id"), rs.getInt("rule_version"), Rows.instant(rs, "admitted_at"),
				Rows.date(rs, "admitted_on"), Rows.date(rs, "planned_release"), rs.getBoolean("registration_complete"),
				Rows.strings(rs, "key_groups", KeyGroup::valueOf), rs.getString("needs"), rs.getString("status"),
				rs.getString("home_check_result"), rs.getString("home_check_inspector"),
				rs.getString("home_check_note"), Rows.instant(rs, "home_check_at"),
				Rows.enumOf(Destination.class, rs.getString("destination")), rs.getString("destination_address"),
				Rows.instant(rs, "released_at"), Rows.date(rs, "home_monitoring_until"));
	}
}
