package org.frontline.workforce.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.frontline.people.IdType;
import org.frontline.workforce.Skill;
import org.frontline.workforce.Worker;
import org.frontline.workforce.WorkerKind;
import org.frontline.workforce.WorkerStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Workers: one row per identity document. */
@Repository
public class WorkerRepository {

	static final RowMapper<Worker> WORKER = (rs, n) -> worker(rs);

	private static final String SELECT = """
			SELECT w.*, u.name AS unit_name FROM workforce_worker w LEFT JOIN workforce_unit u ON u.id = w.unit_id
			""";

	private final JdbcClient jdbc;

	WorkerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A worker to store, as checked: the resident it is linked to, if any, already looked up. */
	public record WorkerRow(String name, IdType idType, String idNumber, String phone, WorkerKind kind, Long unitId,
			List<Skill> skills, boolean canSample, String licence, WorkerStatus status, String area, Long personId,
			String account, String availability) {
	}

	/**
	 * Whom a viewer sees: the workers of one unit, or those inside the area codes {@code [low, high)} (where they
	 * belong, or where they are deployed or assigned from {@code today} on), or those assigned at one post (a site
	 * leader's staff); and the worker whose account the viewer signs in with.
	 */
	public record Reach(Long unitId, Long postId, String low, String high, String account, LocalDate today) {
	}

	/** A page of workers inside a reach, filtered. */
	public record Filter(String low, String high, Long unitId, WorkerKind kind, WorkerStatus status, String name,
			String idNumber, String phone, int limit, long offset) {
	}

	public Optional<Worker> find(long id) {
		return jdbc.sql(SELECT + " WHERE w.id = :id").param("id", id).query(WORKER).optional();
	}

	/** The worker, locked for the rest of the transaction (two assignments of one worker are checked one by one). */
	public Optional<Worker> lock(long id) {
		return jdbc.sql(SELECT + " WHERE w.id = :id FOR UPDATE OF w").param("id", id).query(WORKER).optional();
	}

	/** These workers, locked in the order of their ids (as {@link #lock} locks one). */
	public List<Worker> lockAll(Collection<Long> ids) {
		return jdbc.sql(SELECT + " WHERE w.id = ANY (:ids) ORDER BY w.id FOR UPDATE OF w")
			.param("ids", ids.toArray(Long[]::new))
			.query(WORKER)
			.list();
	}

	public Optional<Long> idOf(IdType type, String number) {
		return jdbc.sql("SELECT id FROM workforce_worker WHERE id_type = :type AND id_number = :number")
			.param("type", type.name())
			.param("number", number)
			.query(Long.class)
			.optional();
	}

	public Optional<Worker> byAccount(String account) {
		return jdbc.sql(SELECT + " WHERE w.account = :account").param("account", account).query(WORKER).optional();
	}

	public boolean accountTaken(String account, Long except) {
		return jdbc.sql("SELECT count(*) FROM workforce_worker WHERE account = :account AND id <> :except")
			.param("account", account)
			.param("except", except == null ? 0L : except)
			.query(Long.class)
			.single() > 0;
	}

	public long insert(WorkerRow row, Instant now) {
		return jdbc.sql("""
				INSERT INTO workforce_worker (name, id_type, id_number, phone, kind, unit_id, skills, can_sample, licence,
				                              status, area_code, person_id, account, availability, created_at, updated_at)
				VALUES (:name, :idType, :idNumber, :phone, :kind, :unit, :skills, :canSample, :licence, :status, :area,
				        :person, :account, :availability, :now, :now)
				RETURNING id
				""").params(params(row)).param("now", java.sql.Timestamp.from(now)).query(Long.class).single();
	}

	public void update(long id, WorkerRow row, Instant now) {
		jdbc.sql("""
				UPDATE workforce_worker SET name = :name, id_type = :idType, id_number = :idNumber, phone = :phone,
				       kind = :kind, unit_id = :unit, skills = :skills, can_sample = :canSample, licence = :licence,
				       status = :status, area_code = :area, person_id = :person, account = :account,
				       availability = :availability, updated_at = :now
				WHERE id = :id
				""").params(params(row)).param("id", id).param("now", java.sql.Timestamp.from(now)).update();
	}

	public void setStatus(long id, WorkerStatus status, Instant now) {
		jdbc.sql("UPDATE workforce_worker SET status = :status, updated_at = :now WHERE id = :id")
			.param("status", status.name())
			.param("now", java.sql.Timestamp.from(now))
			.param("id", id)
			.update();
	}

	/** Counts of an import: new rows and changed rows; the rest were already there as they are. */
	public record Merged(int inserted, int updated) {
	}

