package org.frontline.supplies;

/** Who gave: a company (named on the public list) or a person (named there only masked). */
public enum DonorKind {

	COMPANY, PERSON

}
