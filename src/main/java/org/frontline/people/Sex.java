package org.frontline.people;

/** Sex as recorded on a resident ID card. */
public enum Sex {

	M, F

}
