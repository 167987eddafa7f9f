package org.frontline.supplies;

/** The answer to one movement of a batch. */
public enum MovementStatus {

	ACCEPTED, DUPLICATE, REJECTED

}
