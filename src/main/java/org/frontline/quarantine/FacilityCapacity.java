package org.frontline.quarantine;

/**
 * Rooms by status (counted from the room rows), arrivals and releases expected in the next 24 hours, and anomalies
 * not yet acknowledged.
 */
public record FacilityCapacity(Long facilityId, String name, long total, long available, long occupied,
		long awaitingDisinfection, long outOfService, long arrivalsNext24h, long releasesNext24h, long openAnomalies) {
}
