package org.frontline.workforce;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * A shift to plan together with its staff, for {@link Shifts#load}: each works the whole shift or, with their own
 * times, part of it (a rotation), and may have checked in already (when, under the client's event id).
 */
public record StaffedShift(@NotNull @Valid NewShift shift, @NotNull List<@NotNull Staff> staff) {

	/** A worker on the shift; {@code startsAt}/{@code endsAt} null for the whole shift, {@code checkIn} null if not in yet. */
	public record Staff(long workerId, Instant startsAt, Instant endsAt, CheckIn checkIn) {
	}

	/** A check-in already made: its event id (recorded once, as for {@link Attendance}) and when. */
	public record CheckIn(@NotNull UUID eventId, @NotNull Instant at) {
	}
}
