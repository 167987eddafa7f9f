package org.frontline.supplies.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.frontline.shared.Message;
import org.frontline.supplies.Item;
import org.frontline.supplies.MovementResult;
import org.frontline.supplies.MovementStatus;
import org.frontline.supplies.MovementType;
import org.frontline.supplies.PlaceInfo;
import org.frontline.supplies.internal.LedgerRepository.Delta;
import org.frontline.supplies.internal.LedgerRepository.NewRow;
import org.frontline.supplies.internal.LedgerRepository.StockRow;
import org.frontline.supplies.internal.LedgerRepository.Written;
import org.springframework.stereotype.Component;

/**
 * Applies checked movements to the ledger, all of a batch in the caller's transaction: takes the locks of every place
 * and item they touch (in one order, so that concurrent batches never deadlock), answers a client id seen before as
 * DUPLICATE, works the batch through in order against the stock as it stands under those locks (so stock never goes
 * below zero, however many requests race for the last units), and writes the rows, the stock, transit and use in a
 * few set-based statements.
 */
@Component
public class LedgerWriter {

	private final LedgerRepository ledger;

	private final ShipmentRepository shipments;

	private final DonationRepository donations;

	private final PlaceDirectory directory;

	private final Clock clock;

	LedgerWriter(LedgerRepository ledger, ShipmentRepository shipments, DonationRepository donations,
			PlaceDirectory directory, Clock clock) {
		this.ledger = ledger;
		this.shipments = shipments;
		this.donations = donations;
		this.directory = directory;
		this.clock = clock;
	}

	/** The donor of a DONATION sent in a batch: a known donor's id, or a company by name. */
	public record DonorRef(Long id, String company) {
	}

	/**
	 * A movement whose fields were checked: the item and places exist and the caller may move stock there. A REVERSAL
	 * names the row it undoes in {@code reverses} (and {@code original} its row as read before the locks).
	 */
	public record Plan(UUID clientId, MovementType type, Item item, long quantity, PlaceInfo from, PlaceInfo to,
			String lot, LocalDate expiresOn, String reason, Written original, Long shipmentId, Long donationId,
			DonorRef donor) {
	}

	/** Why a checked movement could not be applied to the stock as it is. */
	public record Refusal(String type, String field, Message reason, Long available) {
	}

	private static final class Lot {

		final String lot;

		final LocalDate expiresOn;

		long quantity;

		Lot(String lot, LocalDate expiresOn, long quantity) {
			this.lot = lot;
			this.expiresOn = expiresOn;
			this.quantity = quantity;
		}
	}

	private record Part(String lot, LocalDate expiresOn, long quantity, Integer counted, String from, String to) {
	}

	/** The lock key of a place and item: a hash, so that any two transactions take them in the same order. */
	static int lockKey(String place, String item) {
		return (place + "|" + item).hashCode();
	}

	/** A place and an item whose stock a transaction changes. */
	public record StockKey(String place, String item) {
	}

	/** The places and items the plans change. */
	public static Set<StockKey> keys(List<Plan> plans) {
		Set<StockKey> keys = new LinkedHashSet<>();
		for (Plan plan : plans) {
			for (String place : touched(plan)) {
				keys.add(new StockKey(place, plan.item().code()));
			}
		}
		return keys;
	}

	/**
	 * Takes the locks of these places' items in one call, held until commit. A transaction that applies movements in
	 * more than one call takes the locks of all of them with this first: taking them call by call, it would hold some
	 * while it waits for others, and could wait in a circle with a transaction that took the same ones in one call.
	 * A lock the transaction holds already is taken again at once.
	 */
	public void lock(Collection<StockKey> keys) {
		Set<Integer> hashes = new TreeSet<>();
		keys.forEach(key -> hashes.add(lockKey(key.place(), key.item())));
		ledger.lock(hashes);
	}

