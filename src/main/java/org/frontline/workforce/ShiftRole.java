package org.frontline.workforce;

/** What the people of a shift do. */
public enum ShiftRole {

	SITE_LEADER, SAMPLER, REGISTRAR, ORDER_KEEPER, DISINFECTION, LIAISON, DRIVER, TRANSFER, MEDICAL_CARE, DUTY;

	/** Whether the work is done in a protective suit unless the shift says otherwise. */
	public boolean suitByDefault() {
		return this == SAMPLER || this == DISINFECTION || this == TRANSFER;
	}
}
