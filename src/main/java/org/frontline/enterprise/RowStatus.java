package org.frontline.enterprise;

/** What became of one row of a roster upload. */
public enum RowStatus {

	ACCEPTED, DUPLICATE, REJECTED

}
