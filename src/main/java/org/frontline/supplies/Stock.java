package org.frontline.supplies;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.supplies.internal.CoverCalculator;
import org.frontline.supplies.internal.PlaceDirectory;
import org.frontline.supplies.internal.StockPlaceRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The stock of a place by item and lot, with days of cover; and the places a user sees. */
@Service
public class Stock {

	/** Who may read stock (each of the places their scope covers). */
	public static final Role[] READERS = Ledger.WRITERS;

	private final PlaceDirectory places;

	private final StockPlaceRepository stockPlaces;

	private final CoverCalculator cover;

	private final Clock clock;

	Stock(PlaceDirectory places, StockPlaceRepository stockPlaces, CoverCalculator cover, Clock clock) {
		this.places = places;
		this.stockPlaces = stockPlaces;
		this.cover = cover;
		this.clock = clock;
	}

	/** The stock of a place the viewer sees, optionally of one item only. */
	@Transactional(readOnly = true)
	public PlaceStock of(String place, String item) {
		Viewer viewer = Viewers.requireAny(READERS);
		PlaceInfo info = places.visible(viewer, place, "place");
		List<ItemStock> items = cover.place(info.code(), info.area());
		if (item != null && !item.isBlank()) {
			items = items.stream().filter(i -> i.item().code().equals(item.strip())).toList();
		}
		return new PlaceStock(info, clock.instant(), cover.lowCoverDays(), items);
	}

	/**
	 * The places the viewer sees that hold or asked for stock, their own place first (a user limited to one place sees
	 * only that one) and the warehouses of their area.
	 */
	@Transactional(readOnly = true)
	public List<PlaceInfo> places() {
		Viewer viewer = Viewers.requireAny(READERS);
		Map<String, PlaceInfo> found = new LinkedHashMap<>();
		places.ownPlace(viewer).flatMap(places::find).ifPresent(info -> found.put(info.code(), info));
		if (!viewer.places().isEmpty()) {
			return new ArrayList<>(found.values());
		}
		stockPlaces.warehousesInside(viewer.scopeLow(), viewer.scopeHigh())
			.forEach(w -> places.find(w.place()).ifPresent(info -> found.putIfAbsent(info.code(), info)));
		List<String> codes = stockPlaces.placesInside(viewer.scopeLow(), viewer.scopeHigh())
			.stream()
			.map(row -> row[0])
			.toList();
		places.findAll(codes).values().forEach(info -> found.putIfAbsent(info.code(), info));
		return new ArrayList<>(found.values());
	}
}
