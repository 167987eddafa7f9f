package org.frontline.zones;

/**
 * Where a notice stands now: published but not yet in force, in force, replaced by a later notice (a correction or an
 * extension), or past its end.
 */
public enum NoticeStatus {
	UPCOMING, IN_FORCE, REPLACED, PAST
}
