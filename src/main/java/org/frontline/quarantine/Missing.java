package org.frontline.quarantine;

/**
 * Something still missing before a release or in today's sheet, and for {@code NAT}, {@code ANTIGEN} the day of the
 * stay, for {@code TEMPERATURE} how many readings today, for {@code DAYS} how many days until the rule's are over.
 */
public record Missing(What what, Integer day) {

	public static Missing of(What what) {
		return new Missing(what, null);
	}

	/** What is missing. */
	public enum What {

		NAT, ANTIGEN, TEMPERATURE, DAYS, POSITIVE_RESULT, REGISTRATION, OPEN_ANOMALY, HOME_CHECK, HOME_CHECK_FAILED

	}
}
