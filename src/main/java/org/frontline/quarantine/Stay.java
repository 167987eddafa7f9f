package org.frontline.quarantine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.frontline.shared.Masking;

/** A person's stay in a facility, under the rule version they were admitted (or re-classified) under. */
public record Stay(long id, long facilityId, long roomId, String room, Long personId, String name, String phone,
		String idNumber, String community, String homeAddress, String category, String categoryName, long ruleId,
		int ruleVersion, Instant admittedAt, LocalDate admittedOn, LocalDate plannedRelease,
		boolean registrationComplete, List<KeyGroup> keyGroups, String needs, String status, String homeCheckResult,
		String homeCheckInspector, String homeCheckNote, Instant homeCheckAt, Destination destination,
		String destinationAddress, Instant releasedAt, LocalDate homeMonitoringUntil) {

	public Stay masked() {
		return new Stay(id, facilityId, roomId, room, personId, Masking.name(name), Masking.phone(phone),
				Masking.idNumber(idNumber), community, null, category, categoryName, ruleId, ruleVersion, admittedAt,
				admittedOn, plannedRelease, registrationComplete, keyGroups, needs, status, homeCheckResult,
				homeCheckInspector, homeCheckNote, homeCheckAt, destination, null, releasedAt, homeMonitoringUntil);
	}

	public boolean active() {
		return "ACTIVE".equals(status);
	}

	/** Day of the stay on a date: the day of intake is day 1. */
	public int dayOn(LocalDate date) {
		return (int) (date.toEpochDay() - admittedOn.toEpochDay()) + 1;
	}
}
