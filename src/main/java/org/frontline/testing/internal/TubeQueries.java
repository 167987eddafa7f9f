package org.frontline.testing.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.frontline.testing.Box;
import org.frontline.testing.BoxStatus;
import org.frontline.testing.LabWork;
import org.frontline.testing.SiteAlert;
import org.frontline.testing.Tube;
import org.frontline.testing.TubeStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of tubes, boxes and the live figures of a site. */
@Repository
public class TubeQueries {

	private final JdbcClient jdbc;

	TubeQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A tube with where it is (its site's area, its box's lab) for scope checks. */
	public record Located(Tube tube, String siteArea, Long labId) {
	}

	public Optional<Located> tube(String code) {
		return jdbc.sql("""
				SELECT t.*, s.area_code AS site_area, b.code AS box_code, b.lab_id
				FROM testing_tube t JOIN testing_site s ON s.id = t.site_id LEFT JOIN testing_box b ON b.id = t.box_id
				WHERE t.code = :code
				""").param("code", code).query((rs, n) -> {
			long id = rs.getLong("id");
			List<Tube.Sample> people = jdbc.sql("""
					SELECT s.person_id, NULL, s.sampled_at, s.sampled_by, s.resample
					FROM testing_sample s
					WHERE s.tube_id = :id AND s.removed_at IS NULL ORDER BY s.sampled_at, s.id
					""")
				.param("id", id)
				.query((p, i) -> new Tube.Sample(p.getLong(1), null, p.getTimestamp(3).toInstant(),
						p.getString(4), p.getBoolean(5)))
				.list();
			return new Located(new Tube(id, rs.getString("code"), rs.getLong("round_id"), rs.getLong("site_id"),
					rs.getInt("pool_size"), rs.getInt("samples"), TubeStatus.valueOf(rs.getString("status")),
					rs.getTimestamp("opened_at").toInstant(), rs.getString("opened_by"),
					PlaceRepository.instant(rs.getTimestamp("sealed_at")), rs.getString("sealed_by"),
					rs.getString("box_code"), people), rs.getString("site_area"), (Long) rs.getObject("lab_id"));
		}).optional();
	}

	/** A box with its site's area for scope checks. */
	public record LocatedBox(Box box, String siteArea) {
	}

	public Optional<LocatedBox> box(String code) {
		return jdbc.sql("""
				SELECT b.*, s.area_code AS site_area FROM testing_box b JOIN testing_site s ON s.id = b.site_id
				WHERE b.code = :code
				""").param("code", code).query((rs, n) -> {
			long id = rs.getLong("id");
			List<String> tubes = jdbc.sql("SELECT code FROM testing_tube WHERE box_id = :id ORDER BY code")
				.param("id", id)
				.query(String.class)
				.list();
			List<String> missing = discrepancies(id, "MISSING");
			List<String> extra = discrepancies(id, "EXTRA");
			return new LocatedBox(new Box(id, rs.getString("code"), rs.getLong("site_id"), BoxStatus.valueOf(rs.getString("status")),
					rs.getTimestamp("packed_at").toInstant(), rs.getString("packed_by"), rs.getString("courier"),
					PlaceRepository.instant(rs.getTimestamp("dispatched_at")), rs.getString("dispatched_by"),
					(Long) rs.getObject("lab_id"), PlaceRepository.instant(rs.getTimestamp("received_at")),
					rs.getString("received_by"), tubes, missing, extra), rs.getString("site_area"));
		}).optional();
	}

	private List<String> discrepancies(long boxId, String kind) {
		return jdbc.sql("SELECT tube_code FROM testing_box_discrepancy WHERE box_id = :id AND kind = :kind ORDER BY tube_code")
			.param("id", boxId)
			.param("kind", kind)
			.query(String.class)
			.list();
	}

	/** Raw counts behind a site's live figures. */
	public record LiveCounts(long queue, Double medianWaitSeconds, long sampledLastHour, long arrivalsLast30,
			long openTubes, long sealedTubes, long sampledToday, long feverToday) {
	}

