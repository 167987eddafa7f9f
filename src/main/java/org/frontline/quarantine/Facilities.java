package org.frontline.quarantine;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
import org.frontline.shared.Role;
import org.frontline.shared.Validation;
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

	private final Validation validation;

	private final Clock clock;

	Facilities(FacilityRepository repository, FacilityAccess access, Areas areas, AuditLog auditLog,
			Validation validation, Clock clock) {
		this.repository = repository;
		this.access = access;
		this.areas = areas;
		this.auditLog = auditLog;
		this.validation = validation;
		this.clock = clock;
	}

	@Transactional
	public Facility create(NewFacility form) {
		Viewer viewer = Viewers.requireAny(FacilityAccess.PLANNERS);
		Problem.Errors errors = new Problem.Errors().addAll(validation.errors(form));
		String area = form == null || form.area() == null || form.area().isBlank() ? viewer.scopeArea()
				: form.area().strip();
		if (areas.find(area).isEmpty()) {
			errors.add("area", "area.not-found", area);
		}
		else if (!viewer.covers(area)) {
			errors.add("area", "area.outside-scope", area);
		}
		List<NewRoom> rooms = form == null || form.rooms() == null ? List.of() : form.rooms();
		Set<String> numbers = new HashSet<>();
		for (int i = 0; i < rooms.size(); i++) {
			NewRoom room = rooms.get(i);
			if (room != null && room.number() != null && !room.number().isBlank()
					&& !numbers.add(room.number().strip())) {
				errors.add("rooms[" + i + "].number", "quarantine.room.listed-twice", room.number().strip());
			}
		}
		errors.throwIfAny();
		String name = form.name().strip();
		String address = form.address().strip();
		String contact = Validation.optional(form.contact());
		List<NewStaff> team = form.team() == null ? List.of() : form.team();
		if (repository.nameTaken(name)) {
			throw Problem.conflict("facility-exists", "quarantine.facility.exists", name);
		}
		long id = repository.insert(name, address, contact, area);
		repository.insertRooms(id, rooms.stream().map(r -> r.number().strip()).toList(),
				rooms.stream().map(NewRoom::floor).toList(), rooms.stream().map(Facilities::roomType).toList());
		for (NewStaff member : team) {
			repository.insertStaff(id, member.name().strip(), Validation.optional(member.phone()), member.role());
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
		validation.check(member);
		long id = repository.insertStaff(facilityId, member.name().strip(), Validation.optional(member.phone()), member.role());
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
			throw Problem.invalid("staffId", "quarantine.room.disinfection-staff");
		}
		StaffMember staff = repository.team(room.facilityId())
			.stream()
			.filter(s -> s.id() == staffId)
			.findFirst()
			.orElseThrow(() -> Problem.invalid("staffId", "quarantine.staff.not-on-team", staffId));
		if (staff.role() != TeamRole.DISINFECTION) {
			throw Problem.invalid("staffId", "quarantine.staff.not-disinfection", staff.name());
		}
		if (!repository.move(roomId, RoomStatus.AWAITING_DISINFECTION, RoomStatus.AVAILABLE, clock.instant())) {
			throw Problem.conflict("room-not-awaiting-disinfection", "quarantine.room.not-awaiting-disinfection",
					room.number(), room.status());
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
			throw Problem.conflict("room-status", "quarantine.room.status", room.number(), room.status());
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
		Room room = repository.room(roomId).orElseThrow(() -> Problem.notFound("quarantine.room.not-found", roomId));
		FacilityRow facility = repository.find(room.facilityId()).orElseThrow();
		if (!access.sees(viewer, facility.id(), facility.area())) {
			throw Problem.notFound("quarantine.room.not-found", roomId);
		}
		return room;
	}

	private Facility facility(FacilityRow row) {
		return new Facility(row.id(), row.name(), row.address(), row.contact(), row.status(), row.area(),
				repository.rooms(row.id()), repository.team(row.id()));
	}

	private static String roomType(NewRoom room) {
		return room.type() == null || room.type().isBlank() ? "SINGLE" : room.type().strip();
	}

}
