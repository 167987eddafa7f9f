package org.frontline.workforce;

/** A nucleic-acid (PCR) or an antigen test. */
public enum TestKind {

	PCR, ANTIGEN

}
