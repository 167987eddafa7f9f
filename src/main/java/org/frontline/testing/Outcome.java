package org.frontline.testing;

/** What a lab found in a tube. */
public enum Outcome {
	NEGATIVE, POSITIVE, INVALID
}
