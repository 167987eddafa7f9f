package org.frontline.enterprise;

/**
 * A staff member to put on a loop's roster: a person of the registry by {@code personId}, or someone from elsewhere
 * by name and identity document ({@code idType} RESIDENT_ID, PASSPORT or OTHER); with their shift group, dormitory
 * building and room, and whether they brought their own bedding.
 */
public record StaffRow(Long personId, String name, String idType, String idNumber, String phone, String shiftGroup,
		String building, String room, Boolean bedding) {
}
