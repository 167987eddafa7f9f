package org.frontline.supplies;

import java.time.Instant;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A row of the ledger. For a TRANSFER, {@code received} and {@code discrepancy} are set once it arrived;
 * {@code inTransit} until then. {@code quantity} is what moved; an ADJUSTMENT also keeps what was {@code counted}.
 */
@Schema(name = "SupplyMovement")
public record Movement(long id, String clientId, int part, MovementType type, String item, long quantity, Integer counted,
		PlaceInfo from, PlaceInfo to, String lot, LocalDate expiresOn, String reason, Long reverses, Long shipmentId,
		Long donationId, Instant at, String by, Integer received, Integer discrepancy, boolean reversed) {

	public boolean inTransit() {
		return type == MovementType.TRANSFER && received == null && !reversed;
	}
}
