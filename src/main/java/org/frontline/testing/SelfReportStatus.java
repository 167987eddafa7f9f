package org.frontline.testing;

/** Where a self-report stands: waiting for the person's single tube, or resolved by its result. */
public enum SelfReportStatus {

	OPEN, CLEARED, CONFIRMED_POSITIVE

}
