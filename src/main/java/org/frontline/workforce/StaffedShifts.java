package org.frontline.workforce;

/**
 * The shifts that started in a window at the posts of one area: the people they needed, those of them who checked in
 * (at most the number needed per shift) and those missing.
 */
public record StaffedShifts(String area, long needed, long staffed, long missing) {
}
