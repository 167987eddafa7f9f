package org.frontline.workforce;

/** For one role: the people needed by the shifts under way, those checked in, and the gap (needed minus checked in). */
public record RoleCount(ShiftRole role, int needed, int onDuty, int gap) {
}
