package org.frontline.quarantine;

import java.time.Instant;
import java.time.LocalDate;

/** A follow-up call to a person of a key population, and its outcome. */
public record FollowUp(long id, long stayId, LocalDate calledOn, Instant at, String outcome, String by) {
}
