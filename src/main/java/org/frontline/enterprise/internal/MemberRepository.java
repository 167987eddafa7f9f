package org.frontline.enterprise.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.frontline.enterprise.Member;
import org.frontline.enterprise.Movement;
import org.frontline.enterprise.MovementKind;
import org.frontline.shared.Masking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The roster of each loop (who is in, since when, shift group, room, bedding), every movement in and out, and the
 * antigen self-tests. Names and phones are read from the people module's view, never copied.
 */
@Repository
public class MemberRepository {

	private final JdbcClient jdbc;

	MemberRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A staff member to store: who, their shift group and room, their own bedding, and how they came in. */
	public record NewMember(long personId, String shiftGroup, String building, String room, boolean bedding,
			MovementKind kind, Instant testAt) {
	}

	/** Which of these people exist in the registry. */
	public Set<Long> existing(Collection<Long> personIds) {
		if (personIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("SELECT id FROM people_resident WHERE id = ANY(:ids::bigint[])")
			.param("ids", personIds.toArray(Long[]::new))
			.query(Long.class)
			.list());
	}

	/** Of these people, those in this loop now, and those who were in it and left. */
	public record Standing(Set<Long> in, Set<Long> left) {
	}

	public Standing standing(long loopId, Collection<Long> personIds) {
		Set<Long> in = new HashSet<>();
		Set<Long> left = new HashSet<>();
		if (!personIds.isEmpty()) {
			jdbc.sql("SELECT person_id, left_at IS NULL FROM enterprise_member WHERE loop_id = :loop AND person_id = ANY(:ids::bigint[])")
				.param("loop", loopId)
				.param("ids", personIds.toArray(Long[]::new))
				.query(rs -> {
					(rs.getBoolean(2) ? in : left).add(rs.getLong(1));
				});
		}
		return new Standing(in, left);
	}

	/** Of these people, those in another active loop, with that loop's enterprise name. */
	public Map<Long, String> inOtherLoops(long loopId, Collection<Long> personIds) {
		Map<Long, String> other = new HashMap<>();
		if (!personIds.isEmpty()) {
			jdbc.sql("""
					SELECT m.person_id, e.name FROM enterprise_member m
					JOIN enterprise_loop l ON l.id = m.loop_id JOIN enterprise_enterprise e ON e.id = l.enterprise_id
					WHERE m.person_id = ANY(:ids::bigint[]) AND m.left_at IS NULL AND m.loop_id <> :loop
					  AND l.ends_at IS NULL
					""").param("loop", loopId).param("ids", personIds.toArray(Long[]::new)).query(rs -> {
				other.put(rs.getLong(1), rs.getString(2));
			});
		}
		return other;
	}

	/** Puts people on the roster (again, for those who left) and keeps their movements, in two statements. */
	public void add(long loopId, List<NewMember> members, Instant at, String by) {
		if (members.isEmpty()) {
			return;
		}
		int n = members.size();
		Long[] people = new Long[n];
		String[] groups = new String[n];
		String[] buildings = new String[n];
		String[] rooms = new String[n];
		Boolean[] bedding = new Boolean[n];
		String[] kinds = new String[n];
		Timestamp[] tests = new Timestamp[n];
		for (int i = 0; i < n; i++) {
			NewMember m = members.get(i);
			people[i] = m.personId();
			groups[i] = m.shiftGroup();
			buildings[i] = m.building();
			rooms[i] = m.room();
			bedding[i] = m.bedding();
			kinds[i] = m.kind().name();
			tests[i] = m.testAt() == null ? null : Timestamp.from(m.testAt());
		}
		jdbc.sql("""
				INSERT INTO enterprise_member (loop_id, person_id, shift_group, building, room, bedding, joined_at)
				SELECT :loop, p, g, b, r, bd, :at
				FROM unnest(:people::bigint[], :groups::text[], :buildings::text[], :rooms::text[], :bedding::boolean[])
				     AS t(p, g, b, r, bd)
				ON CONFLICT (loop_id, person_id) DO UPDATE SET shift_group = excluded.shift_group,
				  building = excluded.building, room = excluded.room, bedding = excluded.bedding,
				  joined_at = excluded.joined_at, left_at = NULL
				""")
			.param("loop", loopId)
			.param("at", Timestamp.from(at))
			.param("people", people)
			.param("groups", groups)
			.param("buildings", buildings)
			.param("rooms", rooms)
			.param("bedding", bedding)
			.update();
		jdbc.sql("""
				INSERT INTO enterprise_movement (loop_id, person_id, kind, at, test_at, by_user)
				SELECT :loop, p, k, :at, t, :by FROM unnest(:people::bigint[], :kinds::text[], :tests::timestamptz[]) AS x(p, k, t)
				""")
			.param("loop", loopId)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("people", people)
			.param("kinds", kinds)
			.param("tests", tests)
			.update();
	}

