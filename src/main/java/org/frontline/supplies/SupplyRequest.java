package org.frontline.supplies;

import java.time.Instant;
import java.util.List;

/** A post's request to a warehouse, as both sides see it; {@code overdue} when it is open past its needed-by time. */
public record SupplyRequest(long id, PlaceInfo place, PlaceInfo warehouse, Instant neededBy, RequestStatus status,
		String note, Instant createdAt, String createdBy, Instant approvedAt, String approvedBy, Instant dispatchedAt,
		String shipment, Instant receivedAt, List<RequestLine> lines, boolean overdue) {
}
