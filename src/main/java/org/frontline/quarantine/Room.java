package org.frontline.quarantine;

import java.time.Instant;

/** A room of a facility and its status. */
public record Room(long id, long facilityId, String number, int floor, String type, RoomStatus status,
		Instant statusSince) {
}