	/** Takes a person off the roster and keeps the movement; false when they were not in the loop. */
	public boolean leave(long loopId, long personId, String reason, Instant at, String by) {
		boolean left = jdbc.sql("""
				UPDATE enterprise_member SET left_at = :at WHERE loop_id = :loop AND person_id = :person AND left_at IS NULL
				""").param("loop", loopId).param("person", personId).param("at", Timestamp.from(at)).update() == 1;
		if (left) {
			jdbc.sql("""
					INSERT INTO enterprise_movement (loop_id, person_id, kind, at, reason, by_user)
					VALUES (:loop, :person, 'LEFT', :at, :reason, :by)
					""")
				.param("loop", loopId)
				.param("person", personId)
				.param("at", Timestamp.from(at))
				.param("reason", reason)
				.param("by", by)
				.update();
		}
		return left;
	}

	/** Everybody in the loop now, for its round of a new day. */
	public List<Long> inLoop(long loopId) {
		return jdbc.sql("SELECT person_id FROM enterprise_member WHERE loop_id = :loop AND left_at IS NULL")
			.param("loop", loopId)
			.query(Long.class)
			.list();
	}

	public record Place(String shiftGroup, String building, String room) {
	}

	/** Shift group and room of these people in the loop. */
	public Map<Long, Place> places(long loopId, Collection<Long> personIds) {
		Map<Long, Place> places = new HashMap<>();
		if (!personIds.isEmpty()) {
			jdbc.sql("SELECT person_id, shift_group, building, room FROM enterprise_member WHERE loop_id = :loop AND person_id = ANY(:ids::bigint[])")
				.param("loop", loopId)
				.param("ids", personIds.toArray(Long[]::new))
				.query(rs -> {
					places.put(rs.getLong(1), new Place(rs.getString(2), rs.getString(3), rs.getString(4)));
				});
		}
		return places;
	}

	public java.util.Optional<Member> member(long loopId, long personId) {
		return jdbc.sql(MEMBERS + " AND m.person_id = :person")
			.param("loop", loopId)
			.param("person", personId)
			.query((rs, n) -> member(rs))
			.optional();
	}

	private static final String MEMBERS = """
			SELECT m.person_id, p.name, p.phone, m.shift_group, m.building, m.room, m.bedding, m.joined_at
			FROM enterprise_member m JOIN people_resident p ON p.id = m.person_id
			WHERE m.loop_id = :loop AND m.left_at IS NULL
			""";

