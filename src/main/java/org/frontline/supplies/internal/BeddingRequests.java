package org.frontline.supplies.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.frontline.audit.AuditLog;
import org.frontline.enterprise.BeddingNeeded;
import org.frontline.shared.AreaCodes;
import org.frontline.supplies.Place;
import org.frontline.supplies.PlaceInfo;
import org.frontline.supplies.PlaceKind;
import org.frontline.supplies.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Bedding a closed loop asked for (from the enterprise module) becomes a request of the enterprise to the nearest
 * warehouse above it (its subdistrict's, else the district's), needed by the time the loop gave. The request's client
 * id follows from the enterprise's request, so a redelivered event makes no second request.
 */
@Component
class BeddingRequests {

	static final String ITEM = "BEDDING";

	static final String BY = "enterprise";

	private static final Logger log = LoggerFactory.getLogger(BeddingRequests.class);

	private final RequestRepository requests;

	private final StockPlaceRepository warehouses;

	private final ItemRepository items;

	private final PlaceDirectory places;

	private final AuditLog auditLog;

	private final Clock clock;

	BeddingRequests(RequestRepository requests, StockPlaceRepository warehouses, ItemRepository items,
			PlaceDirectory places, AuditLog auditLog, Clock clock) {
		this.requests = requests;
		this.warehouses = warehouses;
		this.items = items;
		this.places = places;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	static UUID clientId(long beddingRequestId) {
		return UUID.nameUUIDFromBytes(("supplies-bedding:" + beddingRequestId).getBytes(StandardCharsets.UTF_8));
	}

	@ApplicationModuleListener
	void on(BeddingNeeded needed) {
		UUID clientId = clientId(needed.requestId());
		if (requests.byClientId(clientId).isPresent()) {
			return;
		}
		Optional<PlaceInfo> enterprise = places.find(Place.of(PlaceKind.ENTERPRISE, needed.enterpriseId()));
		Optional<PlaceInfo> warehouse = enterprise.flatMap(place -> nearestWarehouse(place.area()))
			.flatMap(w -> places.find(w.place()));
		if (enterprise.isEmpty() || warehouse.isEmpty() || items.find(ITEM).isEmpty()) {
			log.warn("Bedding request {} of enterprise {}: no warehouse above it or no bedding item; no request made",
					needed.requestId(), needed.enterpriseId());
			return;
		}
		places.register(List.of(enterprise.get(), warehouse.get()));
		requests
			.insert(clientId, enterprise.get().code(), warehouse.get().code(), needed.neededBy(), null,
					clock.instant(), BY, Map.of(ITEM, (long) needed.sets()))
			.ifPresent(id -> auditLog.record("SUPPLIES_REQUEST", "supplies_request", id,
					enterprise.get().code() + " -> " + warehouse.get().code() + " bedding=" + needed.sets()));
	}

	/** The warehouse whose area holds {@code area} most closely. */
	private Optional<Warehouse> nearestWarehouse(String area) {
		return warehouses.warehouses()
			.stream()
			.filter(w -> AreaCodes.contains(w.area(), area))
			.max(Comparator.comparingInt((Warehouse w) -> AreaCodes.prefix(w.area()).length())
				.thenComparing(Comparator.comparingLong(Warehouse::id).reversed()));
	}
}
