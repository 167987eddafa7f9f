package org.frontline.supplies.internal;

import java.time.Instant;
import java.util.Map;

/**
 * A source of planned use: the expected daily use per place ({@code SITE:12}) and item code that some plan of another
 * module implies (sampling still to do, shifts, occupied rooms, closed-loop staff).
 */
public interface PlannedUse {

	/** Daily use per place and item, for the places whose area lies in [low, high). */
	Map<String, Map<String, Double>> daily(String low, String high, Instant now);
}
