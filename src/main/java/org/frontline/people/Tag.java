package org.frontline.people;

/** Key-population tags; a person can carry several. */
public enum Tag {

	NO_SMARTPHONE, ELDERLY_LIVING_ALONE, BEDRIDDEN, HYPERTENSION, HEART_DISEASE, DIABETES, PREGNANT, DISABILITY

}
