package org.frontline.supplies;

/** Where the expected daily use of a days-of-cover figure comes from. */
public enum CoverBasis {

	/** What is planned: the open round's residents still to sample, shifts, occupied rooms, closed-loop staff. */
	PLANNED,
	/** Nothing planned: the average of what left the place on the last three days. */
	HISTORY,
	/** Neither: nothing is planned and nothing was used, so the stock lasts. */
	NONE

}
