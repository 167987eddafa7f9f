package org.frontline.quarantine.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.frontline.quarantine.FacilityCapacity;
import org.frontline.quarantine.Room;
import org.frontline.quarantine.RoomStatus;
import org.frontline.quarantine.StaffMember;
import org.frontline.quarantine.TeamRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Facilities, their rooms and team. Room status changes are conditional updates, so two writers never both win. */
@Repository
public class FacilityRepository {

	private static final String ROOM = "SELECT id, facility_id, number, floor, type, status, status_since FROM quarantine_room ";

	private final JdbcClient jdbc;

	FacilityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A facility's row without rooms or team. */
	public record FacilityRow(long id, String name, String address, String contact, String status, String area) {
	}

	public long insert(String name, String address, String contact, String area) {
		return jdbc.sql("""
				INSERT INTO quarantine_facility (name, address, contact, area_code) VALUES (:name, :address, :contact, :area)
				RETURNING id""")
			.param("name", name).param("address", address).param("contact", contact).param("area", area)
			.query(Long.class).single();
	}

	public boolean nameTaken(String name) {
		return jdbc.sql("SELECT count(*) FROM quarantine_facility WHERE name = :name").param("name", name)
			.query(Long.class).single() > 0;
	}

	/** Adds many rooms in one statement. */
	public void insertRooms(long facilityId, List<String> numbers, List<Integer> floors, List<String> types) {
		jdbc.sql("""
				INSERT INTO quarantine_room (facility_id, number, floor, type)
				SELECT :f, n, fl, t FROM unnest(:numbers, :floors, :types) AS r (n, fl, t)""")
			.param("f", facilityId).param("numbers", numbers.toArray(String[]::new))
			.param("floors", floors.toArray(Integer[]::new)).param("types", types.toArray(String[]::new))
			.update();
	}

	public long insertStaff(long facilityId, String name, String phone, TeamRole role) {
		return jdbc.sql("""
				INSERT INTO quarantine_staff (facility_id, name, phone, role) VALUES (:f, :name, :phone, :role)
				RETURNING id""")
			.param("f", facilityId).param("name", name).param("phone", phone).param("role", role.name())
			.query(Long.class).single();
	}

	public Optional<FacilityRow> find(long id) {
		return jdbc.sql("SELECT id, name, address, contact, status, area_code FROM quarantine_facility WHERE id = :id")
			.param("id", id).query(FacilityRepository::facility).optional();
	}

	public Optional<String> areaOf(long id) {
		return jdbc.sql("SELECT area_code FROM quarantine_facility WHERE id = :id").param("id", id)
			.query(String.class).optional();
	}

	/** Facilities in a scope: one place when {@code place} is set, else every facility in the area range. */
	public List<FacilityRow> visible(Long place, String low, String high) {
		return jdbc.sql("""
				SELECT id, name, address, contact, status, area_code FROM quarantine_facility
				WHERE (CAST(:place AS bigint) IS NULL OR id = :place) AND area_code >= :low AND area_code < :high
				ORDER BY id""")
			.param("place", place).param("low", low).param("high", high)
			.query(FacilityRepository::facility).list();
	}

	public List<Room> rooms(long facilityId) {
		return jdbc.sql(ROOM + "WHERE facility_id = :f ORDER BY floor, length(number), number").param("f", facilityId)
			.query(FacilityRepository::room).list();
	}

	public Optional<Room> room(long id) {
		return jdbc.sql(ROOM + "WHERE id = :id").param("id", id).query(FacilityRepository::room).optional();
	}

	public Optional<Room> roomByNumber(long facilityId, String number) {
		return jdbc.sql(ROOM + "WHERE facility_id = :f AND number = :n").param("f", facilityId).param("n", number)
			.query(FacilityRepository::room).optional();
	}

	public List<StaffMember> team(long facilityId) {
		return jdbc.sql("SELECT id, facility_id, name, phone, role FROM quarantine_staff WHERE facility_id = :f ORDER BY role, id")
			.param("f", facilityId)
			.query((rs, n) -> new StaffMember(rs.getLong("id"), rs.getLong("facility_id"), rs.getString("name"),
					rs.getString("phone"), TeamRole.valueOf(rs.getString("role"))))
			.list();
	}

