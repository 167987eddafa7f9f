package org.frontline.supplies;

/**
 * What a consumption norm is counted per: a sampler's shift (a new set after each break), an occupied quarantine
 * room and day, an enterprise's staff member in closed loop and day.
 */
public enum NormBasis {

	SAMPLER_SHIFT, ROOM_DAY, LOOP_STAFF_DAY

}