	public LiveCounts live(long siteId, Instant now, Instant startOfDay) {
		Timestamp ts = Timestamp.from(now);
		return jdbc.sql("""
				SELECT
				  (SELECT count(*) FROM testing_checkin c
				    WHERE c.site_id = :site AND c.checked_in_at >= :queueSince AND NOT c.fever
				      AND NOT EXISTS (SELECT 1 FROM testing_sample s WHERE s.person_id = c.person_id
				                      AND s.round_id = c.round_id AND s.removed_at IS NULL
				                      AND s.sampled_at >= c.checked_in_at)) AS queue,
				  (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s.sampled_at - c.checked_in_at))
				     FROM testing_sample s
				     JOIN LATERAL (SELECT max(c.checked_in_at) AS checked_in_at FROM testing_checkin c
				                   WHERE c.person_id = s.person_id AND c.round_id = s.round_id AND c.site_id = s.site_id
				                     AND c.checked_in_at <= s.sampled_at) c ON c.checked_in_at IS NOT NULL
				    WHERE s.site_id = :site AND s.removed_at IS NULL
				      AND s.sampled_at > :since30 AND s.sampled_at <= :now) AS median_wait,
				  (SELECT count(*) FROM testing_sample s WHERE s.site_id = :site AND s.removed_at IS NULL
				      AND s.sampled_at > :since60 AND s.sampled_at <= :now) AS sampled_hour,
				  (SELECT count(*) FROM testing_checkin c WHERE c.site_id = :site
				      AND c.checked_in_at > :since30 AND c.checked_in_at <= :now) AS arrivals,
				  (SELECT count(*) FROM testing_tube t WHERE t.site_id = :site AND t.status = 'OPEN') AS open_tubes,
				  (SELECT count(*) FROM testing_tube t WHERE t.site_id = :site AND t.status = 'SEALED'
				      AND t.opened_at >= :day) AS sealed_tubes,
				  (SELECT count(DISTINCT s.person_id) FROM testing_sample s WHERE s.site_id = :site
				      AND s.removed_at IS NULL AND s.sampled_at >= :day) AS sampled_today,
				  (SELECT count(*) FROM testing_checkin c WHERE c.site_id = :site AND c.fever
				      AND c.checked_in_at >= :day) AS fever_today
				""")
			.param("site", siteId)
			.param("now", ts)
			.param("since30", Timestamp.from(now.minusSeconds(1800)))
			.param("since60", Timestamp.from(now.minusSeconds(3600)))
			.param("day", Timestamp.from(startOfDay))
			// People still waiting at midnight are still in the queue: it looks back half a day, not to midnight.
			.param("queueSince", Timestamp.from(now.minus(java.time.Duration.ofHours(12))))
			.query((rs, n) -> new LiveCounts(rs.getLong("queue"), (Double) rs.getObject("median_wait"),
					rs.getLong("sampled_hour"), rs.getLong("arrivals"), rs.getLong("open_tubes"),
					rs.getLong("sealed_tubes"), rs.getLong("sampled_today"), rs.getLong("fever_today")))
			.single();
	}

	/** Recent alerts of a site, newest first. */
	public List<SiteAlert> alerts(long siteId, Instant since) {
		return jdbc.sql("""
				SELECT created_at, kind, detail
				FROM testing_alert WHERE site_id = :site AND created_at >= :since ORDER BY created_at DESC LIMIT 20
				""")
			.param("site", siteId)
			.param("since", Timestamp.from(since))
			.query((rs, n) -> new SiteAlert(rs.getTimestamp("created_at").toInstant(), rs.getString("kind"),
					rs.getString("detail")))
			.list();
	}

	/**
	 * Boxes dispatched to the lab (every lab when null) and not yet received, and tubes of boxes it received since
	 * {@code receivedSince} without a result.
	 */
	public LabWork labWork(Long labId, Instant receivedSince) {
		return jdbc.sql("""
				SELECT
				  (SELECT count(*) FROM testing_box b
				   WHERE b.status = 'DISPATCHED' AND (CAST(:lab AS bigint) IS NULL OR b.lab_id = :lab)) AS on_the_way,
				  (SELECT count(*) FROM testing_box b JOIN testing_tube t ON t.box_id = b.id
				   WHERE b.status = 'RECEIVED' AND b.received_at >= :since
				     AND (CAST(:lab AS bigint) IS NULL OR b.lab_id = :lab)
				     AND NOT EXISTS (SELECT 1 FROM testing_result r WHERE r.tube_id = t.id)) AS awaiting
				""")
			.param("lab", labId, java.sql.Types.BIGINT)
			.param("since", Timestamp.from(receivedSince))
			.query((rs, n) -> new LabWork(rs.getLong("on_the_way"), rs.getLong("awaiting")))
			.single();
	}
}
