package org.frontline.planning.internal;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What plans changed for a round: stations per hour at its sites, and compounds moved between sites. */
@Repository
public class RoundSetupRepository {

	private final JdbcClient jdbc;

	RoundSetupRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stations per hour from the round's start, by site, where a plan set them. */
	public Map<Long, int[]> schedules(long roundId) {
		Map<Long, int[]> schedules = new HashMap<>();
		jdbc.sql("SELECT site_id, stations FROM planning_schedule WHERE round_id = :round")
			.param("round", roundId)
			.query(rs -> {
				Array stations = rs.getArray("stations");
				Integer[] values = (Integer[]) stations.getArray();
				int[] hours = new int[values.length];
				for (int h = 0; h < values.length; h++) {
					hours[h] = values[h];
				}
				schedules.put(rs.getLong("site_id"), hours);
			});
		return schedules;
	}

	public void saveSchedule(long roundId, long siteId, int[] stations, Instant at) {
		Integer[] values = new Integer[stations.length];
		for (int h = 0; h < stations.length; h++) {
			values[h] = stations[h];
		}
		jdbc.sql("""
				INSERT INTO planning_schedule (round_id, site_id, stations, updated_at) VALUES (:round, :site, :stations, :at)
				ON CONFLICT (round_id, site_id) DO UPDATE SET stations = excluded.stations, updated_at = excluded.updated_at
				""")
			.param("round", roundId)
			.param("site", siteId)
			.param("stations", values)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** The round's moves in the order they were made. */
	public List<Assignment.Move> moves(long roundId) {
		return jdbc.sql("SELECT compound, from_site_id, to_site_id FROM planning_move WHERE round_id = :round ORDER BY id")
			.param("round", roundId)
			.query((rs, n) -> {
				long from = rs.getLong("from_site_id");
				Long fromSite = rs.wasNull() ? null : from;
				return new Assignment.Move(rs.getString("compound"), fromSite, rs.getLong("to_site_id"));
			})
			.list();
	}

	public void addMove(long roundId, String compound, Long fromSite, long toSite, Instant at) {
		jdbc.sql("""
				INSERT INTO planning_move (round_id, compound, from_site_id, to_site_id, created_at)
				VALUES (:round, :compound, :from, :to, :at)
				""")
			.param("round", roundId)
			.param("compound", compound)
			.param("from", fromSite)
			.param("to", toSite)
			.param("at", Timestamp.from(at))
			.update();
	}
}
