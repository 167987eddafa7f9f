package org.frontline.testing;

/** A round is planned, then open for sampling, then closed. */
public enum RoundStatus {
	PLANNED, OPEN, CLOSED
}
