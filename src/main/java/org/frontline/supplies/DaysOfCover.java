package org.frontline.supplies;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.frontline.area.Areas;
import org.frontline.shared.AreaCodes;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.supplies.internal.CoverCalculator;
import org.frontline.supplies.internal.CoverRules;
import org.frontline.supplies.internal.DayEndCoverRepository;
import org.frontline.supplies.internal.DayEndCoverRepository.CoverRow;
import org.frontline.supplies.internal.ItemRepository;
import org.frontline.supplies.internal.PlaceDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Days of cover of every place and item of an area, least cover first: what runs out soonest. */
@Service
public class DaysOfCover {

	/** Who may read the cover of an area (the command and the warehouses). */
	public static final Role[] READERS = { Role.ADMIN, Role.COMMANDER, Role.WAREHOUSE_KEEPER };

	private final CoverCalculator cover;

	private final DayEndCoverRepository dayEnds;

	private final ItemRepository items;

	private final PlaceDirectory places;

	private final Areas areas;

	private final Clock clock;

	DaysOfCover(CoverCalculator cover, DayEndCoverRepository dayEnds, ItemRepository items, PlaceDirectory places,
			Areas areas, Clock clock) {
		this.cover = cover;
		this.dayEnds = dayEnds;
		this.items = items;
		this.places = places;
		this.areas = areas;
		this.clock = clock;
	}

	/** The cover inside an area the viewer's scope covers (their scope when none is given). */
	@Transactional(readOnly = true)
	public DistrictCover of(String area) {
		Viewer viewer = Viewers.requireAny(READERS);
		String code = area == null || area.isBlank() ? viewer.scopeArea() : areas.visible(viewer, area.strip()).code();
		return compute(code, info -> places.sees(viewer, info));
	}

	/** The cover inside an area for background checks (no viewer). */
	public DistrictCover unchecked(String area) {
		return compute(area, info -> true);
	}

	/** The cover of every place of the district, for the low-cover check (no viewer). */
	public DistrictCover everywhere() {
		return compute(null, info -> true);
	}

	/**
	 * Days of cover per area of the places inside [low, high) at the end of a day (now for today), on the use of the
	 * three days before it; for the command centre's daily report (no viewer). What plans
	 * implied at the time is not kept, so every figure here rests on that use.
	 */
	@Transactional(readOnly = true)
	public List<CoverOfDay> atEndOf(String low, String high, LocalDate day) {
		return dayEnds.coverAt(low, high, endOf(day), day.minusDays(CoverRules.HISTORY_DAYS), day,
				clock.getZone(), CoverRules.HISTORY_DAYS, cover.lowCoverDays());
	}

	/**
	 * The places and items inside [low, high) with the least days of cover at the end of a day, least first, as
	 * {@link #atEndOf} counts them.
	 */
	@Transactional(readOnly = true)
	public List<CoverLineOfDay> leastAtEndOf(String low, String high, LocalDate day, int limit) {
		List<CoverRow> rows = dayEnds.leastCoveredAt(low, high, endOf(day), day.minusDays(CoverRules.HISTORY_DAYS), day,
				clock.getZone(), CoverRules.HISTORY_DAYS, limit);
		Map<String, PlaceInfo> named = places.findAll(rows.stream().map(CoverRow::place).toList());
		Map<String, Item> catalogue = new HashMap<>();
		items.all().forEach(item -> catalogue.put(item.code(), item));
		return rows.stream()
			.filter(r -> named.containsKey(r.place()) && catalogue.containsKey(r.item()))
			.map(r -> new CoverLineOfDay(named.get(r.place()), catalogue.get(r.item()), r.usable(), r.days()))
			.toList();
	}

	/** The end of a day, or now while it lasts. */
	private Instant endOf(LocalDate day) {
		Instant end = day.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
		Instant now = clock.instant();
		return now.isBefore(end) ? now : end;
	}

	private DistrictCover compute(String area, Predicate<PlaceInfo> visible) {
		String low = area == null ? "" : AreaCodes.prefix(area);
		double threshold = cover.lowCoverDays();
		Map<String, List<ItemStock>> byPlace = cover.inside(low, area == null ? "~" : AreaCodes.upperBound(low));
		Map<String, PlaceInfo> named = places.findAll(byPlace.keySet());
		List<CoverLine> lines = new ArrayList<>();
		byPlace.forEach((code, items) -> {
			PlaceInfo info = named.get(code);
			if (info == null || !visible.test(info)) {
				return;
			}
			for (ItemStock item : items) {
				if (item.basis() != CoverBasis.NONE) {
					lines.add(new CoverLine(info, item.item(), item.usable(), item.inTransit(), item.dailyUse(), item.days(),
							item.basis()));
				}
			}
		});
		lines.sort(Comparator.comparing(CoverLine::days, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(l -> l.place().code())
			.thenComparing(l -> l.item().code()));
		long under = lines.stream().filter(l -> l.days() != null && l.days() < threshold).count();
		return new DistrictCover(area, clock.instant(), threshold, under, lines);
	}
}
