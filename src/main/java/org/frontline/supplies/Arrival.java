package org.frontline.supplies;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What arrived of a shipment: per transfer (a ledger row id) the quantity counted; a transfer left out arrived in full.
 * {@code note} says what was wrong when a count differs.
 */
@Schema(name = "SupplyArrival")
public record Arrival(List<Counted> lines, String note) {

	public record Counted(Long movement, Long received) {
	}
}
