package org.frontline.enterprise.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.frontline.enterprise.Enterprise;
import org.frontline.enterprise.NewEnterprise;
import org.frontline.shared.Validation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Enterprises and their dormitory rooms. */
@Repository
public class EnterpriseRepository {

	private static final String SELECT = """
			SELECT e.*, (SELECT l.id FROM enterprise_loop l WHERE l.enterprise_id = e.id AND l.ends_at IS NULL) AS loop_id
			FROM enterprise_enterprise e
			""";

	private final JdbcClient jdbc;

	EnterpriseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the enterprise unless its credit code is registered; the id of the new one, or empty. */
	public Optional<Long> insert(NewEnterprise e, String creditCode, int staffCount) {
		return jdbc.sql("""
				INSERT INTO enterprise_enterprise (name, credit_code, address, area_code, industry, staff_count)
				VALUES (:name, :code, :address, :area, :industry, :staff)
				ON CONFLICT (credit_code) DO NOTHING RETURNING id
				""")
			.param("name", e.name().strip())
			.param("code", creditCode)
			.param("address", Validation.optional(e.address()))
			.param("area", e.area().strip())
			.param("industry", Validation.optional(e.industry()))
			.param("staff", staffCount)
			.query(Long.class)
			.optional();
	}

	public Optional<Enterprise> find(long id) {
		return jdbc.sql(SELECT + " WHERE e.id = :id").param("id", id).query(EnterpriseRepository::enterprise).optional();
	}

	public Optional<Enterprise> findByCode(String creditCode) {
		return jdbc.sql(SELECT + " WHERE e.credit_code = :code")
			.param("code", creditCode)
			.query(EnterpriseRepository::enterprise)
			.optional();
	}

	public Optional<String> area(long id) {
		return jdbc.sql("SELECT area_code FROM enterprise_enterprise WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	/** Enterprises inside [low, high), or the one enterprise when {@code only} is given; by name. */
	public List<Enterprise> list(String low, String high, Long only, int limit) {
		return jdbc.sql(SELECT + """
				 WHERE e.area_code >= :low AND e.area_code < :high AND (CAST(:only AS bigint) IS NULL OR e.id = :only)
				ORDER BY e.name, e.id LIMIT :limit
				""")
			.param("low", low)
			.param("high", high)
			.param("only", only)
			.param("limit", limit)
			.query(EnterpriseRepository::enterprise)
			.list();
	}

	/** Adds rooms numbered {@code first} to {@code first + count - 1} (or sets their beds), in one statement. */
	public void addRooms(long enterpriseId, String building, int first, int count, int beds) {
		jdbc.sql("""
				INSERT INTO enterprise_room (enterprise_id, building, number, beds)
				SELECT :id, :building, n::text, :beds FROM generate_series(:first, :last) AS n
				ON CONFLICT (enterprise_id, building, number) DO UPDATE SET beds = excluded.beds
				""")
			.param("id", enterpriseId)
			.param("building", building)
			.param("first", first)
			.param("last", first + count - 1)
			.param("beds", beds)
			.update();
	}

	/** Dormitory buildings with their rooms and beds: building, rooms, beds. */
	public record Building(String name, long rooms, long beds) {
	}

	public List<Building> buildings(long enterpriseId) {
		return jdbc.sql("""
				SELECT building, count(*), sum(beds) FROM enterprise_room WHERE enterprise_id = :id
				GROUP BY building ORDER BY building
				""").param("id", enterpriseId).query((rs, n) -> new Building(rs.getString(1), rs.getLong(2), rs.getLong(3)))
			.list();
	}

	static Enterprise enterprise(ResultSet rs, int n) throws SQLException {
		long loop = rs.getLong("loop_id");
		return new Enterprise(rs.getLong("id"), rs.getString("name"), rs.getString("credit_code"),
				rs.getString("address"), rs.getString("area_code"), rs.getString("industry"), rs.getInt("staff_count"),
				rs.wasNull() ? null : loop);
	}

}
