package org.frontline.quarantine.internal;

import java.util.Set;

import org.frontline.shared.PlacePeople;
import org.frontline.shared.Workplace;
import org.springframework.stereotype.Component;

/** A facility's people, for its staff: the registered people of its stays, current or released. */
@Component
class FacilityPeople implements PlacePeople {

	private final StayRepository stays;

	FacilityPeople(StayRepository stays) {
		this.stays = stays;
	}

	@Override
	public Workplace kind() {
		return Workplace.FACILITY;
	}

	@Override
	public Set<Long> of(long placeId) {
		return stays.personIds(placeId);
	}
}
