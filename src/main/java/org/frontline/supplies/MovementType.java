package org.frontline.supplies;

/**
 * What a movement of the ledger does: RECEIPT from a supplier and DONATION from a donor put stock into a place;
 * TRANSFER takes it out of one place and, when received, into another; ISSUE (used at the place) and WRITE_OFF
 * (expired or damaged) take it out; ADJUSTMENT sets it to a count; REVERSAL undoes an earlier movement.
 */
public enum MovementType {

	RECEIPT, DONATION, TRANSFER, ISSUE, ADJUSTMENT, WRITE_OFF, REVERSAL

}