	/**
	 * Stores many workers in one statement: new documents are inserted (as {@code ACTIVE}), known ones updated where
	 * something changed (their status stays), so the same rows again change nothing.
	 */
	public Merged merge(List<WorkerRow> rows, Instant now) {
		if (rows.isEmpty()) {
			return new Merged(0, 0);
		}
		List<Boolean> inserted = jdbc.sql("""
				INSERT INTO workforce_worker AS w (name, id_type, id_number, phone, kind, unit_id, skills, can_sample,
				                                   licence, status, area_code, person_id, availability, created_at,
				                                   updated_at)
				SELECT r.name, r.id_type, r.id_number, r.phone, r.kind, r.unit_id,
				       CASE WHEN r.skills = '' THEN '{}'::text[] ELSE string_to_array(r.skills, ',') END, r.can_sample,
				       r.licence, r.status, r.area_code, r.person_id, r.availability, :now, :now
				FROM unnest(:names::text[], :types::text[], :numbers::text[], :phones::text[], :kinds::text[],
				            :units::bigint[], :skills::text[], :canSample::boolean[], :licences::text[], :statuses::text[],
				            :areas::text[], :persons::bigint[], :availability::text[])
				     AS r(name, id_type, id_number, phone, kind, unit_id, skills, can_sample, licence, status, area_code,
				          person_id, availability)
				ON CONFLICT (id_type, id_number) DO UPDATE SET name = excluded.name, phone = excluded.phone,
				       kind = excluded.kind, unit_id = excluded.unit_id, skills = excluded.skills,
				       can_sample = excluded.can_sample, licence = excluded.licence, area_code = excluded.area_code,
				       person_id = coalesce(excluded.person_id, w.person_id), updated_at = excluded.updated_at
				WHERE (w.name, w.phone, w.kind, w.unit_id, w.skills, w.can_sample, w.licence, w.area_code)
				      IS DISTINCT FROM (excluded.name, excluded.phone, excluded.kind, excluded.unit_id, excluded.skills,
				                        excluded.can_sample, excluded.licence, excluded.area_code)
				   OR (excluded.person_id IS NOT NULL AND w.person_id IS DISTINCT FROM excluded.person_id)
				RETURNING (xmax = 0) AS inserted
				""")
			.param("names", column(rows, WorkerRow::name))
			.param("types", column(rows, r -> r.idType().name()))
			.param("numbers", column(rows, WorkerRow::idNumber))
			.param("phones", column(rows, WorkerRow::phone))
			.param("kinds", column(rows, r -> r.kind().name()))
			.param("units", rows.stream().map(WorkerRow::unitId).toArray(Long[]::new))
			.param("skills", column(rows, r -> String.join(",", r.skills().stream().map(Enum::name).toList())))
			.param("canSample", rows.stream().map(WorkerRow::canSample).toArray(Boolean[]::new))
			.param("licences", column(rows, WorkerRow::licence))
			.param("statuses", column(rows, r -> r.status().name()))
			.param("areas", column(rows, WorkerRow::area))
			.param("persons", rows.stream().map(WorkerRow::personId).toArray(Long[]::new))
			.param("availability", column(rows, WorkerRow::availability))
			.param("now", java.sql.Timestamp.from(now))
			.query(Boolean.class)
			.list();
		int fresh = (int) inserted.stream().filter(Boolean::booleanValue).count();
		return new Merged(fresh, inserted.size() - fresh);
	}

	/** The ids of workers by document number (of one type). */
	public Map<String, Long> idsOf(IdType type, Collection<String> numbers) {
		Map<String, Long> ids = new HashMap<>();
		jdbc.sql("SELECT id_number, id FROM workforce_worker WHERE id_type = :type AND id_number = ANY (:numbers)")
			.param("type", type.name())
			.param("numbers", numbers.toArray(String[]::new))
			.query((rs, n) -> ids.put(rs.getString(1), rs.getLong(2)))
			.list();
		return ids;
	}

	/** Whether the viewer's reach covers the worker. */
	public boolean within(long workerId, Reach reach) {
		return jdbc.sql("SELECT count(*) FROM workforce_worker w WHERE w.id = :id AND " + reach(reach))
			.param("id", workerId)
			.params(reachParams(reach))
			.query(Long.class)
			.single() > 0;
	}

	public List<Worker> search(Reach reach, Filter filter) {
		return jdbc.sql(SELECT + " WHERE " + reach(reach) + " AND " + where(filter)
				+ " ORDER BY w.area_code, w.name, w.id LIMIT :limit OFFSET :offset")
			.params(reachParams(reach))
			.params(filterParams(filter))
			.query(WORKER)
			.list();
	}

	public long count(Reach reach, Filter filter) {
		return jdbc.sql("SELECT count(*) FROM workforce_worker w WHERE " + reach(reach) + " AND " + where(filter))
			.params(reachParams(reach))
			.params(filterParams(filter))
			.query(Long.class)
			.single();
	}

	/** Volunteers who signed up and wait for their community, inside the area codes {@code [low, high)}. */
	public List<Worker> pending(String low, String high) {
		return jdbc.sql(SELECT + """
				 WHERE w.status = 'PENDING' AND w.area_code >= :low AND w.area_code < :high
				ORDER BY w.created_at, w.id LIMIT 500
				""").param("low", low).param("high", high).query(WORKER).list();
	}

	/** How many volunteers wait for their community inside the area codes {@code [low, high)}. */
	public long countPending(String low, String high) {
		return jdbc.sql("""
				SELECT count(*) FROM workforce_worker
				WHERE status = 'PENDING' AND area_code >= :low AND area_code < :high
				""").param("low", low).param("high", high).query(Long.class).single();
	}

