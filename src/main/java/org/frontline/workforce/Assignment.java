package org.frontline.workforce;

import java.time.Instant;

/**
 * A worker's part of a shift (the whole shift unless it is a rotation), and when they checked in and out. The phone is
 * masked.
 */
public record Assignment(long id, long shiftId, long workerId, String workerName, WorkerKind kind, String phone,
		Instant startsAt, Instant endsAt, Instant checkedInAt, Instant checkedOutAt) {

	public boolean onDuty() {
		return checkedInAt != null && checkedOutAt == null;
	}
}
