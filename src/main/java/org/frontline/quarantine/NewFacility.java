package org.frontline.quarantine;

import java.util.List;

/** A facility to open, with its rooms and, optionally, its team; {@code area} defaults to the creator's scope. */
public record NewFacility(String name, String address, String contact, String area, List<NewRoom> rooms,
		List<NewStaff> team) {

	/** A room to add. */
	public record NewRoom(String number, Integer floor, String type) {
	}

	/** A team member to add. */
	public record NewStaff(String name, String phone, TeamRole role) {
	}
}
