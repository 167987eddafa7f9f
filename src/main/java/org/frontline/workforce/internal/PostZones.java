package org.frontline.workforce.internal;

/**
 * Whether a post's area is inside a lockdown or control zone, where only workers with a recent negative test may
 * work. The zones module answers it when it is there; without it no post is in a zone.
 */
public interface PostZones {

	boolean controlled(String areaCode);
}