	/** Applies the plans in order; the answers in the same order. */
	public List<MovementResult> apply(List<Plan> plans, String by) {
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock);
		List<String> pairPlaces = new ArrayList<>();
		List<String> pairItems = new ArrayList<>();
		Set<String> pairs = new HashSet<>();
		Map<String, PlaceInfo> places = new HashMap<>();
		for (Plan plan : plans) {
			for (String place : touched(plan)) {
				if (pairs.add(place + "|" + plan.item().code())) {
					pairPlaces.add(place);
					pairItems.add(plan.item().code());
				}
			}
			if (plan.from() != null) {
				places.put(plan.from().code(), plan.from());
			}
			if (plan.to() != null) {
				places.put(plan.to().code(), plan.to());
			}
		}
		lock(keys(plans));
		Map<UUID, List<Long>> applied = ledger.applied(plans.stream().map(Plan::clientId).toList());
		Map<String, Map<String, Lot>> stock = new HashMap<>();
		for (StockRow row : ledger.stock(pairPlaces, pairItems)) {
			stock.computeIfAbsent(row.place() + "|" + row.item(), k -> new LinkedHashMap<>())
				.put(row.lot(), new Lot(row.lot(), row.expiresOn(), row.quantity()));
		}
		Map<Long, Written> originals = ledger.written(plans.stream()
			.filter(p -> p.original() != null)
			.map(p -> p.original().id())
			.toList());

