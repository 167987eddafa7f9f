package org.frontline.workforce.internal;

import java.util.List;
import java.util.Optional;

import org.frontline.workforce.Unit;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Units that send cadres. */
@Repository
public class UnitRepository {

	private static final String SELECT = """
			SELECT u.id, u.name, u.area_code,
			       (SELECT count(*) FROM workforce_worker w WHERE w.unit_id = u.id AND w.kind = 'CADRE') AS cadres
			FROM workforce_unit u
			""";

	private static final RowMapper<Unit> UNIT = (rs, n) -> new Unit(rs.getLong("id"), rs.getString("name"),
			rs.getString("area_code"), rs.getLong("cadres"));

	private final JdbcClient jdbc;

	UnitRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Unit> find(long id) {
		return jdbc.sql(SELECT + " WHERE u.id = :id").param("id", id).query(UNIT).optional();
	}

	public Optional<String> areaOf(long id) {
		return jdbc.sql("SELECT area_code FROM workforce_unit WHERE id = :id").param("id", id).query(String.class).optional();
	}

	public Optional<String> nameOf(long id) {
		return jdbc.sql("SELECT name FROM workforce_unit WHERE id = :id").param("id", id).query(String.class).optional();
	}

	public Optional<Long> idByName(String name) {
		return jdbc.sql("SELECT id FROM workforce_unit WHERE name = :name").param("name", name).query(Long.class).optional();
	}

	public long insert(String name, String area) {
		return jdbc.sql("INSERT INTO workforce_unit (name, area_code) VALUES (:name, :area) RETURNING id")
			.param("name", name)
			.param("area", area)
			.query(Long.class)
			.single();
	}

	/** The units inside the area codes {@code [low, high)}, by name. */
	public List<Unit> inside(String low, String high) {
		return jdbc.sql(SELECT + " WHERE u.area_code >= :low AND u.area_code < :high ORDER BY u.name")
			.param("low", low)
			.param("high", high)
			.query(UNIT)
			.list();
	}
}
