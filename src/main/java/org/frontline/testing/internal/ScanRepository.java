package org.frontline.testing.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The scan log, tubes, samples, check-ins and boxes: the write path of the device protocol. */
@Repository
public class ScanRepository {

	private final JdbcClient jdbc;

	ScanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A tube as the rules see it, with its site's area for the scope check. */
	public record TubeRow(long id, String code, long roundId, long siteId, String siteArea, int poolSize, int samples,
			String status, Long boxId, String roundStatus) {
	}

	/** A box as the rules see it. */
	public record BoxRow(long id, String code, long siteId, String siteArea, String status, Long labId) {
	}

	/** The first answer stored for an event id. */
	public record StoredAnswer(String status, String reason) {
	}

	/**
	 * Stores the event id; false when it was stored before (by this transaction, a committed one, or a concurrent
	 * one, whose commit this waits for).
	 */
	public boolean claim(UUID eventId, String deviceId, String type, String username, Instant at, Instant receivedAt,
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

	public StoredAnswer answer(UUID eventId) {
		return jdbc.sql("SELECT status, reason FROM testing_scan_event WHERE event_id = :id")
			.param("id", eventId)
			.query((rs, n) -> new StoredAnswer(rs.getString(1), rs.getString(2)))
			.single();
	}

	public void reject(UUID eventId, String reason) {
		jdbc.sql("UPDATE testing_scan_event SET status = 'REJECTED', reason = :reason WHERE event_id = :id")
			.param("id", eventId)
			.param("reason", reason)
			.update();
	}

	public void describe(UUID eventId, String tubeCode, Long personId) {
		if (tubeCode != null || personId != null) {
			jdbc.sql("UPDATE testing_scan_event SET tube_code = coalesce(:tube, tube_code), person_id = :person WHERE event_id = :id")
				.param("id", eventId)
				.param("tube", tubeCode)
				.param("person", personId)
				.update();
		}
	}

	public Optional<String> roundStatus(long roundId) {
		return jdbc.sql("SELECT status FROM testing_round WHERE id = :id").param("id", roundId).query(String.class).optional();
	}

	public Optional<Integer> roundPoolSize(long roundId) {
		return jdbc.sql("SELECT pool_size FROM testing_round WHERE id = :id").param("id", roundId).query(Integer.class).optional();
	}

	public Optional<String> siteArea(long siteId) {
		return jdbc.sql("SELECT area_code FROM testing_site WHERE id = :id").param("id", siteId).query(String.class).optional();
	}

	public boolean labExists(long labId) {
		return jdbc.sql("SELECT count(*) FROM testing_lab WHERE id = :id").param("id", labId).query(Long.class).single() > 0;
	}

	/** The tube with its row locked until the transaction ends, so that its count is changed by one writer at once. */
	public Optional<TubeRow> lockTube(String code) {
		return jdbc.sql("""
				SELECT t.id, t.code, t.round_id, t.site_id, s.area_code, t.pool_size, t.samples, t.status, t.box_id,
				       r.status AS round_status
				FROM testing_tube t JOIN testing_site s ON s.id = t.site_id JOIN testing_round r ON r.id = t.round_id
				WHERE t.code = :code
				FOR UPDATE OF t
				""").param("code", code).query(ScanRepository::tube).optional();
	}

	/** A locked tube and where a person stands with it: in it already, sampled this round, flagged at check-in. */
	public record TubeForPerson(TubeRow tube, boolean inTube, boolean sampledInRound, boolean fever) {
	}

	/** The tube, row-locked, with the person's standing, in one round trip (the hot path of sampling). */
	public Optional<TubeForPerson> lockTubeFor(String code, long personId) {
		return jdbc.sql("""
				SELECT t.id, t.code, t.round_id, t.site_id, s.area_code, t.pool_size, t.samples, t.status, t.box_id,
				       r.status AS round_status,
				       EXISTS (SELECT 1 FROM testing_sample x WHERE x.tube_id = t.id AND x.person_id = :person
				               AND x.removed_at IS NULL) AS in_tube,
				       EXISTS (SELECT 1 FROM testing_sample x WHERE x.round_id = t.round_id AND x.person_id = :person
				               AND x.removed_at IS NULL) AS sampled,
				       coalesce((SELECT c.fever FROM testing_checkin c WHERE c.round_id = t.round_id
				                 AND c.person_id = :person ORDER BY c.checked_in_at DESC, c.id DESC LIMIT 1), false) AS fever
				FROM testing_tube t JOIN testing_site s ON s.id = t.site_id JOIN testing_round r ON r.id = t.round_id
				WHERE t.code = :code
				FOR UPDATE OF t
				""")
			.param("code", code)
			.param("person", personId)
			.query((rs, n) -> new TubeForPerson(tube(rs, n), rs.getBoolean("in_tube"), rs.getBoolean("sampled"),
					rs.getBoolean("fever")))
			.optional();
	}

	/**
	 * Adds a sample and counts it in the tube in one statement (a tube that reaches its pool size seals itself);
	 * false when a unique rule stopped the sample (a concurrent writer got there first) and nothing changed.
	 */
	public boolean sample(TubeRow tube, long personId, Instant at, String by, boolean resample) {
		return jdbc.sql("""
				WITH added AS (
				    INSERT INTO testing_sample (tube_id, round_id, site_id, person_id, sampled_at, sampled_by, resample)
				    VALUES (:tube, :round, :site, :person, :at, :by, :resample)
				    ON CONFLICT DO NOTHING
				    RETURNING tube_id
				)
				UPDATE testing_tube SET samples = samples + 1,
				       status = CASE WHEN samples + 1 >= pool_size THEN 'SEALED' ELSE status END,
				       sealed_at = CASE WHEN samples + 1 >= pool_size THEN :at ELSE sealed_at END,
				       sealed_by = CASE WHEN samples + 1 >= pool_size THEN :by ELSE sealed_by END
				WHERE id = (SELECT tube_id FROM added)
				""")
			.param("tube", tube.id())
			.param("round", tube.roundId())
			.param("site", tube.siteId())
			.param("person", personId)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("resample", resample)
			.update() == 1;
	}

	/** Opens a tube; false when the code is already taken (now or by a concurrent writer). */
	public boolean openTube(String code, long roundId, long siteId, int poolSize, Instant at, String by) {
		return jdbc.sql("""
				INSERT INTO testing_tube (code, round_id, site_id, pool_size, opened_at, opened_by)
				VALUES (:code, :round, :site, :pool, :at, :by)
				ON CONFLICT (code) DO NOTHING
				""")
			.param("code", code)
			.param("round", roundId)
			.param("site", siteId)
			.param("pool", poolSize)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update() == 1;
	}

	public boolean inTube(long tubeId, long personId) {
		return jdbc.sql("SELECT count(*) FROM testing_sample WHERE tube_id = :tube AND person_id = :person AND removed_at IS NULL")
			.param("tube", tubeId)
			.param("person", personId)
			.query(Long.class)
			.single() > 0;
	}

	public boolean sampledInRound(long roundId, long personId) {
		return jdbc.sql("SELECT count(*) FROM testing_sample WHERE round_id = :round AND person_id = :person AND removed_at IS NULL")
			.param("round", roundId)
			.param("person", personId)
			.query(Long.class)
			.single() > 0;
	}

	/** Whether the person's latest check-in in this round flagged a fever. */
	public boolean feverFlagged(long roundId, long personId) {
		return jdbc.sql("""
				SELECT coalesce((SELECT fever FROM testing_checkin WHERE round_id = :round AND person_id = :person
				                 ORDER BY checked_in_at DESC, id DESC LIMIT 1), false)
				""").param("round", roundId).param("person", personId).query(Boolean.class).single();
	}

	/** Adds a sample; false when a unique rule stopped it (a concurrent writer got there first). */
	public boolean addSample(TubeRow tube, long personId, Instant at, String by, boolean resample) {
		return jdbc.sql("""
				INSERT INTO testing_sample (tube_id, round_id, site_id, person_id, sampled_at, sampled_by, resample)
				VALUES (:tube, :round, :site, :person, :at, :by, :resample)
				ON CONFLICT DO NOTHING
				""")
			.param("tube", tube.id())
			.param("round", tube.roundId())
			.param("site", tube.siteId())
			.param("person", personId)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("resample", resample)
			.update() == 1;
	}

	public boolean removeSample(long tubeId, long personId, Instant at, String by) {
		return jdbc.sql("""
				UPDATE testing_sample SET removed_at = :at, removed_by = :by
				WHERE tube_id = :tube AND person_id = :person AND removed_at IS NULL
				""").param("tube", tubeId).param("person", personId).param("at", Timestamp.from(at)).param("by", by).update() == 1;
	}

	/** Changes the tube's count by {@code delta}; a tube that reaches its pool size seals itself. */
	public void count(long tubeId, int delta, Instant at, String by) {
		jdbc.sql("""
				UPDATE testing_tube SET samples = samples + :delta,
				       status = CASE WHEN samples + :delta >= pool_size THEN 'SEALED' ELSE status END,
				       sealed_at = CASE WHEN samples + :delta >= pool_size THEN :at ELSE sealed_at END,
				       sealed_by = CASE WHEN samples + :delta >= pool_size THEN :by ELSE sealed_by END
				WHERE id = :id
				""").param("delta", delta).param("at", Timestamp.from(at)).param("by", by).param("id", tubeId).update();
	}

	public void seal(long tubeId, Instant at, String by) {
		jdbc.sql("UPDATE testing_tube SET status = 'SEALED', sealed_at = :at, sealed_by = :by WHERE id = :id")
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("id", tubeId)
			.update();
	}

	public void checkIn(long roundId, long siteId, long personId, Instant at, BigDecimal temperature, boolean fever,
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

	public void alert(long siteId, String kind, Long personId, String detail, Instant at) {
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

	public Optional<BoxRow> lockBox(String code) {
		return jdbc.sql("""
				SELECT b.id, b.code, b.site_id, s.area_code, b.status, b.lab_id
				FROM testing_box b JOIN testing_site s ON s.id = b.site_id
				WHERE b.code = :code FOR UPDATE OF b
				""")
			.param("code", code)
			.query((rs, n) -> new BoxRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getString(5), (Long) rs.getObject(6)))
			.optional();
	}

	public long createBox(String code, long siteId, Instant at, String by) {
		jdbc.sql("""
				INSERT INTO testing_box (code, site_id, packed_at, packed_by) VALUES (:code, :site, :at, :by)
				ON CONFLICT (code) DO NOTHING
				""").param("code", code).param("site", siteId).param("at", Timestamp.from(at)).param("by", by).update();
		return lockBox(code).orElseThrow().id();
	}

	public void putInBox(long tubeId, long boxId) {
		jdbc.sql("UPDATE testing_tube SET box_id = :box WHERE id = :id").param("box", boxId).param("id", tubeId).update();
	}

	public int tubesInBox(long boxId) {
		return jdbc.sql("SELECT count(*) FROM testing_tube WHERE box_id = :box").param("box", boxId).query(Integer.class).single();
	}

	public List<String> tubeCodesInBox(long boxId) {
		return jdbc.sql("SELECT code FROM testing_tube WHERE box_id = :box ORDER BY code")
			.param("box", boxId)
			.query(String.class)
			.list();
	}

	public void dispatch(long boxId, String courier, Instant at, String by) {
		jdbc.sql("""
				UPDATE testing_box SET status = 'DISPATCHED', courier = :courier, dispatched_at = :at, dispatched_by = :by
				WHERE id = :id
				""").param("courier", courier).param("at", Timestamp.from(at)).param("by", by).param("id", boxId).update();
	}

	public void receive(long boxId, long labId, Instant at, String by) {
		jdbc.sql("""
				UPDATE testing_box SET status = 'RECEIVED', lab_id = :lab, received_at = :at, received_by = :by
				WHERE id = :id
				""").param("lab", labId).param("at", Timestamp.from(at)).param("by", by).param("id", boxId).update();
	}

	public void discrepancy(long boxId, String tubeCode, String kind) {
		jdbc.sql("""
				INSERT INTO testing_box_discrepancy (box_id, tube_code, kind) VALUES (:box, :tube, :kind)
				ON CONFLICT DO NOTHING
				""").param("box", boxId).param("tube", tubeCode).param("kind", kind).update();
	}

	static TubeRow tube(ResultSet rs, int n) throws SQLException {
		return new TubeRow(rs.getLong("id"), rs.getString("code"), rs.getLong("round_id"), rs.getLong("site_id"),
				rs.getString("area_code"), rs.getInt("pool_size"), rs.getInt("samples"), rs.getString("status"),
				(Long) rs.getObject("box_id"), rs.getString("round_status"));
	}
}
