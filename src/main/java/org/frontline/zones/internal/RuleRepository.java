package org.frontline.zones.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.frontline.zones.LiftTarget;
import org.frontline.zones.NewZoneRule;
import org.frontline.zones.ZoneLevel;
import org.frontline.zones.ZoneRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The versions of each level's rules. */
@Repository
public class RuleRepository {

	private final JdbcClient jdbc;

	RuleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds the next version of a level's rules; versions of one level are numbered one writer at a time. */
	public long insert(ZoneLevel level, NewZoneRule rule, Instant effectiveFrom, String by, Instant now) {
		jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(hashtext('zones_rule:' || :level))").param("level", level.name())
			.query(Integer.class)
			.single();
		return jdbc.sql("""
				INSERT INTO zones_rule (level, version, effective_from, pool_size, test_every_days, door_to_door, movement,
				                        clean_days, negative_round_days, lift_to, basis, created_by, created_at)
				SELECT :level, coalesce(max(version), 0) + 1, :from, :pool, :every, :door, :movement, :clean, :negative,
				       :liftTo, :basis, :by, :now
				FROM zones_rule WHERE level = :level
				RETURNING id
				""")
			.param("level", level.name())
			.param("from", Timestamp.from(effectiveFrom))
			.param("pool", rule.poolSize())
			.param("every", rule.testEveryDays())
			.param("door", rule.doorToDoor())
			.param("movement", rule.movement().strip())
			.param("clean", rule.cleanDays())
			.param("negative", rule.negativeRoundDays())
			.param("liftTo", rule.liftTo().name())
			.param("basis", rule.basis() == null || rule.basis().isBlank() ? null : rule.basis().strip())
			.param("by", by)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	public List<ZoneRule> all() {
		return jdbc.sql("SELECT * FROM zones_rule ORDER BY CASE level WHEN 'LOCKDOWN' THEN 0 WHEN 'CONTROL' THEN 1 ELSE 2 END, version")
			.query(RuleRepository::rule)
			.list();
	}

	/** The version of a level's rules in force at a time: the latest that took effect by then. */
	public Optional<ZoneRule> inForce(ZoneLevel level, Instant at) {
		return jdbc.sql("""
				SELECT * FROM zones_rule WHERE level = :level AND effective_from <= :at
				ORDER BY effective_from DESC, version DESC LIMIT 1
				""").param("level", level.name()).param("at", Timestamp.from(at)).query(RuleRepository::rule).optional();
	}

	public Optional<ZoneRule> find(long id) {
		return jdbc.sql("SELECT * FROM zones_rule WHERE id = :id").param("id", id).query(RuleRepository::rule).optional();
	}

	static ZoneRule rule(ResultSet rs, int n) throws SQLException {
		return new ZoneRule(rs.getLong("id"), ZoneLevel.valueOf(rs.getString("level")), rs.getInt("version"),
				rs.getTimestamp("effective_from").toInstant(), rs.getInt("pool_size"), rs.getInt("test_every_days"),
				rs.getBoolean("door_to_door"), rs.getString("movement"), rs.getInt("clean_days"),
				(Integer) rs.getObject("negative_round_days"), LiftTarget.valueOf(rs.getString("lift_to")),
				rs.getString("basis"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
	}
}