	public List<Member> members(long loopId, String shiftGroup, int limit, long offset) {
		return jdbc.sql(MEMBERS + """
				 AND (CAST(:group AS text) IS NULL OR m.shift_group = :group)
				ORDER BY m.shift_group NULLS LAST, m.building NULLS LAST, m.room NULLS LAST, p.name, m.person_id
				LIMIT :limit OFFSET :offset
				""")
			.param("loop", loopId)
			.param("group", shiftGroup)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> member(rs))
			.list();
	}

	/** A person's phone in full, for the facility that takes them in. */
	public String phone(long personId) {
		return jdbc.sql("SELECT phone FROM people_resident WHERE id = :id")
			.param("id", personId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	public long count(long loopId, String shiftGroup) {
		return jdbc.sql("""
				SELECT count(*) FROM enterprise_member WHERE loop_id = :loop AND left_at IS NULL
				  AND (CAST(:group AS text) IS NULL OR shift_group = :group)
				""").param("loop", loopId).param("group", shiftGroup).query(Long.class).single();
	}

	private static Member member(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Member(rs.getLong(1), rs.getString(2), Masking.phone(rs.getString(3)), rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getTimestamp(8).toInstant());
	}

	/** People in the loop now, and those of them without their own bedding. */
	public record Headcount(long inLoop, long withoutBedding) {
	}

	public Headcount headcount(long loopId) {
		return jdbc.sql("""
				SELECT count(*), count(*) FILTER (WHERE NOT bedding) FROM enterprise_member
				WHERE loop_id = :loop AND left_at IS NULL
				""").param("loop", loopId).query((rs, n) -> new Headcount(rs.getLong(1), rs.getLong(2))).single();
	}

	/** People in each of these loops now. */
	/** People in each of these loops at {@code at}: those whose last movement by then took them in. */
	public Map<Long, Long> headcountsAt(Collection<Long> loopIds, Instant at) {
		Map<Long, Long> counts = new HashMap<>();
		if (!loopIds.isEmpty()) {
			jdbc.sql("""
					SELECT loop_id, count(*) FILTER (WHERE kind <> 'LEFT') FROM (
					  SELECT DISTINCT ON (loop_id, person_id) loop_id, kind FROM enterprise_movement
					  WHERE loop_id = ANY(:loops::bigint[]) AND at <= :at
					  ORDER BY loop_id, person_id, at DESC, id DESC) AS last
					GROUP BY loop_id
					""").param("loops", loopIds.toArray(Long[]::new)).param("at", Timestamp.from(at)).query(rs -> {
				counts.put(rs.getLong(1), rs.getLong(2));
			});
		}
		return counts;
	}

	public Map<Long, Long> headcounts(Collection<Long> loopIds) {
		Map<Long, Long> counts = new HashMap<>();
		if (!loopIds.isEmpty()) {
			jdbc.sql("""
					SELECT loop_id, count(*) FROM enterprise_member WHERE loop_id = ANY(:loops::bigint[]) AND left_at IS NULL
					GROUP BY loop_id
					""").param("loops", loopIds.toArray(Long[]::new)).query(rs -> {
				counts.put(rs.getLong(1), rs.getLong(2));
			});
		}
		return counts;
	}

	public List<String> shiftGroups(long loopId) {
		return jdbc.sql("""
				SELECT DISTINCT shift_group FROM enterprise_member
				WHERE loop_id = :loop AND left_at IS NULL AND shift_group IS NOT NULL ORDER BY shift_group
				""").param("loop", loopId).query(String.class).list();
	}

	/** Marks up to {@code sets} people without bedding as having a set, in roster order; how many were marked. */
	public int beddingReceived(long loopId, int sets) {
		return jdbc.sql("""
				UPDATE enterprise_member SET bedding = true WHERE (loop_id, person_id) IN (
				  SELECT loop_id, person_id FROM enterprise_member
				  WHERE loop_id = :loop AND left_at IS NULL AND NOT bedding
				  ORDER BY shift_group, building, room, person_id LIMIT :sets)
				""").param("loop", loopId).param("sets", sets).update();
	}

	public List<Movement> movements(long loopId, int limit) {
		return jdbc.sql("""
				SELECT v.id, v.person_id, p.name, v.kind, v.at, v.reason, v.test_at, v.by_user
				FROM enterprise_movement v LEFT JOIN people_resident p ON p.id = v.person_id
				WHERE v.loop_id = :loop ORDER BY v.at DESC, v.id DESC LIMIT :limit
				""").param("loop", loopId).param("limit", limit).query((rs, n) -> {
			Timestamp test = rs.getTimestamp(7);
			return new Movement(rs.getLong(1), rs.getLong(2), rs.getString(3), MovementKind.valueOf(rs.getString(4)),
					rs.getTimestamp(5).toInstant(), rs.getString(6), test == null ? null : test.toInstant(),
					rs.getString(8));
		}).list();
	}

	/** Records (or replaces) a person's antigen self-test of a day. */
	public void antigen(long loopId, long personId, LocalDate day, String outcome, byte[] photo, String photoType,
			Instant at, String by) {
		jdbc.sql("""
				INSERT INTO enterprise_antigen (loop_id, person_id, day, outcome, photo, photo_type, recorded_at, recorded_by)
				VALUES (:loop, :person, :day, :outcome, :photo, :type, :at, :by)
				ON CONFLICT (loop_id, day, person_id) DO UPDATE SET outcome = excluded.outcome,
				  photo = coalesce(excluded.photo, enterprise_antigen.photo),
				  photo_type = coalesce(excluded.photo_type, enterprise_antigen.photo_type),
				  recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by
				""")
			.param("loop", loopId)
			.param("person", personId)
			.param("day", day)
			.param("outcome", outcome)
			.param("photo", photo)
			.param("type", photoType)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
	}

	public long antigenCount(long loopId, LocalDate day) {
		return jdbc.sql("SELECT count(*) FROM enterprise_antigen WHERE loop_id = :loop AND day = :day")
			.param("loop", loopId)
			.param("day", day)
			.query(Long.class)
			.single();
	}

	/** The loops these people are in now (a person is in at most one active loop). */
	public Map<Long, Long> activeLoopOf(Collection<Long> personIds) {
		Map<Long, Long> loops = new HashMap<>();
		if (!personIds.isEmpty()) {
			jdbc.sql("""
					SELECT m.person_id, m.loop_id FROM enterprise_member m JOIN enterprise_loop l ON l.id = m.loop_id
					WHERE m.person_id = ANY(:ids::bigint[]) AND m.left_at IS NULL AND l.ends_at IS NULL
					""").param("ids", personIds.toArray(Long[]::new)).query(rs -> {
				loops.put(rs.getLong(1), rs.getLong(2));
			});
		}
		return loops;
	}

	static List<Long> ids(List<NewMember> members) {
		List<Long> ids = new ArrayList<>(members.size());
		members.forEach(m -> ids.add(m.personId()));
		return ids;
	}
}