		List<MovementResult> results = new ArrayList<>();
		Map<Integer, List<Part>> accepted = new LinkedHashMap<>();
		Set<UUID> seen = new HashSet<>();
		Set<Long> reversedNow = new HashSet<>();
		for (int i = 0; i < plans.size(); i++) {
			Plan plan = plans.get(i);
			String clientId = plan.clientId().toString();
			if (applied.containsKey(plan.clientId())) {
				results.add(MovementResult.duplicate(clientId, applied.get(plan.clientId())));
				continue;
			}
			if (!seen.add(plan.clientId())) {
				results.add(MovementResult.duplicate(clientId, List.of()));
				continue;
			}
			Object outcome = parts(plan, stock, originals, reversedNow, today);
			if (outcome instanceof Refusal refusal) {
				seen.remove(plan.clientId());
				results.add(new MovementResult(clientId, MovementStatus.REJECTED, List.of(), refusal.type(),
						refusal.field(), refusal.reason(), refusal.available()));
				continue;
			}
			@SuppressWarnings("unchecked")
			List<Part> parts = (List<Part>) outcome;
			for (Part part : parts) {
				if (part.from() != null) {
					lots(stock, part.from(), plan.item().code()).get(part.lot()).quantity -= part.quantity();
				}
				if (part.to() != null && plan.type() != MovementType.TRANSFER) {
					lots(stock, part.to(), plan.item().code())
						.computeIfAbsent(part.lot(), l -> new Lot(l, part.expiresOn(), 0)).quantity += part.quantity();
				}
			}
			if (plan.original() != null) {
				reversedNow.add(plan.original().id());
			}
			accepted.put(i, parts);
			results.add(null);
		}
		if (!accepted.isEmpty()) {
			write(plans, accepted, places.values(), originals, results, now, today, by);
		}
		return results;
	}

	/**
	 * Receives transfers at their destination: under the locks of the destination's items, checks that each is still
	 * in transit, records what arrived and the difference to what was sent, and puts what arrived into stock.
	 * {@code received} maps a transfer's id to the quantity counted. Refused (nothing written) when one was received or
	 * reversed meanwhile.
	 */
	public void receive(List<Long> transfers, Map<Long, Long> received, String note, String by) {
		Instant now = clock.instant();
		Map<Long, Written> before = ledger.written(transfers);
		Set<Integer> keys = new TreeSet<>();
		before.values().forEach(w -> keys.add(lockKey(w.to(), w.item())));
		ledger.lock(keys);
		Map<Long, Written> rows = ledger.written(transfers);
		Map<String, Delta> deltas = new HashMap<>();
		for (Long id : transfers) {
			Written row = rows.get(id);
			if (row == null || !row.inTransit()) {
				throw org.frontline.shared.Problem.conflict("not-in-transit", "supplies.receive.not-in-transit", id);
			}
			long quantity = received.getOrDefault(id, row.quantity());
			ledger.insertReceipt(id, (int) quantity, (int) (quantity - row.quantity()), note, now, by);
			if (quantity > 0) {
				delta(deltas, row.to(), row.item(), row.lot(), row.expiresOn(), quantity);
			}
		}
		ledger.changeStock(List.copyOf(deltas.values()));
		ledger.endTransit(transfers);
	}

	private void write(List<Plan> plans, Map<Integer, List<Part>> accepted, Collection<PlaceInfo> places,
			Map<Long, Written> originals, List<MovementResult> results, Instant now, LocalDate today, String by) {
		directory.register(places);
		List<NewRow> rows = new ArrayList<>();
		Map<String, Delta> deltas = new HashMap<>();
		List<String> usePlaces = new ArrayList<>();
		List<String> useItems = new ArrayList<>();
		List<LocalDate> useDays = new ArrayList<>();
		List<Long> useQuantities = new ArrayList<>();
		List<Long> endTransit = new ArrayList<>();
		for (Map.Entry<Integer, List<Part>> entry : accepted.entrySet()) {
			Plan plan = plans.get(entry.getKey());
			String item = plan.item().code();
			Long shipment = plan.shipmentId();
			if (plan.type() == MovementType.TRANSFER && shipment == null) {
				shipment = shipments.insert(plan.from().code(), plan.to().code(), null, now, by).id();
			}
			Long donation = plan.donationId();
			if (plan.type() == MovementType.DONATION && donation == null) {
				long donor = plan.donor().id() != null ? plan.donor().id() : donations.company(plan.donor().company(), now);
				donation = donations.insert(null, donor, plan.to().code(), by, now, today.getYear(), plan.reason(), by)
					.orElseThrow();
			}
			Written original = plan.original() == null ? null : originals.get(plan.original().id());
			int part = 0;
			for (Part p : entry.getValue()) {
				rows.add(new NewRow(plan.clientId(), part++, plan.type().name(), item, p.quantity(), p.counted(),
						p.from(), p.to(), p.lot(), p.expiresOn(), plan.reason(), original == null ? null : original.id(),
						shipment, donation));
				if (p.from() != null) {
					delta(deltas, p.from(), item, p.lot(), p.expiresOn(), -p.quantity());
				}
				if (p.to() != null && plan.type() != MovementType.TRANSFER) {
					delta(deltas, p.to(), item, p.lot(), p.expiresOn(), p.quantity());
				}
				if (plan.type() == MovementType.ISSUE || plan.type() == MovementType.TRANSFER) {
					usePlaces.add(p.from());
					useItems.add(item);
					useDays.add(today);
					useQuantities.add(p.quantity());
				}
			}
			if (original != null) {
				MovementType was = MovementType.valueOf(original.type());
				if (was == MovementType.ISSUE || was == MovementType.TRANSFER) {
					usePlaces.add(original.from());
					useItems.add(item);
					useDays.add(LocalDate.ofInstant(original.at(), clock.getZone()));
					useQuantities.add(-original.quantity());
				}
				if (was == MovementType.TRANSFER) {
					endTransit.add(original.id());
				}
			}
		}
		Map<String, Long> ids = ledger.insert(rows, now, by);
		List<Long> transitIds = new ArrayList<>();
		List<String> transitTo = new ArrayList<>();
		List<String> transitItems = new ArrayList<>();
		List<Long> transitQuantities = new ArrayList<>();
		for (Map.Entry<Integer, List<Part>> entry : accepted.entrySet()) {
			Plan plan = plans.get(entry.getKey());
			List<Long> written = new ArrayList<>();
			for (int part = 0; part < entry.getValue().size(); part++) {
				long id = ids.get(plan.clientId() + "/" + part);
				written.add(id);
				if (plan.type() == MovementType.TRANSFER) {
					transitIds.add(id);
					transitTo.add(plan.to().code());
					transitItems.add(plan.item().code());
					transitQuantities.add(entry.getValue().get(part).quantity());
				}
			}
			results.set(entry.getKey(), MovementResult.accepted(plan.clientId().toString(), written));
		}
		ledger.changeStock(deltas.values().stream().filter(d -> d.quantity() != 0).toList());
		ledger.startTransit(transitIds, transitTo, transitItems, transitQuantities);
		ledger.endTransit(endTransit);
		ledger.addUse(usePlaces, useItems, useDays, useQuantities);
	}

	private static void delta(Map<String, Delta> deltas, String place, String item, String lot, LocalDate expiresOn,
			long quantity) {
		deltas.merge(place + "|" + item + "|" + lot, new Delta(place, item, lot, expiresOn, quantity),
				(a, b) -> new Delta(place, item, lot, a.expiresOn() != null ? a.expiresOn() : b.expiresOn(),
						a.quantity() + b.quantity()));
	}

	private static List<String> touched(Plan plan) {
		List<String> places = new ArrayList<>(2);
		if (plan.original() != null) {
			if (plan.original().from() != null) {
				places.add(plan.original().from());
			}
			if (plan.original().to() != null) {
				places.add(plan.original().to());
			}
			return places;
		}
		if (plan.from() != null) {
			places.add(plan.from().code());
		}
		if (plan.to() != null && plan.type() != MovementType.TRANSFER) {
			places.add(plan.to().code());
		}
		return places;
	}

	private static Map<String, Lot> lots(Map<String, Map<String, Lot>> stock, String place, String item) {
		return stock.computeIfAbsent(place + "|" + item, k -> new LinkedHashMap<>());
	}

	private static List<Fefo.Lot> view(Map<String, Lot> lots) {
		return lots.values().stream().map(l -> new Fefo.Lot(l.lot, l.expiresOn, l.quantity)).toList();
	}

	/** The parts a plan moves (one per lot), or a {@link Refusal}. */
	private Object parts(Plan plan, Map<String, Map<String, Lot>> stock, Map<Long, Written> originals,
			Set<Long> reversedNow, LocalDate today) {
		String item = plan.item().code();
		long quantity = plan.quantity();
		switch (plan.type()) {
			case RECEIPT, DONATION -> {
				String place = plan.to().code();
				Lot existing = lots(stock, place, item).get(plan.lot());
				if (existing != null && plan.item().lotTracked() && !plan.expiresOn().equals(existing.expiresOn)) {
					return new Refusal("invalid-input", "expiresOn",
							Message.of("supplies.lot.expiry-differs", plan.lot(), String.valueOf(existing.expiresOn)), null);
				}
				return List.of(new Part(plan.lot(), plan.expiresOn(), quantity, null, null, place));
			}
			case ISSUE, TRANSFER -> {
				Fefo.Outcome outcome = Fefo.forUse(view(lots(stock, plan.from().code(), item)), quantity, plan.lot(), today);
				if (!outcome.taken()) {
					return refusal(outcome, plan.lot() != null ? "lot" : "quantity");
				}
				String to = plan.type() == MovementType.TRANSFER ? plan.to().code() : null;
				return outcome.takes()
					.stream()
					.map(t -> new Part(t.lot(), t.expiresOn(), t.quantity(), null, plan.from().code(), to))
					.toList();
			}
			case WRITE_OFF -> {
				Fefo.Outcome outcome = Fefo.fromLot(view(lots(stock, plan.from().code(), item)), quantity, plan.lot());
				if (!outcome.taken()) {
					return refusal(outcome, "quantity");
				}
				Fefo.Take take = outcome.takes().get(0);
				return List.of(new Part(take.lot(), take.expiresOn(), quantity, null, plan.from().code(), null));
			}
			case ADJUSTMENT -> {
				String place = (plan.to() != null ? plan.to() : plan.from()).code();
				Lot lot = lots(stock, place, item).get(plan.lot());
				long current = lot == null ? 0 : lot.quantity;
				LocalDate expires = lot != null ? lot.expiresOn : plan.expiresOn();
				if (lot == null && plan.item().lotTracked() && expires == null) {
					return new Refusal("invalid-input", "expiresOn", Message.of("supplies.lot.expiry-missing"), null);
				}
				long difference = quantity - current;
				int counted = (int) quantity;
				if (difference >= 0) {
					return List.of(new Part(plan.lot(), expires, difference, counted, null, place));
				}
				return List.of(new Part(plan.lot(), expires, -difference, counted, place, null));
			}
			case REVERSAL -> {
				Written original = originals.get(plan.original().id());
				if (original == null || original.reversed() || reversedNow.contains(original.id())) {
					return new Refusal("not-reversible", "reverses",
							Message.of("supplies.reversal.already", plan.original().id()), null);
				}
				MovementType was = MovementType.valueOf(original.type());
				if (was == MovementType.TRANSFER) {
					if (!original.inTransit()) {
						return new Refusal("not-reversible", "reverses",
								Message.of("supplies.reversal.received", original.id()), null);
					}
					return List.of(new Part(original.lot(), original.expiresOn(), original.quantity(), null, null,
							original.from()));
				}
				if (original.quantity() == 0) {
					return new Refusal("not-reversible", "reverses",
							Message.of("supplies.reversal.nothing", original.id()), null);
				}
				if (original.to() != null) {
					Fefo.Outcome outcome = Fefo.fromLot(view(lots(stock, original.to(), item)), original.quantity(),
							original.lot());
					if (!outcome.taken()) {
						return refusal(outcome, "reverses");
					}
				}
				return List.of(new Part(original.lot(), original.expiresOn(), original.quantity(), null, original.to(),
						original.from()));
			}
			default -> throw new IllegalStateException(plan.type().name());
		}
	}

	private static Refusal refusal(Fefo.Outcome outcome, String field) {
		String type = switch (outcome.key()) {
			case "supplies.stock.lot-expired" -> "expired-lot";
			default -> "insufficient-stock";
		};
		return new Refusal(type, field, Message.of(outcome.key(), outcome.available()), outcome.available());
	}
}
