package org.frontline.people.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.frontline.people.Address;
import org.frontline.people.IdType;
import org.frontline.people.Person;
import org.frontline.people.Sex;
import org.frontline.people.Tag;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

@Repository
public class PersonRepository {

	static final RowMapper<Person> PERSON = (rs, n) -> person(rs);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	PersonRepository(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/** Counts of an upsert: new rows and changed rows; the rest were already there as they are. */
	public record Upserted(int inserted, int updated) {
	}

	/**
	 * A search bounded to the area codes in [low, high) and, when {@code only} is not null, to the people with those
	 * ids.
	 */
	public record Search(String low, String high, String namePrefix, String idNumber, String phone, Tag tag,
			int limit, long offset, java.util.Collection<Long> only) {

		public Search(String low, String high, String namePrefix, String idNumber, String phone, Tag tag, int limit,
				long offset) {
			this(low, high, namePrefix, idNumber, phone, tag, limit, offset, null);
		}
	}

	public Optional<Person> find(long id) {
		return jdbc.sql("SELECT * FROM people_person WHERE id = :id").param("id", id).query(PERSON).optional();
	}

	/** The people with these ids whose area code lies in [low, high), in id order. */
	public List<Person> findAll(java.util.Collection<Long> ids, String low, String high) {
		return jdbc.sql("""
				SELECT * FROM people_person WHERE id = ANY (:ids::bigint[]) AND area_code >= :low AND area_code < :high
				ORDER BY id
				""").param("ids", ids.toArray(Long[]::new)).param("low", low).param("high", high).query(PERSON).list();
	}

	public Optional<Long> idOf(IdType type, String number) {
		return jdbc.sql("SELECT id FROM people_person WHERE id_type = :type AND id_number = :number")
			.param("type", type.name())
			.param("number", number)
			.query(Long.class)
			.optional();
	}

	/** The ids of the people registered with these documents of one type, by document number. */
	public Map<String, Long> idsOf(IdType type, Collection<String> numbers) {
		Map<String, Long> ids = new HashMap<>();
		jdbc.sql("SELECT id_number, id FROM people_person WHERE id_type = :type AND id_number = ANY(:numbers)")
			.param("type", type.name())
			.param("numbers", numbers.toArray(String[]::new))
			.query((rs, n) -> ids.put(rs.getString(1), rs.getLong(2)))
			.list();
		return ids;
	}

	public List<Person> search(Search search) {
		return bind(jdbc.sql("SELECT * FROM people_person WHERE " + where(search)
				+ " ORDER BY area_code, id LIMIT :limit OFFSET :offset"), search)
			.param("limit", search.limit())
			.param("offset", search.offset())
			.query(PERSON)
			.list();
	}

	public long count(Search search) {
		return bind(jdbc.sql("SELECT count(*) FROM people_person WHERE " + where(search)), search).query(Long.class)
			.single();
	}

	private static String where(Search search) {
		List<String> conditions = new ArrayList<>(List.of("area_code >= :low", "area_code < :high"));
		if (search.namePrefix() != null) {
			conditions.add("name COLLATE \"C\" >= :nameLow AND name COLLATE \"C\" < :nameHigh");
		}
		if (search.idNumber() != null) {
			conditions.add("id_number = :idNumber");
		}
		if (search.phone() != null) {
			conditions.add("phone = :phone");
		}
		if (search.tag() != null) {
			conditions.add("tags @> ARRAY[:tag]::text[]");
		}
		if (search.only() != null) {
			conditions.add("id = ANY (:only::bigint[])");
		}
		return String.join(" AND ", conditions);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Search search) {
		spec = spec.param("low", search.low()).param("high", search.high());
		if (search.namePrefix() != null) {
			spec = spec.param("nameLow", search.namePrefix()).param("nameHigh", search.namePrefix() + "\uFFFF");
		}
		if (search.idNumber() != null) {
			spec = spec.param("idNumber", search.idNumber());
		}
		if (search.phone() != null) {
			spec = spec.param("phone", search.phone());
		}
		if (search.tag() != null) {
			spec = spec.param("tag", search.tag().name());
		}
		if (search.only() != null) {
			spec = spec.param("only", search.only().toArray(Long[]::new));
		}
		return spec;
	}

	public long insert(PersonRow row) {
		return jdbc.sql("""
				INSERT INTO people_person (name, id_type, id_number, phone, area_code, building, unit, room, tags,
				                           birth_date, sex)
				VALUES (:name, :idType, :idNumber, :phone, :area, :building, :unit, :room, :tags::text[], :birthDate, :sex)
				RETURNING id
				""")
			.paramSource(params(row))
			.query(Long.class)
			.single();
	}

	public boolean update(long id, PersonRow row) {
		return jdbc.sql("""
				UPDATE people_person SET name = :name, id_type = :idType, id_number = :idNumber, phone = :phone,
				       area_code = :area, building = :building, unit = :unit, room = :room, tags = :tags::text[],
				       birth_date = :birthDate, sex = :sex, updated_at = now()
				WHERE id = :id
				""")
			.paramSource(params(row).addValue("id", id))
			.update() == 1;
	}

	/** Lines of rows whose document already belongs to someone outside [low, high). */
	public List<Integer> stagedOutside(String low, String high) {
		return jdbc.sql("""
				SELECT i.line FROM people_import i
				JOIN people_person p ON p.id_type = i.id_type AND p.id_number = i.id_number
				WHERE NOT (p.area_code >= :low AND p.area_code < :high)
				ORDER BY i.line
				""").param("low", low).param("high", high).query(Integer.class).list();
	}

	/**
	 * Copies rows into a temporary staging table of this transaction, then inserts new people and updates changed
	 * ones in one statement; rows already stored as they are change nothing, so a file imported twice is imported
	 * once.
	 */
	public void stage(List<PersonRow> rows) {
		jdbc.sql("""
				CREATE TEMP TABLE IF NOT EXISTS people_import (
				    line int, name text, id_type text, id_number text COLLATE "C", phone text, area_code text COLLATE "C",
				    building text, unit text, room text, tags text, birth_date date, sex char(1)
				) ON COMMIT DROP
				""").update();
		StringBuilder csv = new StringBuilder(rows.size() * 120);
		try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.POSTGRESQL_CSV)) {
			for (PersonRow row : rows) {
				printer.printRecord(row.line(), row.name(), row.idType().name(), row.idNumber(), row.phone(),
						row.area(), row.building(), row.unit(), row.room(), tagsLiteral(row.tags()),
						row.birthDate(), row.sex() == null ? null : row.sex().name());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY people_import FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("Could not stage the imported rows", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	public void unstage(List<Integer> lines) {
		if (!lines.isEmpty()) {
			jdbc.sql("DELETE FROM people_import WHERE line IN (:lines)").param("lines", lines).update();
		}
	}

	public Upserted mergeStaged() {
		Map<String, Object> counts = jdbc.sql("""
				WITH merged AS (
				    INSERT INTO people_person AS p (name, id_type, id_number, phone, area_code, building, unit, room,
				                                    tags, birth_date, sex)
				    SELECT name, id_type, id_number, phone, area_code, building, unit, room, tags::text[], birth_date, sex
				    FROM people_import
				    ON CONFLICT (id_type, id_number) DO UPDATE
				    SET name = EXCLUDED.name, phone = EXCLUDED.phone, area_code = EXCLUDED.area_code,
				        building = EXCLUDED.building, unit = EXCLUDED.unit, room = EXCLUDED.room, tags = EXCLUDED.tags,
				        updated_at = now()
				    WHERE (p.name, p.phone, p.area_code, p.building, p.unit, p.room, p.tags)
				          IS DISTINCT FROM
				          (EXCLUDED.name, EXCLUDED.phone, EXCLUDED.area_code, EXCLUDED.building, EXCLUDED.unit,
				           EXCLUDED.room, EXCLUDED.tags)
				    RETURNING (xmax = 0) AS inserted
				)
				SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated
				FROM merged
				""").query().singleRow();
		jdbc.sql("TRUNCATE people_import").update();
		return new Upserted(((Number) counts.get("inserted")).intValue(), ((Number) counts.get("updated")).intValue());
	}

	/** The ids of the staged rows' documents that are registered, keyed {@code TYPE:NUMBER}. */
	public Map<String, Long> stagedIds() {
		Map<String, Long> ids = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT i.id_type, i.id_number, p.id FROM people_import i
				JOIN people_person p ON p.id_type = i.id_type AND p.id_number = i.id_number
				""").query(rs -> {
			ids.put(rs.getString(1) + ":" + rs.getString(2), rs.getLong(3));
		});
		return ids;
	}

	/** Registers the staged rows whose document nobody has yet; registered people are left as they are. */
	public int insertStagedNew() {
		return jdbc.sql("""
				INSERT INTO people_person (name, id_type, id_number, phone, area_code, building, unit, room, tags,
				                           birth_date, sex)
				SELECT DISTINCT ON (id_type, id_number) name, id_type, id_number, phone, area_code, building, unit, room,
				       tags::text[], birth_date, sex
				FROM people_import ORDER BY id_type, id_number, line
				ON CONFLICT (id_type, id_number) DO NOTHING
				""").update();
	}

	public void clearStaged() {
		jdbc.sql("TRUNCATE people_import").update();
	}

	/** Residents per compound inside [low, high). */
	public Map<String, Long> countByCompound(String low, String high) {
		return jdbc.sql("""
				SELECT area_code, count(*) AS n FROM people_person
				WHERE area_code >= :low AND area_code < :high GROUP BY area_code
				""")
			.param("low", low)
			.param("high", high)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}


	private static MapSqlParameterSource params(PersonRow row) {
		return new MapSqlParameterSource()
			.addValue("name", row.name())
			.addValue("idType", row.idType().name())
			.addValue("idNumber", row.idNumber())
			.addValue("phone", row.phone())
			.addValue("area", row.area())
			.addValue("building", row.building())
			.addValue("unit", row.unit())
			.addValue("room", row.room())
			.addValue("tags", tagsLiteral(row.tags()))
			.addValue("birthDate", row.birthDate() == null ? null : Date.valueOf(row.birthDate()))
			.addValue("sex", row.sex() == null ? null : row.sex().name());
	}

	private static String tagsLiteral(List<Tag> tags) {
		return tags.stream().map(Tag::name).collect(Collectors.joining(",", "{", "}"));
	}

	private static Person person(ResultSet rs) throws SQLException {
		String[] tagNames = (String[]) rs.getArray("tags").getArray();
		Date birth = rs.getDate("birth_date");
		String sex = rs.getString("sex");
		return new Person(rs.getLong("id"), rs.getString("name"), IdType.valueOf(rs.getString("id_type")),
				rs.getString("id_number"), rs.getString("phone"), rs.getString("area_code"),
				new Address(rs.getString("building"), rs.getString("unit"), rs.getString("room")),
				Arrays.stream(tagNames).map(Tag::valueOf).toList(), birth == null ? null : birth.toLocalDate(),
				sex == null ? null : Sex.valueOf(sex));
	}
}