	/** Locks a room's row and reads its status, so that joining or leaving it is serialized. */
	public Optional<RoomStatus> lockRoom(long roomId) {
		return jdbc.sql("SELECT status FROM quarantine_room WHERE id = :id FOR UPDATE").param("id", roomId)
			.query(String.class).optional().map(RoomStatus::valueOf);
	}

	/** Takes the room if, at this instant, it is available; false when another intake or a status got there first. */
	public boolean occupy(long roomId, Instant at) {
		return move(roomId, RoomStatus.AVAILABLE, RoomStatus.OCCUPIED, at);
	}

	/** Takes the first available room in room order, skipping rooms another transaction is taking right now. */
	public Optional<Long> occupyFirstAvailable(long facilityId, Instant at) {
		return jdbc.sql("""
				UPDATE quarantine_room SET status = 'OCCUPIED', status_since = :at
				WHERE id = (SELECT id FROM quarantine_room WHERE facility_id = :f AND status = 'AVAILABLE'
				            ORDER BY floor, length(number), number LIMIT 1 FOR UPDATE SKIP LOCKED)
				  AND status = 'AVAILABLE'
				RETURNING id""")
			.param("f", facilityId).param("at", Timestamp.from(at))
			.query(Long.class).optional();
	}

	public boolean move(long roomId, RoomStatus from, RoomStatus to, Instant at) {
		return jdbc.sql("""
				UPDATE quarantine_room SET status = :to, status_since = :at WHERE id = :id AND status = :from""")
			.param("id", roomId).param("from", from.name()).param("to", to.name()).param("at", Timestamp.from(at))
			.update() == 1;
	}

	/** Rooms by status straight from the room rows, with the arrivals and releases expected in the next 24 hours. */
	public List<FacilityCapacity> capacity(Long place, String low, String high, Instant now, LocalDate tomorrow) {
		return jdbc.sql("""
				SELECT f.id, f.name,
				       count(r.id) AS total,
				       count(r.id) FILTER (WHERE r.status = 'AVAILABLE') AS available,
				       count(r.id) FILTER (WHERE r.status = 'OCCUPIED') AS occupied,
				       count(r.id) FILTER (WHERE r.status = 'AWAITING_DISINFECTION') AS awaiting,
				       count(r.id) FILTER (WHERE r.status = 'OUT_OF_SERVICE') AS out_of_service,
				       (SELECT count(*) FROM quarantine_arrival a WHERE a.facility_id = f.id AND a.status = 'PLANNED'
				          AND a.expected_at < :until) AS arrivals,
				       (SELECT count(*) FROM quarantine_stay s WHERE s.facility_id = f.id AND s.status = 'ACTIVE'
				          AND s.planned_release <= :tomorrow) AS releases,
				       (SELECT count(*) FROM quarantine_anomaly x WHERE x.facility_id = f.id AND x.status = 'OPEN') AS anomalies
				FROM quarantine_facility f LEFT JOIN quarantine_room r ON r.facility_id = f.id
				WHERE (CAST(:place AS bigint) IS NULL OR f.id = :place) AND f.area_code >= :low AND f.area_code < :high
				GROUP BY f.id, f.name ORDER BY f.id""")
			.param("place", place).param("low", low).param("high", high)
			.param("until", Timestamp.from(now.plusSeconds(24 * 3600)))
			.param("tomorrow", java.sql.Date.valueOf(tomorrow))
			.query((rs, n) -> new FacilityCapacity(rs.getLong("id"), rs.getString("name"), rs.getLong("total"),
					rs.getLong("available"), rs.getLong("occupied"), rs.getLong("awaiting"),
					rs.getLong("out_of_service"), rs.getLong("arrivals"), rs.getLong("releases"), rs.getLong("anomalies")))
			.list();
	}

	private static FacilityRow facility(ResultSet rs, int n) throws SQLException {
		return new FacilityRow(rs.getLong("id"), rs.getString("name"), rs.getString("address"),
				rs.getString("contact"), rs.getString("status"), rs.getString("area_code"));
	}

	private static Room room(ResultSet rs, int n) throws SQLException {
		return new Room(rs.getLong("id"), rs.getLong("facility_id"), rs.getString("number"), rs.getInt("floor"),
				rs.getString("type"), RoomStatus.valueOf(rs.getString("status")), Rows.instant(rs, "status_since"));
	}
}
