package org.frontline.supplies.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.frontline.shared.AreaCodes;
import org.frontline.supplies.Item;
import org.frontline.supplies.ItemStock;
import org.frontline.supplies.LotStock;
import org.frontline.supplies.internal.LedgerRepository.StockRow;
import org.springframework.stereotype.Component;

/**
 * Stock by item and lot with days of cover, for one place or every place inside an area, in a few set-based reads:
 * stock rows, transit, the last days' use and the planned use of the sources other modules' plans give.
 */
@Component
public class CoverCalculator {

	private final LedgerRepository ledger;

	private final ItemRepository items;

	private final List<PlannedUse> planned;

	private final NormRepository settings;

	private final Clock clock;

	CoverCalculator(LedgerRepository ledger, ItemRepository items, List<PlannedUse> planned, NormRepository settings,
			Clock clock) {
		this.ledger = ledger;
		this.items = items;
		this.planned = planned;
		this.settings = settings;
		this.clock = clock;
	}

	/** Below how many days of cover an item at a place counts as low (a setting, 1 by default). */
	public double lowCoverDays() {
		return settings.setting(NormRepository.LOW_COVER_DAYS, 1.0);
	}

	/** Items of one place (whose area is {@code area}). */
	public List<ItemStock> place(String place, String area) {
		String low = AreaCodes.prefix(area);
		return compute(place, low, AreaCodes.upperBound(low)).getOrDefault(place, List.of());
	}

	/** Items of every place inside [low, high), by place code. */
	public Map<String, List<ItemStock>> inside(String low, String high) {
		return compute(null, low, high);
	}

	private Map<String, List<ItemStock>> compute(String place, String low, String high) {
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock);
		Map<String, Item> catalogue = new HashMap<>();
		items.all().forEach(item -> catalogue.put(item.code(), item));
		List<StockRow> rows = place != null ? ledger.stockOf(place) : ledger.stockInside(low, high);
		Map<String, Map<String, Long>> transit = ledger.inTransit(place, low, high);
		Map<String, Map<String, Long>> used = ledger.use(place, low, high, today.minusDays(CoverRules.HISTORY_DAYS), today);
		Map<String, Map<String, Double>> plannedUse = new HashMap<>();
		for (PlannedUse source : planned) {
			source.daily(low, high, now).forEach((p, byItem) -> {
				if (place == null || place.equals(p)) {
					byItem.forEach((item, daily) -> plannedUse.computeIfAbsent(p, k -> new HashMap<>()).merge(item, daily,
							Double::sum));
				}
			});
		}
		Map<String, Map<String, List<StockRow>>> lots = new TreeMap<>();
		for (StockRow row : rows) {
			lots.computeIfAbsent(row.place(), k -> new TreeMap<>()).computeIfAbsent(row.item(), k -> new ArrayList<>()).add(row);
		}
		Map<String, TreeSet<String>> keys = new TreeMap<>();
		lots.forEach((p, byItem) -> keys.computeIfAbsent(p, k -> new TreeSet<>()).addAll(byItem.keySet()));
		transit.forEach((p, byItem) -> keys.computeIfAbsent(p, k -> new TreeSet<>()).addAll(byItem.keySet()));
		used.forEach((p, byItem) -> byItem.forEach((item, q) -> {
			if (q > 0) {
				keys.computeIfAbsent(p, k -> new TreeSet<>()).add(item);
			}
		}));
		plannedUse.forEach((p, byItem) -> keys.computeIfAbsent(p, k -> new TreeSet<>()).addAll(byItem.keySet()));
		Map<String, List<ItemStock>> result = new TreeMap<>();
		keys.forEach((p, itemCodes) -> {
			List<ItemStock> stocks = new ArrayList<>();
			for (String code : itemCodes) {
				Item item = catalogue.get(code);
				if (item == null) {
					continue;
				}
				List<LotStock> lotStocks = lots.getOrDefault(p, Map.of())
					.getOrDefault(code, List.of())
					.stream()
					.map(r -> new LotStock(r.lot(), r.expiresOn(), r.quantity(),
							r.expiresOn() != null && r.expiresOn().isBefore(today)))
					.sorted(Comparator.comparing(LotStock::expiresOn, Comparator.nullsLast(Comparator.naturalOrder()))
						.thenComparing(LotStock::lot))
					.toList();
				long usable = lotStocks.stream().filter(l -> !l.expired()).mapToLong(LotStock::quantity).sum();
				long expired = lotStocks.stream().filter(LotStock::expired).mapToLong(LotStock::quantity).sum();
				long inTransit = transit.getOrDefault(p, Map.of()).getOrDefault(code, 0L);
				CoverRules.Cover cover = CoverRules.cover(usable,
						plannedUse.getOrDefault(p, Map.of()).getOrDefault(code, 0.0),
						used.getOrDefault(p, Map.of()).getOrDefault(code, 0L));
				stocks.add(new ItemStock(item, usable, expired, inTransit, cover.dailyUse(), cover.days(), cover.basis(),
						lotStocks));
			}
			result.put(p, stocks);
		});
		return result;
	}
}
