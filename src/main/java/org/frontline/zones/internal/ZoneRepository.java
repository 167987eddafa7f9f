package org.frontline.zones.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.frontline.zones.LiftTarget;
import org.frontline.zones.Zone;
import org.frontline.zones.ZoneLevel;
import org.frontline.zones.ZoneRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Zone periods, the positives found in them and their rounds as last checked. */
@Repository
public class ZoneRepository {

	private static final String SELECT = """
			SELECT z.*, n.number AS notice_number, r.id AS r_id, r.level AS r_level, r.version AS r_version,
			       r.effective_from AS r_effective_from, r.pool_size AS r_pool_size, r.test_every_days AS r_test_every_days,
			       r.door_to_door AS r_door_to_door, r.movement AS r_movement, r.clean_days AS r_clean_days,
			       r.negative_round_days AS r_negative_round_days, r.lift_to AS r_lift_to, r.basis AS r_basis,
			       r.created_by AS r_created_by, r.created_at AS r_created_at
			FROM zones_zone z JOIN zones_rule r ON r.id = z.rule_id JOIN zones_notice n ON n.id = z.notice_id
			""";

	private static final String ORDER = " ORDER BY z.area_code, coalesce(z.buildings, '{}'), z.since, z.id";

	private final JdbcClient jdbc;

	ZoneRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(String area, String areaName, List<String> buildings, ZoneLevel level, long ruleId, long noticeId,
			Instant since, Long previousId, String by) {
		return jdbc.sql("""
				INSERT INTO zones_zone (area_code, area_name, buildings, level, rule_id, notice_id, since, previous_id, set_by)
				VALUES (:area, :name, :buildings, :level, :rule, :notice, :since, :previous, :by)
				RETURNING id
				""")
			.param("area", area)
			.param("name", areaName)
			.param("buildings", buildings.isEmpty() ? null : buildings.toArray(String[]::new))
			.param("level", level.name())
			.param("rule", ruleId)
			.param("notice", noticeId)
			.param("since", Timestamp.from(since))
			.param("previous", previousId)
			.param("by", by)
			.query(Long.class)
			.single();
	}

	/** Ends an open zone at {@code until}, by a notice. */
	public void end(long id, Instant until, long noticeId) {
		jdbc.sql("UPDATE zones_zone SET until = :until, ended_by = :notice WHERE id = :id AND until IS NULL")
			.param("until", Timestamp.from(until))
			.param("notice", noticeId)
			.param("id", id)
			.update();
	}

	/** The open zone on exactly this area and these buildings, locked until the transaction ends. */
	public Optional<Zone> lockOpen(String area, List<String> buildings) {
		return jdbc.sql(SELECT + """
				WHERE z.area_code = :area AND coalesce(z.buildings, '{}') = :buildings::text[] AND z.until IS NULL
				FOR UPDATE OF z
				""")
			.param("area", area)
			.param("buildings", buildings.toArray(String[]::new))
			.query(ZoneRepository::zone)
			.optional();
	}

	public Optional<Zone> lock(long id) {
		return jdbc.sql(SELECT + " WHERE z.id = :id FOR UPDATE OF z").param("id", id).query(ZoneRepository::zone).optional();
	}

	public Optional<Zone> find(long id) {
		return jdbc.sql(SELECT + " WHERE z.id = :id").param("id", id).query(ZoneRepository::zone).optional();
	}

	/** Zones in force at {@code at} or set to begin later: every zone not ended by then. */
	public List<Zone> notEnded(Instant at) {
		return jdbc.sql(SELECT + " WHERE z.until IS NULL OR z.until > :at" + ORDER)
			.param("at", Timestamp.from(at))
			.query(ZoneRepository::zone)
			.list();
	}

	/** Zones in force at {@code at}. */
	public List<Zone> inForce(Instant at) {
		return jdbc.sql(SELECT + " WHERE z.since <= :at AND (z.until IS NULL OR z.until > :at)" + ORDER)
			.param("at", Timestamp.from(at))
			.query(ZoneRepository::zone)
			.list();
	}

	/** Zones not ended by {@code at} on these area codes exactly (a compound and the areas above it). */
	public List<Zone> notEndedOn(Collection<String> areas, Instant at) {
		return jdbc.sql(SELECT + " WHERE z.area_code = ANY(:areas) AND (z.until IS NULL OR z.until > :at)" + ORDER)
			.param("areas", areas.toArray(String[]::new))
			.param("at", Timestamp.from(at))
			.query(ZoneRepository::zone)
			.list();
	}

	public List<Zone> setBy(long noticeId) {
		return jdbc.sql(SELECT + " WHERE z.notice_id = :notice" + ORDER).param("notice", noticeId).query(ZoneRepository::zone).list();
	}

	/** Zones a notice ended without a next period: lifted out of every zone. */
	public List<Zone> liftedBy(long noticeId) {
		return jdbc.sql(SELECT + """
				 WHERE z.ended_by = :notice AND NOT EXISTS (SELECT 1 FROM zones_zone x WHERE x.previous_id = z.id)
				""" + ORDER).param("notice", noticeId).query(ZoneRepository::zone).list();
	}

	/** Where a resident lives, from the registry's read view: compound and building; empty for nobody. */
	public Optional<String[]> residentAddress(long personId) {
		return jdbc.sql("SELECT area_code, building FROM people_resident WHERE id = :id")
			.param("id", personId)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional();
	}

