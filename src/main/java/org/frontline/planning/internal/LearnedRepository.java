package org.frontline.planning.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.frontline.shared.AreaCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What past rounds taught, per round learned from; the latest is what the next plans use. */
@Repository
public class LearnedRepository {

	private final JdbcClient jdbc;

	LearnedRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A round's lesson: arrival shares per 10 minutes, rates (null where the round had none to learn from). */
	public record Lesson(long roundId, List<String> areas, Instant learnedAt, String learnedBy, int arrivals,
			double[] arrivalShares, Double stationRate, Double serviceCv, Double doorToDoorRate,
			Double labTurnaroundHours) {

		/** Whether the lesson's round covered any of these areas, an area inside one of them or one around them. */
		public boolean overlaps(List<String> others) {
			return areas.stream()
				.anyMatch(a -> others.stream().anyMatch(o -> AreaCodes.contains(a, o) || AreaCodes.contains(o, a)));
		}
	}

	/** Stores what a round taught (again, when learned again), with each site's own rate. */
	public void save(Lesson lesson, Map<Long, Learning.Rate> siteRates) {
		Double[] shares = new Double[lesson.arrivalShares().length];
		for (int s = 0; s < shares.length; s++) {
			shares[s] = lesson.arrivalShares()[s];
		}
		jdbc.sql("DELETE FROM planning_learned_site WHERE round_id = :round").param("round", lesson.roundId()).update();
		jdbc.sql("""
				INSERT INTO planning_learned (round_id, learned_at, learned_by, areas, arrivals, arrival_shares,
				                              station_rate, service_cv, door_to_door_rate, lab_turnaround_hours)
				VALUES (:round, :at, :by, :areas, :arrivals, :shares, :rate, :cv, :team, :lab)
				ON CONFLICT (round_id) DO UPDATE SET learned_at = excluded.learned_at, learned_by = excluded.learned_by,
				    areas = excluded.areas,
				    arrivals = excluded.arrivals, arrival_shares = excluded.arrival_shares,
				    station_rate = excluded.station_rate, service_cv = excluded.service_cv,
				    door_to_door_rate = excluded.door_to_door_rate, lab_turnaround_hours = excluded.lab_turnaround_hours
				""")
			.param("round", lesson.roundId())
			.param("at", Timestamp.from(lesson.learnedAt()))
			.param("by", lesson.learnedBy())
			.param("areas", lesson.areas().toArray(String[]::new))
			.param("arrivals", lesson.arrivals())
			.param("shares", shares)
			.param("rate", lesson.stationRate())
			.param("cv", lesson.serviceCv())
			.param("team", lesson.doorToDoorRate())
			.param("lab", lesson.labTurnaroundHours())
			.update();
		siteRates.forEach((site, rate) -> jdbc.sql("""
				INSERT INTO planning_learned_site (round_id, site_id, rate, cv, swabs) VALUES (:round, :site, :rate, :cv, :swabs)
				""")
			.param("round", lesson.roundId())
			.param("site", site)
			.param("rate", rate.perHour())
			.param("cv", rate.cv())
			.param("swabs", rate.swabs())
			.update());
	}

	/** The most recent lesson of a round over any of these areas, inside them or around them. */
	public Optional<Lesson> latest(List<String> areas) {
		return jdbc.sql("SELECT * FROM planning_learned ORDER BY learned_at DESC, round_id DESC")
			.query(LearnedRepository::lesson)
			.stream()
			.filter(lesson -> lesson.overlaps(areas))
			.findFirst();
	}

	/** Each site's rate from the most recent round that taught one. */
	public Map<Long, Double> siteRates() {
		Map<Long, Double> rates = new HashMap<>();
		jdbc.sql("""
				SELECT DISTINCT ON (s.site_id) s.site_id, s.rate
				FROM planning_learned_site s JOIN planning_learned l ON l.round_id = s.round_id
				ORDER BY s.site_id, l.learned_at DESC, l.round_id DESC
				""").query(rs -> {
			rates.put(rs.getLong("site_id"), rs.getDouble("rate"));
		});
		return rates;
	}

	private static Lesson lesson(ResultSet rs, int n) throws SQLException {
		Array array = rs.getArray("arrival_shares");
		Double[] values = (Double[]) array.getArray();
		double[] shares = new double[values.length];
		for (int s = 0; s < values.length; s++) {
			shares[s] = values[s];
		}
		return new Lesson(rs.getLong("round_id"), List.of((String[]) rs.getArray("areas").getArray()),
				rs.getTimestamp("learned_at").toInstant(), rs.getString("learned_by"), rs.getInt("arrivals"), shares, (Double) rs.getObject("station_rate"), (Double) rs.getObject("service_cv"),
				(Double) rs.getObject("door_to_door_rate"), (Double) rs.getObject("lab_turnaround_hours"));
	}
}
