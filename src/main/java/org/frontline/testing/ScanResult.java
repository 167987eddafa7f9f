package org.frontline.testing;

/**
 * The answer to one event: ACCEPTED, DUPLICATE (stored before; {@code reason} tells the first answer) or REJECTED
 * with a stable reason. Accepted sampling answers carry the masked name and the count in the tube.
 */
public record ScanResult(String eventId, Status status, String reason, String message, String name, Integer count,
		Integer poolSize, String tubeStatus) {

	public enum Status {
		ACCEPTED, DUPLICATE, REJECTED
	}

	public static ScanResult rejected(String eventId, String reason, String message) {
		return new ScanResult(eventId, Status.REJECTED, reason, message, null, null, null, null);
	}
}
