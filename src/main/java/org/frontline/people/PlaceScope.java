package org.frontline.people;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.frontline.shared.PlacePeople;
import org.frontline.shared.Viewer;
import org.frontline.shared.Workplace;
import org.springframework.stereotype.Component;

/**
 * Which people a user limited to a place (a facility, a sampling site, a lab, an enterprise) may see in the registry:
 * those the place has to do with, as its module tells ({@link PlacePeople}); nobody for a place whose module tells
 * nothing. Users not limited to a place see their whole area.
 */
@Component
class PlaceScope {

	private final List<PlacePeople> providers;

	PlaceScope(List<PlacePeople> providers) {
		this.providers = providers;
	}

	/** The ids of the people the viewer may see, or null when the viewer is limited only by their area. */
	Set<Long> limit(Viewer viewer) {
		if (viewer.places().isEmpty()) {
			return null;
		}
		Set<Long> ids = new HashSet<>();
		for (Map.Entry<Workplace, Long> place : viewer.places().entrySet()) {
			providers.stream()
				.filter(provider -> provider.kind() == place.getKey())
				.forEach(provider -> ids.addAll(provider.of(place.getValue())));
		}
		return ids;
	}

	boolean sees(Viewer viewer, long personId) {
		Set<Long> ids = limit(viewer);
		return ids == null || ids.contains(personId);
	}
}
