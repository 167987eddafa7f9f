package org.frontline.testing;

/** A transport box is packed at its site, dispatched to a lab with a courier, and received by that lab. */
public enum BoxStatus {

	PACKING, DISPATCHED, RECEIVED

}
