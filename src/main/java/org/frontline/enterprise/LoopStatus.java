package org.frontline.enterprise;

/** Whether a closed-loop period is running or was lifted. */
public enum LoopStatus {

	ACTIVE, ENDED

}
