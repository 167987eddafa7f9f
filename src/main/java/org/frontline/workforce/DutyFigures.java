package org.frontline.workforce;

/**
 * A coordinator's figures of the moment: people on duty now and the gaps (needed minus checked in) at the posts of
 * their area, the day's no-shows so far, and the volunteers waiting for approval. A coordinator of a unit gets their
 * unit's people on duty and no-shows only ({@code gap} and {@code pendingSignUps} are null: a unit has no posts and
 * approves no volunteers).
 */
public record DutyFigures(long onDuty, Long gap, long noShowsToday, Long pendingSignUps) {
}