	/** Records a confirmed positive once (a redelivered event changes nothing); true when it is new. */
	public boolean positive(long roundId, long personId, String tubeCode, String area, String building, Instant at) {
		return jdbc.sql("""
				INSERT INTO zones_positive (round_id, person_id, tube_code, area_code, building, found_at)
				VALUES (:round, :person, :tube, :area, :building, :at)
				ON CONFLICT DO NOTHING
				""")
			.param("round", roundId)
			.param("person", personId)
			.param("tube", tubeCode)
			.param("area", area)
			.param("building", building)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/** The last positive found among each zone's residents (by where they lived), for the zones that have one. */
	public Map<Long, Instant> lastPositives(Collection<Long> zoneIds) {
		Map<Long, Instant> last = new HashMap<>();
		if (zoneIds.isEmpty()) {
			return last;
		}
		jdbc.sql("""
				SELECT z.id, p.found_at
				FROM zones_zone z
				CROSS JOIN LATERAL (
				    SELECT max(p.found_at) AS found_at FROM zones_positive p
				    WHERE p.area_code >= z.area_code AND p.area_code < z.area_code || ':'
				      AND (z.buildings IS NULL OR p.building = ANY (z.buildings))) p
				WHERE z.id = ANY(:ids) AND p.found_at IS NOT NULL
				""").param("ids", zoneIds.toArray(Long[]::new)).query(rs -> {
			last.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
		});
		return last;
	}

	/** How a zone's residents fared in one round, as checked at {@code checkedAt}. */
	public record RoundCheck(long zoneId, long roundId, String roundName, Instant roundBegan, long residents,
			long sampled, long exempted, long negative, long pending, long positive, Instant checkedAt, boolean isFinal) {

		/** Every resident sampled or exempted, and every sample's result in and negative. */
		public boolean negativeFullRound() {
			return residents > 0 && sampled + exempted == residents && negative == sampled && pending == 0 && positive == 0;
		}
	}

	public void saveCheck(RoundCheck check) {
		jdbc.sql("""
				INSERT INTO zones_round_check (zone_id, round_id, round_name, round_began, residents, sampled, exempted,
				                               negative, pending, positive, checked_at, final)
				VALUES (:zone, :round, :name, :began, :residents, :sampled, :exempted, :negative, :pending, :positive,
				        :checked, :final)
				ON CONFLICT (zone_id, round_id) DO UPDATE SET round_name = excluded.round_name,
				    round_began = excluded.round_began, residents = excluded.residents, sampled = excluded.sampled,
				    exempted = excluded.exempted, negative = excluded.negative, pending = excluded.pending,
				    positive = excluded.positive, checked_at = excluded.checked_at, final = excluded.final
				""")
			.param("zone", check.zoneId())
			.param("round", check.roundId())
			.param("name", check.roundName())
			.param("began", Timestamp.from(check.roundBegan()))
			.param("residents", check.residents())
			.param("sampled", check.sampled())
			.param("exempted", check.exempted())
			.param("negative", check.negative())
			.param("pending", check.pending())
			.param("positive", check.positive())
			.param("checked", Timestamp.from(check.checkedAt()))
			.param("final", check.isFinal())
			.update();
	}

	/** The checked rounds of these zones that began at or after {@code since}, newest first. */
	public Map<Long, List<RoundCheck>> checks(Collection<Long> zoneIds, Instant since) {
		Map<Long, List<RoundCheck>> checks = new HashMap<>();
		if (zoneIds.isEmpty()) {
			return checks;
		}
		jdbc.sql("""
				SELECT * FROM zones_round_check WHERE zone_id = ANY(:ids) AND round_began >= :since
				ORDER BY zone_id, round_began DESC, round_id DESC
				""").param("ids", zoneIds.toArray(Long[]::new)).param("since", Timestamp.from(since)).query(rs -> {
			RoundCheck check = check(rs);
			checks.computeIfAbsent(check.zoneId(), k -> new ArrayList<>()).add(check);
		});
		return checks;
	}

	static RoundCheck check(ResultSet rs) throws SQLException {
		return new RoundCheck(rs.getLong("zone_id"), rs.getLong("round_id"), rs.getString("round_name"),
				rs.getTimestamp("round_began").toInstant(), rs.getLong("residents"), rs.getLong("sampled"),
				rs.getLong("exempted"), rs.getLong("negative"), rs.getLong("pending"), rs.getLong("positive"),
				rs.getTimestamp("checked_at").toInstant(), rs.getBoolean("final"));
	}

	static Zone zone(ResultSet rs, int n) throws SQLException {
		Array buildings = rs.getArray("buildings");
		Timestamp until = rs.getTimestamp("until");
		return new Zone(rs.getLong("id"), rs.getString("area_code"), rs.getString("area_name"),
				buildings == null ? List.of() : Arrays.asList((String[]) buildings.getArray()),
				ZoneLevel.valueOf(rs.getString("level")), rs.getTimestamp("since").toInstant(),
				until == null ? null : until.toInstant(), rule(rs), rs.getLong("notice_id"), rs.getInt("notice_number"),
				(Long) rs.getObject("previous_id"));
	}

	private static ZoneRule rule(ResultSet rs) throws SQLException {
		return new ZoneRule(rs.getLong("r_id"), ZoneLevel.valueOf(rs.getString("r_level")),
				rs.getInt("r_version"), rs.getTimestamp("r_effective_from").toInstant(), rs.getInt("r_pool_size"),
				rs.getInt("r_test_every_days"), rs.getBoolean("r_door_to_door"), rs.getString("r_movement"),
				rs.getInt("r_clean_days"), (Integer) rs.getObject("r_negative_round_days"),
				LiftTarget.valueOf(rs.getString("r_lift_to")), rs.getString("r_basis"),
				rs.getString("r_created_by"), rs.getTimestamp("r_created_at").toInstant());
	}
}
