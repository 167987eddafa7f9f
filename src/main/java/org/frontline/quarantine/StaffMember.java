package org.frontline.quarantine;

/** A member of a facility's team. */
public record StaffMember(long id, long facilityId, String name, String phone, TeamRole role) {
}
