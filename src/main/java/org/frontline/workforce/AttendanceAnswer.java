package org.frontline.workforce;

/** The answer to a check-in or check-out: what it did and the assignment as it is now. */
public record AttendanceAnswer(AttendanceStatus status, Assignment assignment) {
}
