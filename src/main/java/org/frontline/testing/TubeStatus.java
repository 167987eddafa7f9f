package org.frontline.testing;

/** A tube takes samples while {@code OPEN}; it is {@code SEALED} by the registrar or by its last sample. */
public enum TubeStatus {

	OPEN, SEALED

}
