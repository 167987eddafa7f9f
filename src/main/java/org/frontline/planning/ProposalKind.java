package org.frontline.planning;

/**
 * A change that makes a plan meet the norms: more stations at a site for some hours, moving a compound's people to
 * another site, a mobile point for a compound, or a door-to-door team for a community's bedridden residents.
 */
public enum ProposalKind {
	EXTRA_STATIONS, MOVE_COMPOUND, MOBILE_POINT, DOOR_TO_DOOR_TEAM
}
