package org.frontline.supplies.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which lots a quantity is taken from: the earliest-expiring usable lot first (first expired, first out), or the lot
 * named. An expired lot is never issued or transferred, only written off.
 */
public final class Fefo {

	private Fefo() {
	}

	/** A lot as it stands: what is left of it and when it expires ({@code null}: does not expire). */
	public record Lot(String lot, LocalDate expiresOn, long quantity) {

		boolean expired(LocalDate today) {
			return expiresOn != null && expiresOn.isBefore(today);
		}
	}

	/** A quantity taken from one lot. */
	public record Take(String lot, LocalDate expiresOn, long quantity) {
	}

	/** The lots taken from, or why not: {@code key} and how much is {@code available}. */
	public record Outcome(List<Take> takes, String key, long available) {

		public boolean taken() {
			return takes != null;
		}
	}

	private static final Comparator<Lot> EARLIEST_FIRST = Comparator
		.comparing(Lot::expiresOn, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(Lot::lot);

	/**
	 * Takes {@code quantity} for use (an issue or a transfer): from the named lot, which must not have expired, or
	 * else from the usable lots earliest expiry first.
	 */
	public static Outcome forUse(List<Lot> lots, long quantity, String namedLot, LocalDate today) {
		if (namedLot != null) {
			Lot lot = lots.stream().filter(l -> l.lot().equals(namedLot)).findFirst().orElse(null);
			if (lot == null || lot.quantity() == 0) {
				return new Outcome(null, "supplies.stock.lot-empty", 0);
			}
			if (lot.expired(today)) {
				return new Outcome(null, "supplies.stock.lot-expired", 0);
			}
			if (lot.quantity() < quantity) {
				return new Outcome(null, "supplies.stock.insufficient", lot.quantity());
			}
			return new Outcome(List.of(new Take(lot.lot(), lot.expiresOn(), quantity)), null, lot.quantity());
		}
		List<Lot> usable = lots.stream().filter(l -> l.quantity() > 0 && !l.expired(today)).sorted(EARLIEST_FIRST).toList();
		long available = usable.stream().mapToLong(Lot::quantity).sum();
		if (available < quantity) {
			return new Outcome(null, "supplies.stock.insufficient", available);
		}
		List<Take> takes = new ArrayList<>();
		long left = quantity;
		for (Lot lot : usable) {
			if (left == 0) {
				break;
			}
			long take = Math.min(left, lot.quantity());
			takes.add(new Take(lot.lot(), lot.expiresOn(), take));
			left -= take;
		}
		return new Outcome(takes, null, available);
	}

	/** Takes {@code quantity} out of one lot whatever its expiry (a write-off, a reversal, a count). */
	public static Outcome fromLot(List<Lot> lots, long quantity, String lotName) {
		Lot lot = lots.stream().filter(l -> l.lot().equals(lotName)).findFirst().orElse(null);
		long available = lot == null ? 0 : lot.quantity();
		if (available < quantity) {
			return new Outcome(null, "supplies.stock.insufficient", available);
		}
		return new Outcome(List.of(new Take(lotName, lot.expiresOn(), quantity)), null, available);
	}
}
