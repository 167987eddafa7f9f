package org.frontline.workforce.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.frontline.workforce.ShiftLimits;
import org.frontline.workforce.ShiftLimits.KindHours;
import org.frontline.workforce.WorkerKind;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The versions of the shift limits, and the days with a heat warning. */
@Repository
public class LimitsRepository {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final RowMapper<ShiftLimits> limits;

	LimitsRepository(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
		this.limits = (rs, n) -> new ShiftLimits(rs.getLong("id"), rs.getInt("version"),
				rs.getTimestamp("effective_from").toInstant(), rs.getInt("rest_minutes"), rs.getInt("suit_minutes"),
				rs.getInt("heat_suit_minutes"), rs.getInt("test_max_age_minutes"), kinds(rs.getString("kind_limits")),
				rs.getString("note"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
	}

	/** The version in force at {@code at}: the latest whose effective time is not after it. */
	public Optional<ShiftLimits> inForce(Instant at) {
		return jdbc.sql("""
				SELECT * FROM workforce_limits WHERE effective_from <= :at ORDER BY effective_from DESC, version DESC LIMIT 1
				""").param("at", Timestamp.from(at)).query(limits).optional();
	}

	public Optional<ShiftLimits> find(long id) {
		return jdbc.sql("SELECT * FROM workforce_limits WHERE id = :id").param("id", id).query(limits).optional();
	}

	/** Every version, newest first. */
	public List<ShiftLimits> all() {
		return jdbc.sql("SELECT * FROM workforce_limits ORDER BY version DESC").query(limits).list();
	}

	public long insert(Instant effectiveFrom, int rest, int suit, int heatSuit, int testMaxAge,
			Map<WorkerKind, KindHours> kinds, String note, String by, Instant now) {
		return jdbc.sql("""
				INSERT INTO workforce_limits (version, effective_from, rest_minutes, suit_minutes, heat_suit_minutes,
				                              test_max_age_minutes, kind_limits, note, created_by, created_at)
				SELECT coalesce(max(version), 0) + 1, :from, :rest, :suit, :heat, :test, :kinds::jsonb, :note, :by, :now
				FROM workforce_limits
				RETURNING id
				""").param("from", Timestamp.from(effectiveFrom)).param("rest", rest).param("suit", suit)
			.param("heat", heatSuit)
			.param("test", testMaxAge)
			.param("kinds", json.writeValueAsString(kinds))
			.param("note", note)
			.param("by", by)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/** Serialises the versions' inserts (the next version number is read from the table). */
	public void lockVersions() {
		jdbc.sql("LOCK TABLE workforce_limits IN SHARE ROW EXCLUSIVE MODE").update();
	}

	/** The heat-warning days among {@code [from, to]}. */
	public Set<LocalDate> heatDays(LocalDate from, LocalDate to) {
		return new HashSet<>(jdbc.sql("SELECT day FROM workforce_heat_day WHERE day BETWEEN :from AND :to")
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> rs.getObject(1, LocalDate.class))
			.list());
	}

	/** Heat-warning days from {@code from} on, with their notes. */
	public List<Object[]> heatDaysFrom(LocalDate from) {
		return jdbc.sql("SELECT day, note, declared_by FROM workforce_heat_day WHERE day >= :from ORDER BY day")
			.param("from", from)
			.query((rs, n) -> new Object[] { rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3) })
			.list();
	}

	/** Declares a heat-warning day; declaring it again keeps the first declaration. */
	public boolean declareHeatDay(LocalDate day, String note, String by) {
		return jdbc.sql("""
				INSERT INTO workforce_heat_day (day, note, declared_by) VALUES (:day, :note, :by)
				ON CONFLICT (day) DO NOTHING
				""").param("day", day).param("note", note).param("by", by).update() > 0;
	}

	private Map<WorkerKind, KindHours> kinds(String text) {
		Map<WorkerKind, KindHours> kinds = new EnumMap<>(WorkerKind.class);
		JsonNode root = json.readTree(text);
		for (WorkerKind kind : WorkerKind.values()) {
			JsonNode node = root.get(kind.name());
			if (node != null) {
				kinds.put(kind, new KindHours(node.get("dayMinutes").asInt(), node.get("weekMinutes").asInt()));
			}
		}
		return kinds;
	}
}
