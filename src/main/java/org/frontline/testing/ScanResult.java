package org.frontline.testing;

/**
 * The answer to one event: ACCEPTED, DUPLICATE (nothing changed: the event was stored before, and {@code reason}
 * tells its first answer, or it asked for what was already so) or REJECTED with a stable reason. Sampling answers
 * carry the masked name, the count in the tube and the tube's status; box answers the box's status.
 */
public record ScanResult(String eventId, Status status, String reason, String message, String name, Integer count,
		Integer poolSize, TubeStatus tubeStatus, BoxStatus boxStatus) {

	public enum Status {
		ACCEPTED, DUPLICATE, REJECTED
	}

	public static ScanResult rejected(String eventId, String reason, String message) {
		return new ScanResult(eventId, Status.REJECTED, reason, message, null, null, null, null, null);
	}

	/** The answer to an event id that was stored before, with the first answer's status and reason. */
	public static ScanResult storedBefore(String eventId, String firstAnswer) {
		return new ScanResult(eventId, Status.DUPLICATE, firstAnswer, "This event was stored before.", null, null, null,
				null, null);
	}
}
