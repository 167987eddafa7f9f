package org.frontline.enterprise;

/**
 * A person scanned in at the gate: by their record, or by the name and number their ID card reader gives; with the
 * shift group and room they go to.
 */
public record GateEntry(Long personId, String name, String idType, String idNumber, String shiftGroup,
		String building, String room) {
}
