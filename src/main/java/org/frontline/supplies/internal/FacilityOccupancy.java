package org.frontline.supplies.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.frontline.quarantine.StayReleased;
import org.frontline.quarantine.StayStarted;
import org.frontline.supplies.Norm;
import org.frontline.supplies.NormBasis;
import org.frontline.supplies.Place;
import org.frontline.supplies.PlaceKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The stays in each quarantine facility, from the quarantine module's events, and the daily use of living supplies
 * they plan: each stay (an occupied room) uses the ROOM_DAY norms.
 */
@Component
class FacilityOccupancy implements PlannedUse {

	private final JdbcClient jdbc;

	private final NormRepository norms;

	private final PlaceDirectory places;

	FacilityOccupancy(JdbcClient jdbc, NormRepository norms, PlaceDirectory places) {
		this.jdbc = jdbc;
		this.norms = norms;
		this.places = places;
	}

	@ApplicationModuleListener
	void on(StayStarted stay) {
		jdbc.sql("""
				INSERT INTO supplies_facility_stay (stay_id, facility_id, started_at) VALUES (:stay, :facility, :at)
				ON CONFLICT (stay_id) DO NOTHING
				""")
			.param("stay", stay.stayId())
			.param("facility", stay.facilityId())
			.param("at", Timestamp.from(stay.at()))
			.update();
	}

	@ApplicationModuleListener
	void on(StayReleased released) {
		jdbc.sql("DELETE FROM supplies_facility_stay WHERE stay_id = :stay").param("stay", released.stayId()).update();
	}

	@Override
	public Map<String, Map<String, Double>> daily(String low, String high, Instant now) {
		List<Norm> perRoom = norms.of(NormBasis.ROOM_DAY);
		Map<String, Map<String, Double>> use = new HashMap<>();
		if (perRoom.isEmpty()) {
			return use;
		}
		jdbc.sql("SELECT facility_id, count(*) FROM supplies_facility_stay GROUP BY facility_id").query(rs -> {
			Place facility = Place.of(PlaceKind.FACILITY, rs.getLong(1));
			long rooms = rs.getLong(2);
			String area = places.find(facility).map(info -> info.area()).orElse(null);
			if (area == null || area.compareTo(low) < 0 || area.compareTo(high) >= 0) {
				return;
			}
			Map<String, Double> items = use.computeIfAbsent(facility.toString(), k -> new HashMap<>());
			perRoom.forEach(norm -> items.merge(norm.item(), rooms * norm.quantity().doubleValue(), Double::sum));
		});
		return use;
	}
}
