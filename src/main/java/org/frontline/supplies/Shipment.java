package org.frontline.supplies;

import java.time.Instant;
import java.util.List;

/**
 * Transfers dispatched together from one place to another, on one delivery note whose QR code carries {@code code};
 * {@code received} once the destination confirmed what arrived.
 */
public record Shipment(long id, String code, PlaceInfo from, PlaceInfo to, Long requestId, Instant dispatchedAt,
		String dispatchedBy, List<Movement> lines) {

	public boolean received() {
		return lines.stream().allMatch(line -> line.received() != null || line.reversed());
	}
}
