package org.frontline.workforce.internal;

/**
 * Whether a post's area is inside a lockdown or control zone, where only workers with a recent negative test may
 * work. Answered from the zones module's {@link org.frontline.shared.ZoneMarks}.
 */
public interface PostZones {

	boolean controlled(String areaCode);
}
