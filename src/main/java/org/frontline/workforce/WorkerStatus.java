package org.frontline.workforce;

/**
 * Where a worker stands: a volunteer who signed up waits as {@code PENDING} until their community approves them;
 * {@code SICK} and {@code RELEASED} workers are given no shifts.
 */
public enum WorkerStatus {

	PENDING, ACTIVE, RESTING, SICK, RELEASED;

	/** Whether a worker in this status may be given a shift. */
	public boolean assignable() {
		return this == ACTIVE || this == RESTING;
	}
}
