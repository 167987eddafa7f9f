package org.frontline.command.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads what the zones and people modules publish for reading: zones in force at a time (the {@code zones_zone_period}
 * view) and where a resident lives (the {@code people_resident} view).
 */
@Repository("commandZoneCounts")
public class ZoneCounts {

	private final JdbcClient jdbc;

	ZoneCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A zone in force: its area code and level. */
	public record InForce(String area, String level) {
	}

	/** Zones in force at {@code at} inside [low, high). */
	public List<InForce> inForce(String low, String high, Instant at) {
		return new ArrayList<>(jdbc.sql("""
				SELECT area_code, level FROM zones_zone_period
				WHERE since <= :at AND (until IS NULL OR until > :at) AND area_code >= :low AND area_code < :high""")
			.param("low", low).param("high", high).param("at", Timestamp.from(at))
			.query((rs, n) -> new InForce(rs.getString(1), rs.getString(2))).list());
	}

	/** Where a resident lives: the compound's code and the building. */
	public record Home(String area, String building) {
	}

	public Optional<Home> home(long personId) {
		return jdbc.sql("SELECT area_code, building FROM people_resident WHERE id = :id").param("id", personId)
			.query((rs, n) -> new Home(rs.getString(1), rs.getString(2))).optional();
	}
}
