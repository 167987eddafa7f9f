package org.frontline.workforce;

/**
 * The rules an assignment to a shift is checked against; a refusal names the rule it breaks. {@code SUIT} and
 * {@code HEAT} are the protective-suit limits on a normal and on a heat-warning day.
 */
public enum ShiftRule {

	STATUS, QUALIFICATION, DEPLOYMENT, OVERLAP, REST, SUIT, HEAT, DAILY_HOURS, WEEKLY_HOURS, TEST

}
