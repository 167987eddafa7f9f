package org.frontline.quarantine;

/** The result of an antigen or nucleic-acid test. */
public enum TestResult {

	NEGATIVE, POSITIVE

}
