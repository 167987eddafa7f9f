package org.frontline.quarantine;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.frontline.area.Areas;
import org.frontline.audit.AuditLog;
import org.frontline.quarantine.NewFacility.NewRoom;
import org.frontline.quarantine.NewFacility.NewStaff;
import org.frontline.quarantine.internal.FacilityAccess;
import org.frontline.quarantine.internal.FacilityRepository;
import org.frontline.quarantine.internal.FacilityRepository.FacilityRow;
import org.frontline.shared.AreaCodes;
import org.frontline.shared.Problem;
import org.frontline.shared.Problem.FieldError;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.shared.Workplace;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quarantine facilities, their rooms and team, and their live capacity. Room counts are always read from the room
 * rows, so they cannot drift from them.
 */
@Service
public class Facilities {

	private final FacilityRepository repository;

	private final FacilityAccess access;

	private final Areas areas;

	private final AuditLog auditLog;

	private final Clock clock;

	Facilities(FacilityRepository repository, FacilityAccess access, Areas areas, AuditLog auditLog, Clock clock) {
		this.repository = repository;
		this.access = access;
		this.areas = areas;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@Transactional
	public Facility create(NewFacility form) {
		Viewer viewer = Viewers.requireAny(FacilityAccess.PLANNERS);
		List<FieldError> errors = new ArrayList<>();
		String name = text(form.name(), "name", 100, true, errors);
		String address = text(form.address(), "address", 200, true, errors);
		String contact = text(form.contact(), "contact", 100, false, errors);
		String area = form.area() == null || form.area().isBlank() ? viewer.scopeArea() : form.area().strip();
		if (areas.find(area).isEmpty() || !viewer.covers(area)) {
			errors.add(new FieldError("area", "Area " + area + " does not exist in your scope."));
		}
		List<NewRoom> rooms = form.rooms() == null ? List.of() : form.rooms();
		if (rooms.isEmpty()) {
			errors.add(new FieldError("rooms", "A facility needs at least one room."));
		}
		if (rooms.size() > 2000) {
			errors.add(new FieldError("rooms", "At most 2000 rooms at once."));
		}
		Set<String> numbers = new HashSet<>();
		for (int i = 0; i < rooms.size(); i++) {
			checkRoom(rooms.get(i), "rooms[" + i + "]", numbers, errors);
		}
		List<NewStaff> team = form.team() == null ? List.of() : form.team();
		for (int i = 0; i < team.size(); i++) {
			checkStaff(team.get(i), "team[" + i + "]", errors);
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		if (repository.nameTaken(name)) {
			throw Problem.conflict("facility-exists", "A facility named " + name + " already exists.");
		}
		long id = repository.insert(name, address, contact, area);
		repository.insertRooms(id, rooms.stream().map(r -> r.number().strip()).toList(),
				rooms.stream().map(NewRoom::floor).toList(), rooms.stream().map(Facilities::roomType).toList());
		for (NewStaff member : team) {
			repository.insertStaff(id, member.name().strip(), blankToNull(member.phone()), member.role());
		}
		auditLog.record("FACILITY_CREATE", "quarantine_facility", id, name + " rooms=" + rooms.size());
		return facility(repository.find(id).orElseThrow());
	}

	@Transactional(readOnly = true)
	public Facility get(long id) {
		return facility(access.visible(access.reader(), id));
	}

	/** The facilities the viewer may see, without their rooms and team. */
	@Transactional(readOnly = true)
	public List<Facility> list() {
		return access.visible(access.reader())
			.stream()
			.map(f -> new Facility(f.id(), f.name(), f.address(), f.contact(), f.status(), f.area(), List.of(), List.of()))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<Room> rooms(long facilityId) {
		access.visible(access.reader(), facilityId);
		return repository.rooms(facilityId);
	}

	@Transactional
	public StaffMember addStaff(long facilityId, NewStaff member) {
		Viewer viewer = Viewers.requireAny(Role.ADMIN, Role.COMMANDER, Role.FACILITY_STAFF);
		access.visible(viewer, facilityId);
		List<FieldError> errors = new ArrayList<>();
		checkStaff(member, "", errors);
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		long id = repository.insertStaff(facilityId, member.name().strip(), blankToNull(member.phone()), member.role());
		auditLog.record("FACILITY_STAFF_ADD", "quarantine_facility", facilityId, member.role() + " " + id);
		return repository.team(facilityId).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
	}

	/**
	 * Records the terminal disinfection (终末消毒) of a room awaiting it, by a disinfection member of the facility's
	 * team; only then is the room available again.
	 */
	@Transactional
	public Room disinfected(long roomId, Long staffId) {
		Viewer viewer = Viewers.requireAny(Role.ADMIN, Role.FACILITY_STAFF);
		Room room = visibleRoom(viewer, roomId);
		if (staffId == null) {
			throw Problem.invalid("staffId", "Name the disinfection staff member who disinfected the room.");
		}
		StaffMember staff = repository.team(room.facilityId())
			.stream()
			.filter(s -> s.id() == staffId)
			.findFirst()
			.orElseThrow(() -> Problem.invalid("staffId", "Staff member " + staffId + " is not on this facility's team."));
		if (staff.role() != TeamRole.DISINFECTION) {
			throw Problem.invalid("staffId", staff.name() + " is not disinfection staff.");
		}
		if (!repository.move(roomId, RoomStatus.AWAITING_DISINFECTION, RoomStatus.AVAILABLE, clock.instant())) {
			throw Problem.conflict("room-not-awaiting-disinfection",
					"Room " + room.number() + " is " + room.status() + ", not awaiting disinfection.");
		}
		auditLog.record("ROOM_DISINFECTED", "quarantine_room", roomId, "by staff " + staff.id() + " " + staff.name());
		return repository.room(roomId).orElseThrow();
	}

	/** Takes a room out of service or puts it back (only when it is not occupied or awaiting disinfection). */
	@Transactional
	public Room setOutOfService(long roomId, boolean outOfService) {
		Viewer viewer = Viewers.requireAny(Role.ADMIN, Role.FACILITY_STAFF);
		Room room = visibleRoom(viewer, roomId);
		boolean moved = outOfService
				? repository.move(roomId, RoomStatus.AVAILABLE, RoomStatus.OUT_OF_SERVICE, clock.instant())
				: repository.move(roomId, RoomStatus.OUT_OF_SERVICE, RoomStatus.AVAILABLE, clock.instant());
		if (!moved) {
			throw Problem.conflict("room-status", "Room " + room.number() + " is " + room.status() + ".");
		}
		auditLog.record(outOfService ? "ROOM_OUT_OF_SERVICE" : "ROOM_BACK_IN_SERVICE", "quarantine_room", roomId, null);
		return repository.room(roomId).orElseThrow();
	}

	/** Capacity of every facility the viewer sees, and the district total, in one consistent read. */
	@Transactional(readOnly = true)
	public Capacity capacity() {
		return capacity(null);
	}

	/**
	 * Capacity of the facilities the viewer sees inside an area of their scope (their whole scope when none is given),
	 * and the area's total.
	 */
	@Transactional(readOnly = true)
	public Capacity capacity(String area) {
		Viewer viewer = access.reader();
		String low = viewer.scopeLow();
		String high = viewer.scopeHigh();
		if (area != null && !area.isBlank()) {
			if (!AreaCodes.wellFormed(area.strip())) {
				throw Problem.invalid("area", "quarantine.area.malformed");
			}
			low = AreaCodes.prefix(areas.visible(viewer, area.strip()).code());
			high = AreaCodes.upperBound(low);
		}
		Instant now = clock.instant();
		LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
		List<FacilityCapacity> facilities = repository.capacity(viewer.place(Workplace.FACILITY), low, high, now, tomorrow);
		FacilityCapacity district = new FacilityCapacity(null, null,
				facilities.stream().mapToLong(FacilityCapacity::total).sum(),
				facilities.stream().mapToLong(FacilityCapacity::available).sum(),
				facilities.stream().mapToLong(FacilityCapacity::occupied).sum(),
				facilities.stream().mapToLong(FacilityCapacity::awaitingDisinfection).sum(),
				facilities.stream().mapToLong(FacilityCapacity::outOfService).sum(),
				facilities.stream().mapToLong(FacilityCapacity::arrivalsNext24h).sum(),
				facilities.stream().mapToLong(FacilityCapacity::releasesNext24h).sum(),
				facilities.stream().mapToLong(FacilityCapacity::openAnomalies).sum());
		return new Capacity(now, facilities, district);
	}

	Room visibleRoom(Viewer viewer, long roomId) {
		Room room = repository.room(roomId).orElseThrow(() -> Problem.notFound("Room " + roomId));
		FacilityRow facility = repository.find(room.facilityId()).orElseThrow();
		if (!access.sees(viewer, facility.id(), facility.area())) {
			throw Problem.notFound("Room " + roomId);
		}
		return room;
	}

	private Facility facility(FacilityRow row) {
		return new Facility(row.id(), row.name(), row.address(), row.contact(), row.status(), row.area(),
				repository.rooms(row.id()), repository.team(row.id()));
	}

	private static void checkRoom(NewRoom room, String field, Set<String> numbers, List<FieldError> errors) {
		if (room == null || room.number() == null || room.number().isBlank() || room.number().strip().length() > 20) {
			errors.add(new FieldError(field + ".number", "A room number of 1 to 20 characters is required."));
			return;
		}
		if (!numbers.add(room.number().strip())) {
			errors.add(new FieldError(field + ".number", "Room " + room.number().strip() + " is listed twice."));
		}
		if (room.floor() == null || room.floor() < -5 || room.floor() > 200) {
			errors.add(new FieldError(field + ".floor", "A floor from -5 to 200 is required."));
		}
		if (room.type() != null && room.type().strip().length() > 30) {
			errors.add(new FieldError(field + ".type", "At most 30 characters."));
		}
	}

	private static void checkStaff(NewStaff member, String prefix, List<FieldError> errors) {
		String field = prefix.isEmpty() ? "" : prefix + ".";
		if (member == null || member.name() == null || member.name().isBlank() || member.name().length() > 50) {
			errors.add(new FieldError(field + "name", "A name of 1 to 50 characters is required."));
		}
		if (member != null && member.phone() != null && !member.phone().isBlank()
				&& !member.phone().strip().matches("1[3-9]\\d{9}")) {
			errors.add(new FieldError(field + "phone", "A mobile number has 11 digits starting with 1."));
		}
		if (member == null || member.role() == null) {
			errors.add(new FieldError(field + "role", "A team role is required."));
		}
	}

	private static String roomType(NewRoom room) {
		return room.type() == null || room.type().isBlank() ? "SINGLE" : room.type().strip();
	}

	static String text(String value, String field, int max, boolean required, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.add(new FieldError(field, "This field is required."));
			}
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > max) {
			errors.add(new FieldError(field, "At most " + max + " characters."));
		}
		return stripped;
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
