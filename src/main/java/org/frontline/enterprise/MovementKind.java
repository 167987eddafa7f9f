package org.frontline.enterprise;

/** A movement into or out of a closed loop: put on the roster as it closed, entered later (or again), left. */
public enum MovementKind {

	JOINED, ENTERED, LEFT

}
