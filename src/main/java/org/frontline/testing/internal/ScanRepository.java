package org.frontline.testing.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.frontline.testing.BoxStatus;
import org.frontline.testing.RoundStatus;
import org.frontline.testing.TubeStatus;
import org.frontline.testing.internal.BoxDecisions.BoxState;
import org.frontline.testing.internal.ScanDecisions.Round;
import org.frontline.testing.internal.ScanDecisions.Standing;
import org.frontline.testing.internal.ScanDecisions.TubeState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The scan log, tubes, samples, check-ins and boxes, one event at a time: the per-event write path of the device
 * protocol ({@link BulkStatements} has the group path's statements).
 */
@Repository
class ScanRepository {

	/** When a round began: its planned start, or its opening when that came first. */
	static final String ROUND_BEGAN = "least(r.starts_at, coalesce(r.opened_at, r.starts_at))";

	/** The columns {@link #tube} reads: a tube with its site's area and its round's status and start. */
	static final String TUBE_COLUMNS = "t.id, t.code, t.round_id, t.site_id, s.area_code, t.pool_size, t.samples, "
			+ "t.status, r.status AS round_status, " + ROUND_BEGAN + " AS round_began, t.box_id, t.sealed_at, t.sealed_by";

	private final JdbcClient jdbc;

	ScanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The first answer stored for an event id. */
	record StoredAnswer(String status, String reason) {

		String text() {
			return reason == null ? status : status + ": " + reason;
		}
	}

	/**
	 * Stores the event id; false when it was stored before (by this transaction, a committed one, or a concurrent
	 * one, whose commit this waits for).
	 */
	boolean claim(UUID eventId, String deviceId, String type, String username, Instant at, Instant receivedAt,
			String tubeCode) {
		return jdbc.sql("""
				INSERT INTO testing_scan_event (event_id, device_id, type, username, at, received_at, status, tube_code)
				VALUES (:id, :device, :type, :username, :at, :received, 'ACCEPTED', :tube)
				ON CONFLICT (event_id) DO NOTHING
				""")
			.param("id", eventId)
			.param("device", deviceId)
			.param("type", type)
			.param("username", username)
			.param("at", Timestamp.from(at))
			.param("received", Timestamp.from(receivedAt))
			.param("tube", tubeCode)
			.update() == 1;
	}

	StoredAnswer answer(UUID eventId) {
		return jdbc.sql("SELECT status, reason FROM testing_scan_event WHERE event_id = :id")
			.param("id", eventId)
			.query((rs, n) -> new StoredAnswer(rs.getString(1), rs.getString(2)))
			.single();
	}

	/** Records the event's answer when it is not a plain acceptance: its status and reason. */
	void answered(UUID eventId, String status, String reason) {
		jdbc.sql("UPDATE testing_scan_event SET status = :status, reason = :reason WHERE event_id = :id")
			.param("id", eventId)
			.param("status", status)
			.param("reason", reason)
			.update();
	}

	void describe(UUID eventId, Long personId) {
		jdbc.sql("UPDATE testing_scan_event SET person_id = :person WHERE event_id = :id")
			.param("id", eventId)
			.param("person", personId)
			.update();
	}

	Optional<Round> round(long roundId) {
		return jdbc.sql("SELECT r.id, r.status, r.pool_size, " + ROUND_BEGAN + " FROM testing_round r WHERE r.id = :id")
			.param("id", roundId)
			.query((rs, n) -> new Round(rs.getLong(1), RoundStatus.valueOf(rs.getString(2)), rs.getInt(3),
					rs.getTimestamp(4).toInstant()))
			.optional();
	}

	Optional<String> siteArea(long siteId) {
		return jdbc.sql("SELECT area_code FROM testing_site WHERE id = :id").param("id", siteId).query(String.class).optional();
	}

	boolean labExists(long labId) {
		return jdbc.sql("SELECT count(*) FROM testing_lab WHERE id = :id").param("id", labId).query(Long.class).single() > 0;
	}

	/** The tube with its row locked until the transaction ends, so that one writer at a time changes it. */
	Optional<TubeState> lockTube(String code) {
		return jdbc.sql("SELECT " + TUBE_COLUMNS + """

				FROM testing_tube t JOIN testing_site s ON s.id = t.site_id JOIN testing_round r ON r.id = t.round_id
				WHERE t.code = :code
				FOR UPDATE OF t
				""").param("code", code).query(ScanRepository::tube).optional();
	}

	/** A locked tube and where a person stands with it. */
	record TubeForPerson(TubeState tube, Standing standing) {
	}

	/**
	 * The pool size of the control zone a person lives in at a time (the zones module's read view; the strictest
	 * zone over their compound or building, of equal ones the nearest), as a column of a statement binding
	 * {@code :person} and {@code :now}; null outside zones.
	 */
	static final String ZONE_POOL = """
			(SELECT z.pool_size FROM people_resident p
			 JOIN zones_zone_period z
			   ON z.area_code IN (left(p.area_code, 6), left(p.area_code, 9), left(p.area_code, 12), p.area_code)
			  AND (z.buildings IS NULL OR p.building = ANY (z.buildings))
			  AND z.since <= :now AND (z.until IS NULL OR z.until > :now)
			 WHERE p.id = :person
			 ORDER BY z.strictness DESC, length(z.area_code) DESC LIMIT 1)""";

	/** The tube, row-locked, with the person's standing (their zone's pool size at {@code now}), in one round trip. */
	Optional<TubeForPerson> lockTubeFor(String code, long personId, Instant now) {
		return jdbc.sql("SELECT " + TUBE_COLUMNS + """
				,
				       EXISTS (SELECT 1 FROM testing_sample x WHERE x.tube_id = t.id AND x.person_id = :person
				               AND x.removed_at IS NULL) AS in_tube,
				       EXISTS (SELECT 1 FROM testing_sample x WHERE x.round_id = t.round_id AND x.person_id = :person
				               AND x.removed_at IS NULL) AS sampled,
				       coalesce((SELECT c.fever FROM testing_checkin c WHERE c.round_id = t.round_id
				                 AND c.person_id = :person ORDER BY c.checked_in_at DESC, c.id DESC LIMIT 1), false) AS fever,
				""" + ZONE_POOL + """
				 AS zone_pool
				FROM testing_tube t JOIN testing_site s ON s.id = t.site_id JOIN testing_round r ON r.id = t.round_id
				WHERE t.code = :code
				FOR UPDATE OF t
				""")
			.param("code", code)
			.param("person", personId)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new TubeForPerson(tube(rs, n), new Standing(rs.getBoolean("in_tube"),
					rs.getBoolean("sampled"), rs.getBoolean("fever"), (Integer) rs.getObject("zone_pool"))))
			.optional();
	}

	/** Opens a tube; its id, or empty when the code was taken meanwhile (by a concurrent writer). */
	Optional<Long> openTube(TubeState tube, Instant at, String by) {
		return jdbc.sql("""
				INSERT INTO testing_tube (code, round_id, site_id, pool_size, opened_at, opened_by)
				VALUES (:code, :round, :site, :pool, :at, :by)
				ON CONFLICT (code) DO NOTHING
				RETURNING id
				""")
			.param("code", tube.code())
			.param("round", tube.roundId())
			.param("site", tube.siteId())
			.param("pool", tube.poolSize())
			.param("at", Timestamp.from(at))
			.param("by", by)
			.query(Long.class)
			.optional();
	}

	/**
	 * Adds a sample and writes its tube as the rules left it ({@code after}), in one statement; false when a unique
	 * rule stopped the sample (a concurrent writer got there first) and nothing changed.
	 */
	boolean sample(TubeState after, long personId, Instant at, String by, boolean resample) {
		return jdbc.sql("""
				WITH added AS (
				    INSERT INTO testing_sample (tube_id, round_id, site_id, person_id, sampled_at, sampled_by, resample)
				    VALUES (:tube, :round, :site, :person, :at, :by, :resample)
				    ON CONFLICT DO NOTHING
				    RETURNING tube_id
				)
				UPDATE testing_tube SET samples = :samples, status = :status, sealed_at = :sealedAt, sealed_by = :sealedBy
				WHERE id = (SELECT tube_id FROM added)
				""")
			.param("tube", after.id())
			.param("round", after.roundId())
			.param("site", after.siteId())
			.param("person", personId)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("resample", resample)
			.param("samples", after.samples())
			.param("status", after.status().name())
			.param("sealedAt", after.sealedAt() == null ? null : Timestamp.from(after.sealedAt()))
			.param("sealedBy", after.sealedBy())
			.update() == 1;
	}

	boolean removeSample(long tubeId, long personId, Instant at, String by) {
		return jdbc.sql("""
				UPDATE testing_sample SET removed_at = :at, removed_by = :by
				WHERE tube_id = :tube AND person_id = :person AND removed_at IS NULL
				""").param("tube", tubeId).param("person", personId).param("at", Timestamp.from(at)).param("by", by).update() == 1;
	}

	/** Writes a tube's count and seal as the rules left them. */
	void writeTube(TubeState tube) {
		jdbc.sql("""
				UPDATE testing_tube SET samples = :samples, status = :status, sealed_at = :sealedAt, sealed_by = :sealedBy
				WHERE id = :id
				""")
			.param("samples", tube.samples())
			.param("status", tube.status().name())
			.param("sealedAt", tube.sealedAt() == null ? null : Timestamp.from(tube.sealedAt()))
			.param("sealedBy", tube.sealedBy())
			.param("id", tube.id())
			.update();
	}

	void checkIn(long roundId, long siteId, long personId, Instant at, BigDecimal temperature, boolean fever,
			String by) {
		jdbc.sql("""
				INSERT INTO testing_checkin (round_id, site_id, person_id, checked_in_at, temperature, fever, checked_in_by)
				VALUES (:round, :site, :person, :at, :temperature, :fever, :by)
				""")
			.param("round", roundId)
			.param("site", siteId)
			.param("person", personId)
			.param("at", Timestamp.from(at))
			.param("temperature", temperature)
			.param("fever", fever)
			.param("by", by)
			.update();
	}

	/** An alert on a site's live page (its leader sees the site's alerts of the last hours). */
	void alert(long siteId, String kind, Long personId, String detail, Instant at) {
		jdbc.sql("""
				INSERT INTO testing_alert (site_id, kind, person_id, detail, created_at)
				VALUES (:site, :kind, :person, :detail, :at)
				""")
			.param("site", siteId)
			.param("kind", kind)
			.param("person", personId)
			.param("detail", detail)
			.param("at", Timestamp.from(at))
			.update();
	}

	Optional<BoxState> lockBox(String code) {
		return jdbc.sql("""
				SELECT b.id, b.code, b.site_id, s.area_code, b.status, b.lab_id, b.packed_at,
				       (SELECT count(*) FROM testing_tube t WHERE t.box_id = b.id) AS tubes
				FROM testing_box b JOIN testing_site s ON s.id = b.site_id
				WHERE b.code = :code FOR UPDATE OF b
				""")
			.param("code", code)
			.query((rs, n) -> new BoxState(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					BoxStatus.valueOf(rs.getString(5)), (Long) rs.getObject(6), rs.getTimestamp(7).toInstant(),
					rs.getInt(8)))
			.optional();
	}

	void createBox(String code, long siteId, Instant at, String by) {
		jdbc.sql("""
				INSERT INTO testing_box (code, site_id, packed_at, packed_by) VALUES (:code, :site, :at, :by)
				ON CONFLICT (code) DO NOTHING
				""").param("code", code).param("site", siteId).param("at", Timestamp.from(at)).param("by", by).update();
	}

	void putInBox(long tubeId, long boxId) {
		jdbc.sql("UPDATE testing_tube SET box_id = :box WHERE id = :id").param("box", boxId).param("id", tubeId).update();
	}

	List<String> tubeCodesInBox(long boxId) {
		return jdbc.sql("SELECT code FROM testing_tube WHERE box_id = :box ORDER BY code")
			.param("box", boxId)
			.query(String.class)
			.list();
	}

	void dispatch(long boxId, String courier, long labId, Instant at, String by) {
		jdbc.sql("""
				UPDATE testing_box SET status = 'DISPATCHED', courier = :courier, lab_id = :lab, dispatched_at = :at,
				       dispatched_by = :by
				WHERE id = :id
				""")
			.param("courier", courier)
			.param("lab", labId)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("id", boxId)
			.update();
	}

	void receive(long boxId, Instant at, String by) {
		jdbc.sql("""
				UPDATE testing_box SET status = 'RECEIVED', received_at = :at, received_by = :by
				WHERE id = :id
				""").param("at", Timestamp.from(at)).param("by", by).param("id", boxId).update();
	}

	void discrepancy(long boxId, String tubeCode, String kind) {
		jdbc.sql("""
				INSERT INTO testing_box_discrepancy (box_id, tube_code, kind) VALUES (:box, :tube, :kind)
				ON CONFLICT DO NOTHING
				""").param("box", boxId).param("tube", tubeCode).param("kind", kind).update();
	}

	/** A tube row read with {@link #TUBE_COLUMNS} (the group path reads the same columns). */
	static TubeState tube(ResultSet rs, int n) throws SQLException {
		Timestamp sealedAt = rs.getTimestamp("sealed_at");
		return new TubeState(rs.getLong("id"), rs.getString("code"), rs.getLong("round_id"), rs.getLong("site_id"),
				rs.getString("area_code"), rs.getInt("pool_size"), rs.getInt("samples"),
				TubeStatus.valueOf(rs.getString("status")), RoundStatus.valueOf(rs.getString("round_status")),
				rs.getTimestamp("round_began").toInstant(), (Long) rs.getObject("box_id"),
				sealedAt == null ? null : sealedAt.toInstant(), rs.getString("sealed_by"));
	}
}
