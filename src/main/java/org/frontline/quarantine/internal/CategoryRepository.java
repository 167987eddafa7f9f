package org.frontline.quarantine.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.frontline.quarantine.Rule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Categories and their rule versions. */
@Repository
public class CategoryRepository {

	private static final String RULE = """
			SELECT id, category_id, version, effective_from, facility_days, home_days, nat_days, antigen_days,
			       family_allowed, notice FROM quarantine_rule
			""";

	private final JdbcClient jdbc;

	CategoryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A category's row. */
	public record CategoryRow(long id, String code, String name) {
	}

	public long insert(String code, String name) {
		return jdbc.sql("INSERT INTO quarantine_category (code, name) VALUES (:code, :name) RETURNING id")
			.param("code", code).param("name", name).query(Long.class).single();
	}

	public Optional<CategoryRow> byCode(String code) {
		return jdbc.sql("SELECT id, code, name FROM quarantine_category WHERE code = :code").param("code", code)
			.query((rs, n) -> new CategoryRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"))).optional();
	}

	public Optional<CategoryRow> find(long id) {
		return jdbc.sql("SELECT id, code, name FROM quarantine_category WHERE id = :id").param("id", id)
			.query((rs, n) -> new CategoryRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"))).optional();
	}

	public List<CategoryRow> all() {
		return jdbc.sql("SELECT id, code, name FROM quarantine_category ORDER BY id")
			.query((rs, n) -> new CategoryRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"))).list();
	}

	/** Adds the next version; the category row is locked so two new versions never get the same number. */
	public long insertRule(long categoryId, Instant effectiveFrom, int facilityDays, int homeDays, List<Integer> natDays,
			List<Integer> antigenDays, boolean familyAllowed, String notice, String by) {
		jdbc.sql("SELECT id FROM quarantine_category WHERE id = :id FOR UPDATE").param("id", categoryId)
			.query(Long.class).single();
		return jdbc.sql("""
				INSERT INTO quarantine_rule (category_id, version, effective_from, facility_days, home_days, nat_days,
				                             antigen_days, family_allowed, notice, created_by)
				VALUES (:c, (SELECT coalesce(max(version), 0) + 1 FROM quarantine_rule WHERE category_id = :c), :from,
				        :fd, :hd, :nat, :antigen, :family, :notice, :by)
				RETURNING id""")
			.param("c", categoryId).param("from", Timestamp.from(effectiveFrom)).param("fd", facilityDays)
			.param("hd", homeDays).param("nat", natDays.toArray(Integer[]::new))
			.param("antigen", antigenDays.toArray(Integer[]::new)).param("family", familyAllowed)
			.param("notice", notice).param("by", by)
			.query(Long.class).single();
	}

	public List<Rule> rules(long categoryId) {
		return jdbc.sql(RULE + "WHERE category_id = :c ORDER BY version DESC").param("c", categoryId)
			.query(CategoryRepository::rule).list();
	}

	public Optional<Rule> rule(long id) {
		return jdbc.sql(RULE + "WHERE id = :id").param("id", id).query(CategoryRepository::rule).optional();
	}

	/** The version in force at an instant: the latest one whose effective time has come. */
	public Optional<Rule> inForce(long categoryId, Instant at) {
		return jdbc.sql(RULE + "WHERE category_id = :c AND effective_from <= :at ORDER BY effective_from DESC, version DESC LIMIT 1")
			.param("c", categoryId).param("at", Timestamp.from(at)).query(CategoryRepository::rule).optional();
	}

	private static Rule rule(ResultSet rs, int n) throws SQLException {
		return new Rule(rs.getLong("id"), rs.getLong("category_id"), rs.getInt("version"),
				Rows.instant(rs, "effective_from"), rs.getInt("facility_days"), rs.getInt("home_days"),
				Rows.ints(rs, "nat_days"), Rows.ints(rs, "antigen_days"), rs.getBoolean("family_allowed"),
				rs.getString("notice"));
	}
}
