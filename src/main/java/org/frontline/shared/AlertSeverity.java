package org.frontline.shared;

/** How soon an alert needs a person: {@code URGENT} now, {@code WARNING} today, {@code INFO} when convenient. */
public enum AlertSeverity {

	INFO, WARNING, URGENT

}
