package org.frontline.zones;

/** A lockdown proposal waiting for the commander, confirmed (the zone is set) or dismissed. */
public enum ProposalStatus {
	PENDING, CONFIRMED, DISMISSED
}
