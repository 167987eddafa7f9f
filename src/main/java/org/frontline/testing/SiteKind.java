package org.frontline.testing;

/** How a sampling site works: a fixed point, a mobile team moving through stops, a temporary point or door to door. */
public enum SiteKind {
	FIXED, MOBILE, TEMPORARY, DOOR_TO_DOOR
}
