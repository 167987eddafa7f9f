package org.frontline.zones;

/**
 * The negative-round criterion of a zone: not required by its rules, met (a full round of its residents, every one
 * sampled or exempted, every result negative, within the rules' days), not met, or not yet known (a round within the
 * days is still running or has results pending).
 */
public enum NegativeRound {
	NOT_REQUIRED, MET, PENDING, NOT_MET
}