	/** The cadres of a unit, by name. */
	public List<Worker> ofUnit(long unitId) {
		return jdbc.sql(SELECT + " WHERE w.unit_id = :unit ORDER BY w.name, w.id LIMIT 20000")
			.param("unit", unitId)
			.query(WORKER)
			.list();
	}

	private static String reach(Reach reach) {
		List<String> any = new ArrayList<>();
		if (reach.unitId() != null) {
			any.add("w.unit_id = :reachUnit");
		}
		else if (reach.postId() != null) {
			any.add("""
					EXISTS (SELECT 1 FROM workforce_assignment a JOIN workforce_shift s ON s.id = a.shift_id
					        WHERE a.worker_id = w.id AND s.post_id = :reachPost AND a.ends_at >= :reachSince)""");
		}
		else if (reach.low() != null) {
			any.add("(w.area_code >= :reachLow AND w.area_code < :reachHigh)");
			any.add("""
					EXISTS (SELECT 1 FROM workforce_deployment d JOIN workforce_post p ON p.id = d.post_id
					        WHERE d.worker_id = w.id AND d.to_date >= :reachToday
					          AND p.area_code >= :reachLow AND p.area_code < :reachHigh)""");
		}
		if (reach.account() != null) {
			any.add("w.account = :reachAccount");
		}
		return any.isEmpty() ? "false" : "(" + String.join(" OR ", any) + ")";
	}

	private static Map<String, Object> reachParams(Reach reach) {
		return values("reachUnit", reach.unitId(),
				"reachPost", reach.postId(),
				"reachLow", reach.low(),
				"reachHigh", reach.high(),
				"reachAccount", reach.account(),
				"reachToday", reach.today(),
				"reachSince", java.sql.Timestamp.valueOf(reach.today().minusDays(7).atStartOfDay()));
	}

	private static String where(Filter filter) {
		List<String> conditions = new ArrayList<>();
		conditions.add("true");
		if (filter.low() != null) {
			conditions.add("w.area_code >= :low AND w.area_code < :high");
		}
		if (filter.unitId() != null) {
			conditions.add("w.unit_id = :unit");
		}
		if (filter.kind() != null) {
			conditions.add("w.kind = :kind");
		}
		if (filter.status() != null) {
			conditions.add("w.status = :status");
		}
		if (filter.name() != null) {
			conditions.add("w.name LIKE :name");
		}
		if (filter.idNumber() != null) {
			conditions.add("w.id_number = :idNumber");
		}
		if (filter.phone() != null) {
			conditions.add("w.phone = :phone");
		}
		return String.join(" AND ", conditions);
	}

	private static Map<String, Object> filterParams(Filter filter) {
		return values("low", filter.low(),
				"high", filter.high(),
				"unit", filter.unitId(),
				"kind", filter.kind() == null ? null : filter.kind().name(),
				"status", filter.status() == null ? null : filter.status().name(),
				"name", filter.name() == null ? null : likePrefix(filter.name()),
				"idNumber", filter.idNumber(),
				"phone", filter.phone(),
				"limit", filter.limit(),
				"offset", filter.offset());
	}

	private static String likePrefix(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	private static Map<String, Object> params(WorkerRow row) {
		return values("name", row.name(),
				"idType", row.idType().name(),
				"idNumber", row.idNumber(),
				"phone", row.phone(),
				"kind", row.kind().name(),
				"unit", row.unitId(),
				"skills", row.skills().stream().map(Enum::name).toArray(String[]::new),
				"canSample", row.canSample(),
				"licence", row.licence(),
				"status", row.status().name(),
				"area", row.area(),
				"person", row.personId(),
				"account", row.account(),
				"availability", row.availability());
	}

	static Map<String, Object> values(Object... pairs) {
		Map<String, Object> values = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			values.put((String) pairs[i], pairs[i + 1]);
		}
		return values;
	}

	private static String[] column(List<WorkerRow> rows, java.util.function.Function<WorkerRow, String> value) {
		return rows.stream().map(value).toArray(String[]::new);
	}

	static Worker worker(ResultSet rs) throws SQLException {
		long unit = rs.getLong("unit_id");
		Long unitId = rs.wasNull() ? null : unit;
		long person = rs.getLong("person_id");
		Long personId = rs.wasNull() ? null : person;
		return new Worker(rs.getLong("id"), rs.getString("name"), IdType.valueOf(rs.getString("id_type")),
				rs.getString("id_number"), rs.getString("phone"), WorkerKind.valueOf(rs.getString("kind")), unitId,
				rs.getString("unit_name"), skills(rs.getArray("skills")), rs.getBoolean("can_sample"),
				rs.getString("licence"), WorkerStatus.valueOf(rs.getString("status")), rs.getString("area_code"),
				personId, rs.getString("account"), rs.getString("availability"));
	}

	private static List<Skill> skills(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Arrays.stream((String[]) array.getArray()).map(Skill::valueOf).toList();
	}
}
