package org.frontline.testing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.frontline.testing.Round;
import org.frontline.testing.RoundStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RoundRepository {

	private static final String SELECT = """
			SELECT r.*, array(SELECT a.area_code FROM testing_round_area a WHERE a.round_id = r.id ORDER BY a.area_code)
			       AS areas
			FROM testing_round r
			""";

	private final JdbcClient jdbc;

	RoundRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(String name, List<String> areas, Instant startsAt, Instant endsAt, int poolSize) {
		long id = jdbc.sql("""
				INSERT INTO testing_round (name, starts_at, ends_at, pool_size) VALUES (:name, :starts, :ends, :pool)
				RETURNING id
				""")
			.param("name", name)
			.param("starts", Timestamp.from(startsAt))
			.param("ends", Timestamp.from(endsAt))
			.param("pool", poolSize)
			.query(Long.class)
			.single();
		for (String area : areas) {
			jdbc.sql("INSERT INTO testing_round_area (round_id, area_code) VALUES (:id, :area)")
				.param("id", id)
				.param("area", area)
				.update();
		}
		return id;
	}

	public Optional<Round> find(long id) {
		return jdbc.sql(SELECT + " WHERE r.id = :id").param("id", id).query(RoundRepository::round).optional();
	}

	/** Locks the round row for a status change. */
	public Optional<Round> lock(long id) {
		jdbc.sql("SELECT id FROM testing_round WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
		return find(id);
	}

	public Optional<Round> findByName(String name) {
		return jdbc.sql(SELECT + " WHERE r.name = :name ORDER BY r.id LIMIT 1")
			.param("name", name)
			.query(RoundRepository::round)
			.optional();
	}

	public List<Round> open() {
		return jdbc.sql(SELECT + " WHERE r.status = 'OPEN' ORDER BY r.id").query(RoundRepository::round).list();
	}

	public List<Round> all() {
		return jdbc.sql(SELECT + " ORDER BY r.starts_at DESC, r.id DESC LIMIT 200").query(RoundRepository::round).list();
	}

	public void setStatus(long id, RoundStatus status, Instant at) {
		String column = status == RoundStatus.OPEN ? "opened_at" : "closed_at";
		jdbc.sql("UPDATE testing_round SET status = :status, " + column + " = :at WHERE id = :id")
			.param("status", status.name())
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update();
	}

	static Round round(ResultSet rs, int n) throws SQLException {
		return new Round(rs.getLong("id"), rs.getString("name"),
				Arrays.asList((String[]) rs.getArray("areas").getArray()), rs.getTimestamp("starts_at").toInstant(),
				rs.getTimestamp("ends_at").toInstant(), rs.getInt("pool_size"), RoundStatus.valueOf(rs.getString("status")));
	}
}
