package org.frontline.quarantine;

/**
 * Something still missing: {@code NAT} or {@code ANTIGEN} result for a day of the stay, {@code TEMPERATURE} readings
 * today ({@code day} holds how many), {@code DAYS} until the rule's days are over, {@code HOME_CHECK},
 * {@code HOME_CHECK_FAILED}, {@code REGISTRATION}, {@code OPEN_ANOMALY}.
 */
public record Missing(String what, Integer day) {

	public static Missing of(String what) {
		return new Missing(what, null);
	}
}
