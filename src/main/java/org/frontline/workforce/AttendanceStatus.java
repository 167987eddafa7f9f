package org.frontline.workforce;

/**
 * What a check-in or check-out did: {@code RECORDED} the first time, {@code DUPLICATE} for the same event sent again,
 * {@code UNCHANGED} for a new event that finds the worker already checked in (or out).
 */
public enum AttendanceStatus {

	RECORDED, DUPLICATE, UNCHANGED

}
