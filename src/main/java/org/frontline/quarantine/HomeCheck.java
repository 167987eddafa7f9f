package org.frontline.quarantine;

/** The community's check that the home meets the "single person, single suite" (单人单套) condition. */
public record HomeCheck(String result, String inspector, String note) {
}
