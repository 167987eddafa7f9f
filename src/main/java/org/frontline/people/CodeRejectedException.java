package org.frontline.people;

/** A scanned sampling code that does not stand for anyone: not a code, forged, revoked or of no known person. */
public class CodeRejectedException extends RuntimeException {

	/** Why the code was rejected; stable names a device can show. */
	public enum Reason {
		CODE_UNREADABLE, CODE_FORGED, CODE_REVOKED, PERSON_UNKNOWN
	}

	private final Reason reason;

	public CodeRejectedException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}
}
