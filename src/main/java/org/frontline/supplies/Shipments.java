package org.frontline.supplies;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.frontline.shared.Problem;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.supplies.internal.LedgerRepository;
import org.frontline.supplies.internal.LedgerWriter;
import org.frontline.supplies.internal.PlaceDirectory;
import org.frontline.supplies.internal.RequestRepository;
import org.frontline.supplies.internal.ShipmentRepository;
import org.frontline.supplies.internal.ShipmentRepository.ShipmentRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shipments between places: both ends read them by the code on their delivery note; the destination confirms what
 * arrived (its count per transfer), which puts it into the destination's stock and records any discrepancy.
 */
@Service
public class Shipments {

	private final ShipmentRepository shipments;

	private final LedgerRepository ledger;

	private final LedgerWriter writer;

	private final RequestRepository requests;

	private final PlaceDirectory places;

	private final Ledger movements;

	private final java.time.Clock clock;

	Shipments(ShipmentRepository shipments, LedgerRepository ledger, LedgerWriter writer, RequestRepository requests,
			PlaceDirectory places, Ledger movements, java.time.Clock clock) {
		this.shipments = shipments;
		this.ledger = ledger;
		this.writer = writer;
		this.requests = requests;
		this.places = places;
		this.movements = movements;
		this.clock = clock;
	}

	/** The shipment with this code, if the viewer sees either end of it. */
	@Transactional(readOnly = true)
	public Shipment get(String code) {
		Viewer viewer = Viewers.requireAny(Stock.READERS);
		ShipmentRow row = find(code);
		Shipment shipment = view(row);
		if (!places.sees(viewer, shipment.from()) && !places.sees(viewer, shipment.to())) {
			throw Problem.notFound("supplies.shipment.not-found", code);
		}
		return shipment;
	}

	/** Confirms what arrived of a shipment at its destination (a place the viewer sees). */
	@Transactional
	public Shipment receive(String code, Arrival arrival) {
		Viewer viewer = Viewers.requireAny(Ledger.WRITERS);
		ShipmentRow row = find(code);
		Shipment shipment = view(row);
		if (!places.sees(viewer, shipment.to())) {
			throw places.sees(viewer, shipment.from()) ? Problem.forbidden("supplies.receive.not-destination")
					: Problem.notFound("supplies.shipment.not-found", code);
		}
		List<Long> open = shipment.lines().stream().filter(Movement::inTransit).map(Movement::id).toList();
		if (open.isEmpty()) {
			throw Problem.conflict("already-received", "supplies.receive.already", code);
		}
		Set<Long> ids = shipment.lines().stream().map(Movement::id).collect(Collectors.toSet());
		Map<Long, Long> counted = new HashMap<>();
		String note = Ledger.text(arrival == null ? null : arrival.note(), "note", 500);
		if (arrival != null && arrival.lines() != null) {
			for (Arrival.Counted line : arrival.lines()) {
				if (line == null || line.movement() == null || !ids.contains(line.movement())) {
					throw Problem.invalid("lines", "supplies.receive.unknown-line", code);
				}
				if (line.received() == null || line.received() < 0 || line.received() > Ledger.MAX_QUANTITY) {
					throw Problem.invalid("received", "supplies.movement.quantity", 0, Ledger.MAX_QUANTITY);
				}
				counted.put(line.movement(), line.received());
			}
		}
		writer.receive(open, counted, note, viewer.username());
		if (row.requestId() != null) {
			requests.received(row.requestId(), clock.instant());
		}
		return view(row);
	}

	private ShipmentRow find(String code) {
		String value = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
		return shipments.byCode(value).orElseThrow(() -> Problem.notFound("supplies.shipment.not-found", code));
	}

	Shipment view(ShipmentRow row) {
		PlaceInfo from = places.existing(row.from(), "from");
		PlaceInfo to = places.existing(row.to(), "to");
		List<Movement> lines = movements.movements(ledger.movementsOf(row.id(), null));
		return new Shipment(row.id(), row.code(), from, to, row.requestId(), row.dispatchedAt(), row.dispatchedBy(),
				lines);
	}
}
