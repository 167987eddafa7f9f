package org.frontline.quarantine;

/** Where a room is in its cycle: a released room waits for terminal disinfection before it is available again. */
public enum RoomStatus {

	AVAILABLE, OCCUPIED, AWAITING_DISINFECTION, OUT_OF_SERVICE

}
