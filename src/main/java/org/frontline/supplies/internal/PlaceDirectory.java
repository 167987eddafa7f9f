package org.frontline.supplies.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.frontline.area.Area;
import org.frontline.area.AreaLevel;
import org.frontline.area.Areas;
import org.frontline.shared.Problem;
import org.frontline.shared.ScopeTarget;
import org.frontline.shared.Viewer;
import org.frontline.shared.Workplace;
import org.frontline.supplies.Place;
import org.frontline.supplies.PlaceInfo;
import org.frontline.supplies.PlaceKind;
import org.frontline.supplies.Warehouse;
import org.springframework.stereotype.Component;

/**
 * Finds the places that hold stock: this module's warehouses, communities by their area, and the posts of other
 * modules through the {@link ScopeTarget} each contributes (so supplies needs no call into them to know where a site
 * is). A place's area never changes, so what was found is kept for a while.
 */
@Component
public class PlaceDirectory {

	private final StockPlaceRepository places;

	private final Areas areas;

	private final Map<Workplace, ScopeTarget> targets = new EnumMap<>(Workplace.class);

	private final Cache<String, Optional<PlaceInfo>> known = Caffeine.newBuilder()
		.maximumSize(20_000)
		.expireAfterWrite(Duration.ofMinutes(5))
		.build();

	PlaceDirectory(StockPlaceRepository places, Areas areas, List<ScopeTarget> scopeTargets) {
		this.places = places;
		this.areas = areas;
		scopeTargets.forEach(target -> targets.putIfAbsent(target.kind(), target));
	}

	/** The place if it exists. */
	public Optional<PlaceInfo> find(Place place) {
		return known.get(place.toString(), key -> resolve(place));
	}

	/** Places by code, each looked up once; those that do not exist are missing from the answer. */
	public Map<String, PlaceInfo> findAll(Collection<String> codes) {
		Map<String, PlaceInfo> found = new LinkedHashMap<>();
		for (String code : codes) {
			Place.parse(code).flatMap(this::find).ifPresent(info -> found.put(code, info));
		}
		return found;
	}

	/** The place a request names in {@code field}, which must exist and lie in the viewer's scope. */
	public PlaceInfo visible(Viewer viewer, String text, String field) {
		PlaceInfo info = existing(text, field);
		if (!sees(viewer, info)) {
			throw Problem.notFound("supplies.place.not-found", text);
		}
		return info;
	}

	/** The place a request names in {@code field}, which must exist (anywhere: the other end of a transfer). */
	public PlaceInfo existing(String text, String field) {
		if (text == null || text.isBlank()) {
			throw Problem.invalid(field, "supplies.place.missing");
		}
		Place place = Place.parse(text).orElseThrow(() -> Problem.invalid(field, "supplies.place.malformed", text));
		return find(place).orElseThrow(() -> Problem.invalid(field, "supplies.place.unknown", text));
	}

	/**
	 * Whether the viewer sees the place: a user limited to one place (a site, facility, enterprise or warehouse) sees
	 * that place only; anyone else every place inside their area.
	 */
	public boolean sees(Viewer viewer, PlaceInfo info) {
		if (!viewer.places().isEmpty()) {
			Workplace workplace = info.kind().workplace();
			Long own = workplace == null ? null : viewer.place(workplace);
			return own != null && info.place().id().equals(Long.toString(own));
		}
		return viewer.covers(info.area());
	}

	/** The one place a user is limited to, if any of theirs holds stock. */
	public Optional<Place> ownPlace(Viewer viewer) {
		for (PlaceKind kind : PlaceKind.values()) {
			if (kind.workplace() != null && viewer.place(kind.workplace()) != null) {
				return Optional.of(Place.of(kind, viewer.place(kind.workplace())));
			}
		}
		return Optional.empty();
	}

	/** Makes sure the places are registered with their areas (before stock or a request refers to them). */
	public void register(Collection<PlaceInfo> infos) {
		Map<String, String> byCode = new HashMap<>();
		infos.forEach(info -> byCode.put(info.code(), info.area()));
		places.register(byCode);
	}

	private Optional<PlaceInfo> resolve(Place place) {
		return switch (place.kind()) {
			case WAREHOUSE -> places.warehouse(place.number()).map(w -> info(place, w));
			case COMMUNITY -> areas.find(place.id())
				.filter(area -> area.level() == AreaLevel.COMMUNITY)
				.map(area -> new PlaceInfo(place, area.code(), area.name()));
			default -> {
				ScopeTarget target = targets.get(place.kind().workplace());
				yield target == null ? Optional.empty()
						: target.areaOf(place.number())
							.map(area -> new PlaceInfo(place, area, target.nameOf(place.number()).orElse(null)));
			}
		};
	}

	private static PlaceInfo info(Place place, Warehouse warehouse) {
		return new PlaceInfo(place, warehouse.area(), warehouse.name());
	}

	/** Forgets what was found about a place (a warehouse just created). */
	void forget(Place place) {
		known.invalidate(place.toString());
	}

	/** The area's name, for a place of another module that gives none. */
	public Optional<String> areaName(String code) {
		return areas.find(code).map(Area::name);
	}
}
