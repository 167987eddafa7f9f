package org.frontline.testing;

/** What a scan event records; an event of a type a device made up reaches the rules as null and is rejected. */
public enum ScanEventType {

	TUBE_OPENED, SAMPLED, SAMPLE_REMOVED, TUBE_SEALED, CHECKED_IN, BOXED, BOX_DISPATCHED, BOX_RECEIVED

}
