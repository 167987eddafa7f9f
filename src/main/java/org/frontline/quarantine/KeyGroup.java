package org.frontline.quarantine;

/** Key populations (重点人群) that get a daily follow-up call and care for their needs. */
public enum KeyGroup {

	HYPERTENSION, HEART_DISEASE, DIABETES, PREGNANT, ELDERLY, DISABILITY

}
