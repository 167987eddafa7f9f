package org.frontline.supplies;

/** Where a post's request for items stands. */
public enum RequestStatus {

	REQUESTED, APPROVED, DISPATCHED, RECEIVED, DECLINED;

	public boolean open() {
		return this == REQUESTED || this == APPROVED || this == DISPATCHED;
	}
}
