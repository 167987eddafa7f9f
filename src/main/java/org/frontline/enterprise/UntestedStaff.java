package org.frontline.enterprise;

/** A staff member in a loop not yet tested on a day, with where to find them. */
public record UntestedStaff(long personId, String name, String phone, String shiftGroup, String building,
		String room) {
}
