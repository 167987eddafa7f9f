package org.frontline.supplies.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.frontline.enterprise.LoopEnded;
import org.frontline.enterprise.LoopHeadcountChanged;
import org.frontline.supplies.Norm;
import org.frontline.supplies.NormBasis;
import org.frontline.supplies.Place;
import org.frontline.supplies.PlaceKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The staff living on site in each closed loop, from the enterprise module's events, and the daily use of living
 * supplies they plan at the enterprise: each of them uses the LOOP_STAFF_DAY norms. A headcount older than the one
 * kept (a late redelivery) changes nothing, and an ended loop plans nothing.
 */
@Component
class LoopStaffing implements PlannedUse {

	private final JdbcClient jdbc;

	private final NormRepository norms;

	LoopStaffing(JdbcClient jdbc, NormRepository norms) {
		this.jdbc = jdbc;
		this.norms = norms;
	}

	@ApplicationModuleListener
	void on(LoopHeadcountChanged changed) {
		jdbc.sql("""
				INSERT INTO supplies_loop_staff AS s (loop_id, enterprise_id, area_code, headcount, counted_at)
				VALUES (:loop, :enterprise, :area, :headcount, :at)
				ON CONFLICT (loop_id) DO UPDATE SET headcount = excluded.headcount, counted_at = excluded.counted_at
				WHERE NOT s.ended AND s.counted_at <= excluded.counted_at
				""")
			.param("loop", changed.loopId())
			.param("enterprise", changed.enterpriseId())
			.param("area", changed.area())
			.param("headcount", changed.headcount())
			.param("at", Timestamp.from(changed.at()))
			.update();
	}

	@ApplicationModuleListener
	void on(LoopEnded ended) {
		jdbc.sql("""
				INSERT INTO supplies_loop_staff AS s (loop_id, enterprise_id, area_code, headcount, counted_at, ended)
				VALUES (:loop, :enterprise, :area, 0, :at, true)
				ON CONFLICT (loop_id) DO UPDATE SET ended = true, headcount = 0
				""")
			.param("loop", ended.loopId())
			.param("enterprise", ended.enterpriseId())
			.param("area", ended.area())
			.param("at", Timestamp.from(ended.at()))
			.update();
	}

	@Override
	public Map<String, Map<String, Double>> daily(String low, String high, Instant now) {
		List<Norm> perStaff = norms.of(NormBasis.LOOP_STAFF_DAY);
		Map<String, Map<String, Double>> use = new HashMap<>();
		if (perStaff.isEmpty()) {
			return use;
		}
		jdbc.sql("""
				SELECT enterprise_id, sum(headcount) FROM supplies_loop_staff
				WHERE NOT ended AND headcount > 0 AND area_code >= :low AND area_code < :high
				GROUP BY enterprise_id
				""").param("low", low).param("high", high).query(rs -> {
			long staff = rs.getLong(2);
			Map<String, Double> items = use.computeIfAbsent(Place.of(PlaceKind.ENTERPRISE, rs.getLong(1)).toString(),
					k -> new HashMap<>());
			perStaff.forEach(norm -> items.merge(norm.item(), staff * norm.quantity().doubleValue(), Double::sum));
		});
		return use;
	}
}
