package org.frontline.quarantine;

import java.util.List;

/** A quarantine facility (集中医学观察隔离点), with the area it serves, its rooms and its team. */
public record Facility(long id, String name, String address, String contact, String status, String area,
		List<Room> rooms, List<StaffMember> team) {
}
