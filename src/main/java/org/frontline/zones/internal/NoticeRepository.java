package org.frontline.zones.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.frontline.zones.Notice.ClosedLoop;
import org.frontline.zones.Notice.ClosedLoopAction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Published notices (never updated: a trigger refuses it) and the closed loops they order. */
@Repository
public class NoticeRepository {

	private final JdbcClient jdbc;

	NoticeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A notice as stored, with the number of the notice it replaces and the id of the one replacing it. */
	public record NoticeRow(long id, String authority, int number, String title, Instant publishedAt,
			Instant effectiveFrom, Instant effectiveUntil, String body, Long replaces, Integer replacesNumber,
			Long replacedBy, String publishedBy) {
	}

	private static final String COLUMNS = """
			SELECT n.*, o.number AS replaces_number,
			       (SELECT min(r.id) FROM zones_notice r WHERE r.replaces = n.id) AS replaced_by
			FROM zones_notice n LEFT JOIN zones_notice o ON o.id = n.replaces
			""";

	/** Numbers of one authority are given one writer at a time, so the next number is free. */
	public void lockNumbers(String authority) {
		jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(hashtext('zones_notice:' || :authority))")
			.param("authority", authority)
			.query(Integer.class)
			.single();
	}

	public int nextNumber(String authority) {
		return jdbc.sql("SELECT coalesce(max(number), 0) + 1 FROM zones_notice WHERE authority = :authority")
			.param("authority", authority)
			.query(Integer.class)
			.single();
	}

	public boolean numberTaken(String authority, int number) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM zones_notice WHERE authority = :authority AND number = :number)")
			.param("authority", authority)
			.param("number", number)
			.query(Boolean.class)
			.single();
	}

	public long insert(String authority, int number, String title, Instant publishedAt, Instant effectiveFrom,
			Instant effectiveUntil, String body, Long replaces, String by) {
		return jdbc.sql("""
				INSERT INTO zones_notice (authority, number, title, published_at, effective_from, effective_until, body,
				                          replaces, published_by)
				VALUES (:authority, :number, :title, :published, :from, :until, :body, :replaces, :by)
				RETURNING id
				""")
			.param("authority", authority)
			.param("number", number)
			.param("title", title)
			.param("published", Timestamp.from(publishedAt))
			.param("from", Timestamp.from(effectiveFrom))
			.param("until", effectiveUntil == null ? null : Timestamp.from(effectiveUntil))
			.param("body", body)
			.param("replaces", replaces)
			.param("by", by)
			.query(Long.class)
			.single();
	}

	public Optional<NoticeRow> find(long id) {
		return jdbc.sql(COLUMNS + " WHERE n.id = :id").param("id", id).query(NoticeRepository::row).optional();
	}

	/** Notices newest first (by publication). */
	public List<NoticeRow> list(int limit) {
		return jdbc.sql(COLUMNS + " ORDER BY n.published_at DESC, n.id DESC LIMIT :limit")
			.param("limit", limit)
			.query(NoticeRepository::row)
			.list();
	}

	public void closedLoop(long noticeId, long enterpriseId, ClosedLoopAction action) {
		jdbc.sql("""
				INSERT INTO zones_closed_loop (notice_id, enterprise_id, action) VALUES (:notice, :enterprise, :action)
				ON CONFLICT DO NOTHING
				""").param("notice", noticeId).param("enterprise", enterpriseId).param("action", action.name()).update();
	}

	public List<ClosedLoop> closedLoops(long noticeId) {
		return jdbc.sql("SELECT enterprise_id, action FROM zones_closed_loop WHERE notice_id = :id ORDER BY action DESC, enterprise_id")
			.param("id", noticeId)
			.query((rs, n) -> new ClosedLoop(rs.getLong(1), ClosedLoopAction.valueOf(rs.getString(2))))
			.list();
	}

	static NoticeRow row(ResultSet rs, int n) throws SQLException {
		Timestamp until = rs.getTimestamp("effective_until");
		return new NoticeRow(rs.getLong("id"), rs.getString("authority"), rs.getInt("number"), rs.getString("title"),
				rs.getTimestamp("published_at").toInstant(), rs.getTimestamp("effective_from").toInstant(),
				until == null ? null : until.toInstant(), rs.getString("body"), (Long) rs.getObject("replaces"),
				(Integer) rs.getObject("replaces_number"), (Long) rs.getObject("replaced_by"),
				rs.getString("published_by"));
	}
}
