package org.frontline.zones.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.frontline.shared.AreaCodes;
import org.frontline.shared.ZoneMark;
import org.frontline.shared.ZoneMarks;
import org.frontline.zones.Zone;
import org.frontline.zones.ZoneLevel;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The zones in force as other modules' pages show them: an area takes the strictest zone covering it as a whole, or a
 * stricter one on some of its buildings (partly); a resident the strictest zone over their compound or their building.
 */
@Component
public class ZoneMarksProvider implements ZoneMarks {

	private final ZoneRepository zones;

	private final ZoneNames names;

	private final Clock clock;

	ZoneMarksProvider(ZoneRepository zones, ZoneNames names, Clock clock) {
		this.zones = zones;
		this.names = names;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, ZoneMark> ofAreas(Collection<String> areaCodes) {
		Map<String, ZoneMark> marks = new HashMap<>();
		if (areaCodes.isEmpty()) {
			return marks;
		}
		List<Zone> inForce = zones.inForce(clock.instant());
		for (String code : areaCodes) {
			Zone whole = null;
			Zone part = null;
			for (Zone zone : inForce) {
				if (zone.wholeArea() && AreaCodes.contains(zone.area(), code)) {
					whole = stricter(whole, zone);
				}
				else if (!zone.wholeArea() && zone.area().equals(code)) {
					part = stricter(part, zone);
				}
			}
			if (part != null && (whole == null || part.level().stricterThan(whole.level()))) {
				marks.put(code, mark(part, true, code));
			}
			else if (whole != null) {
				marks.put(code, mark(whole, false, code));
			}
		}
		return marks;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ZoneMark> ofResident(String areaCode, String building) {
		return zoneOf(areaCode, building).map(zone -> mark(zone, false, areaCode));
	}

	/** The level of a resident's (or a building's) strictest zone in force. */
	@Transactional(readOnly = true)
	public Optional<ZoneLevel> levelOf(String areaCode, String building) {
		return zoneOf(areaCode, building).map(Zone::level);
	}

	private Optional<Zone> zoneOf(String areaCode, String building) {
		if (areaCode == null) {
			return Optional.empty();
		}
		Zone strictest = null;
		for (Zone zone : zones.inForce(clock.instant())) {
			boolean covers = zone.wholeArea() ? AreaCodes.contains(zone.area(), areaCode)
					: zone.area().equals(areaCode) && building != null && zone.buildings().contains(building.strip());
			if (covers) {
				strictest = stricter(strictest, zone);
			}
		}
		return Optional.ofNullable(strictest);
	}

	/** The public zone page of the compound when the area is one, else the page to pick one. */
	private ZoneMark mark(Zone zone, boolean partial, String area) {
		return new ZoneMark(zone.level().name(), names.name(zone.level()), zone.since(), partial,
				area.length() == 15 ? "/public/zones?area=" + area : "/public/zones");
	}

	/** The stricter of two zones; of equal levels, the one on the smaller area (its rules are the nearer ones). */
	private static Zone stricter(Zone current, Zone candidate) {
		if (current == null || candidate.level().stricterThan(current.level())) {
			return candidate;
		}
		if (candidate.level() == current.level() && candidate.area().length() > current.area().length()) {
			return candidate;
		}
		return current;
	}
}
