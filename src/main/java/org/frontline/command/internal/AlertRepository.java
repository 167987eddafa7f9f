package org.frontline.command.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.frontline.command.Alert;
import org.frontline.command.AlertEntry;
import org.frontline.command.AlertEntryKind;
import org.frontline.command.AlertStatus;
import org.frontline.shared.AlertRaised;
import org.frontline.shared.AlertSeverity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The alerts and their history. */
@Repository("commandAlertRepository")
public class AlertRepository {

	private static final String COLUMNS = """
			id, source, key, severity, origin_area, area, level, title_key, args, href, deadline, status, raised_at,
			updated_at, acknowledged_at, acknowledged_by, assignee, closed_at, closed_by""";

	private final JdbcClient jdbc;

	AlertRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Keeps a raised alert: inserts it, or updates the one of the same source and key (reopening it when it was
	 * closed, which also gives it back to the area it was raised in).
	 */
	public void raise(AlertRaised event, String area, Instant now) {
		Optional<String> before = jdbc.sql("SELECT status FROM command_alert WHERE source = :s AND key = :k FOR UPDATE")
			.param("s", event.source()).param("k", event.key()).query(String.class).optional();
		String[] args = event.args().toArray(String[]::new);
		Timestamp deadline = event.deadline() == null ? null : Timestamp.from(event.deadline());
		Timestamp at = Timestamp.from(event.at() == null ? now : event.at());
		if (before.isEmpty()) {
			int inserted = jdbc.sql("""
					INSERT INTO command_alert (source, key, severity, origin_area, area, title_key, args, href, deadline,
					  raised_at, updated_at)
					VALUES (:s, :k, :severity, :area, :area, :title, :args, :href, :deadline, :at, :now)
					ON CONFLICT (source, key) DO NOTHING""")
				.param("s", event.source()).param("k", event.key()).param("severity", event.severity().name())
				.param("area", area).param("title", event.titleKey()).param("args", args).param("href", event.href())
				.param("deadline", deadline).param("at", at).param("now", Timestamp.from(now))
				.update();
			if (inserted == 1) {
				entry(id(event), AlertEntryKind.RAISED, null, null, now);
				return;
			}
			raise(event, area, now);
			return;
		}
		boolean reopen = AlertStatus.CLOSED.name().equals(before.get());
		jdbc.sql("""
				UPDATE command_alert SET severity = :severity, title_key = :title, args = :args, href = :href,
				  deadline = :deadline, updated_at = :now,
				  origin_area = CASE WHEN :reopen THEN :area ELSE origin_area END,
				  area = CASE WHEN :reopen THEN :area ELSE area END,
				  level = CASE WHEN :reopen THEN 0 ELSE level END,
				  status = CASE WHEN :reopen THEN 'OPEN' ELSE status END,
				  raised_at = CASE WHEN :reopen THEN :at ELSE raised_at END,
				  acknowledged_at = CASE WHEN :reopen THEN NULL ELSE acknowledged_at END,
				  acknowledged_by = CASE WHEN :reopen THEN NULL ELSE acknowledged_by END,
				  closed_at = NULL, closed_by = NULL
				WHERE source = :s AND key = :k""")
			.param("s", event.source()).param("k", event.key()).param("severity", event.severity().name())
			.param("area", area).param("title", event.titleKey()).param("args", args).param("href", event.href())
			.param("deadline", deadline).param("at", at).param("now", Timestamp.from(now)).param("reopen", reopen)
			.update();
		entry(id(event), reopen ? AlertEntryKind.REOPENED : AlertEntryKind.RAISED_AGAIN, null, null, now);
	}

	/** Closes an alert its source says is resolved; false when there is none open. */
	public boolean clear(String source, String key, Instant now) {
		Optional<Long> id = jdbc.sql("""
				UPDATE command_alert SET status = 'CLOSED', closed_at = :now, closed_by = NULL, updated_at = :now
				WHERE source = :s AND key = :k AND status <> 'CLOSED' RETURNING id""")
			.param("s", source).param("k", key).param("now", Timestamp.from(now)).query(Long.class).optional();
		id.ifPresent(alert -> entry(alert, AlertEntryKind.CLEARED, null, null, now));
		return id.isPresent();
	}

	private long id(AlertRaised event) {
		return jdbc.sql("SELECT id FROM command_alert WHERE source = :s AND key = :k")
			.param("s", event.source()).param("k", event.key()).query(Long.class).single();
	}

	public void entry(long alertId, AlertEntryKind kind, String by, String note, Instant at) {
		jdbc.sql("INSERT INTO command_alert_entry (alert_id, kind, by_user, note, at) VALUES (:a, :k, :b, :n, :at)")
			.param("a", alertId).param("k", kind.name()).param("b", by).param("n", note).param("at", Timestamp.from(at))
			.update();
	}

	public Optional<Alert> find(long id, Instant now) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM command_alert WHERE id = :id")
			.param("id", id).query((rs, n) -> alert(rs, now)).optional();
	}

	public Optional<Alert> lock(long id, Instant now) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM command_alert WHERE id = :id FOR UPDATE")
			.param("id", id).query((rs, n) -> alert(rs, now)).optional();
	}

	/**
	 * Alerts owned by or raised inside the code range [low, high), optionally of one status and inside one area,
	 * open and overdue first, then the newest.
	 */
	public List<Alert> list(String low, String high, String status, String areaLow, String areaHigh, Instant now,
			int limit) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM command_alert
				WHERE ((area >= :low AND area < :high) OR (origin_area >= :low AND origin_area < :high))
				  AND (CAST(:status AS text) IS NULL OR status = :status)
				  AND ((area >= :alow AND area < :ahigh) OR (origin_area >= :alow AND origin_area < :ahigh))
				ORDER BY status = 'CLOSED', (status = 'OPEN' AND deadline < :now) DESC,
				         CASE severity WHEN 'URGENT' THEN 0 WHEN 'WARNING' THEN 1 ELSE 2 END, raised_at DESC, id DESC
				LIMIT :limit""")
			.param("low", low).param("high", high).param("status", status).param("alow", areaLow)
			.param("ahigh", areaHigh).param("now", Timestamp.from(now)).param("limit", limit)
			.query((rs, n) -> alert(rs, now)).list();
	}

	/** Open alerts per status inside [low, high): how many are not closed, unacknowledged, and past their deadline. */
	public Map<String, Long> counts(String low, String high, Instant now) {
		return jdbc.sql("""
				SELECT count(*) FILTER (WHERE status <> 'CLOSED') AS open,
				       count(*) FILTER (WHERE status = 'OPEN') AS unacknowledged,
				       count(*) FILTER (WHERE status = 'OPEN' AND deadline < :now) AS overdue,
				       count(*) FILTER (WHERE status <> 'CLOSED' AND severity = 'URGENT') AS urgent
				FROM command_alert
				WHERE status <> 'CLOSED'
				  AND ((area >= :low AND area < :high) OR (origin_area >= :low AND origin_area < :high))""")
			.param("low", low).param("high", high).param("now", Timestamp.from(now))
			.query(rs -> {
				rs.next();
				return Map.of("open", rs.getLong("open"), "unacknowledged", rs.getLong("unacknowledged"), "overdue",
						rs.getLong("overdue"), "urgent", rs.getLong("urgent"));
			});
	}

	public List<AlertEntry> history(long alertId) {
		return jdbc.sql("SELECT kind, by_user, note, at FROM command_alert_entry WHERE alert_id = :a ORDER BY id")
			.param("a", alertId)
			.query((rs, n) -> new AlertEntry(AlertEntryKind.valueOf(rs.getString("kind")), rs.getString("by_user"),
					rs.getString("note"), rs.getTimestamp("at").toInstant()))
			.list();
	}

	public void acknowledge(long id, String by, Instant now) {
		jdbc.sql("""
				UPDATE command_alert SET status = 'ACKNOWLEDGED', acknowledged_at = :now, acknowledged_by = :by,
				  updated_at = :now WHERE id = :id""")
			.param("id", id).param("by", by).param("now", Timestamp.from(now)).update();
	}

	public void assign(long id, String assignee, Instant now) {
		jdbc.sql("UPDATE command_alert SET assignee = :who, updated_at = :now WHERE id = :id")
			.param("id", id).param("who", assignee).param("now", Timestamp.from(now)).update();
	}

	public void close(long id, String by, Instant now) {
		jdbc.sql("""
				UPDATE command_alert SET status = 'CLOSED', closed_at = :now, closed_by = :by, updated_at = :now
				WHERE id = :id""")
			.param("id", id).param("by", by).param("now", Timestamp.from(now)).update();
	}

	public void touch(long id, Instant now) {
		jdbc.sql("UPDATE command_alert SET updated_at = :now WHERE id = :id")
			.param("id", id).param("now", Timestamp.from(now)).update();
	}

	/** Unacknowledged alerts whose deadline has passed, locked, skipping those another instance is escalating. */
	public List<Alert> overdue(Instant now, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM command_alert WHERE status = 'OPEN' AND deadline < :now
				ORDER BY deadline LIMIT :limit FOR UPDATE SKIP LOCKED""")
			.param("now", Timestamp.from(now)).param("limit", limit).query((rs, n) -> alert(rs, now)).list();
	}

	/** Hands an alert to the area above with a new deadline. */
	public void escalate(long id, String area, Instant deadline, Instant now) {
		jdbc.sql("""
				UPDATE command_alert SET area = :area, level = level + 1, deadline = :deadline, updated_at = :now
				WHERE id = :id""")
			.param("id", id).param("area", area).param("deadline", Timestamp.from(deadline))
			.param("now", Timestamp.from(now)).update();
	}

	/** Alerts not closed at {@code at}, per origin area code, raised before it: the report's open problems. */
	public List<Alert> openAt(String low, String high, Instant at) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM command_alert
				WHERE origin_area >= :low AND origin_area < :high AND raised_at < :at
				  AND (closed_at IS NULL OR closed_at >= :at)
				ORDER BY CASE severity WHEN 'URGENT' THEN 0 WHEN 'WARNING' THEN 1 ELSE 2 END, raised_at, id""")
			.param("low", low).param("high", high).param("at", Timestamp.from(at)).query((rs, n) -> alert(rs, at))
			.list();
	}

	/** Alerts raised in [from, to) inside [low, high), per origin area code. */
	public Map<String, Long> raisedBetween(String low, String high, Instant from, Instant to) {
		Map<String, Long> counts = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT e.origin_area, count(*) FROM command_alert e
				WHERE e.raised_at >= :from AND e.raised_at < :to AND e.origin_area >= :low AND e.origin_area < :high
				GROUP BY e.origin_area""")
			.param("low", low).param("high", high).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
			.query(rs -> {
				counts.put(rs.getString(1), rs.getLong(2));
			});
		return counts;
	}

	private static Alert alert(ResultSet rs, Instant now) throws SQLException {
		Array array = rs.getArray("args");
		List<String> args = array == null ? List.of() : Arrays.asList((String[]) array.getArray());
		Instant deadline = instant(rs, "deadline");
		AlertStatus status = AlertStatus.valueOf(rs.getString("status"));
		return new Alert(rs.getLong("id"), rs.getString("source"), rs.getString("key"),
				AlertSeverity.valueOf(rs.getString("severity")), rs.getString("origin_area"), rs.getString("area"),
				rs.getInt("level"), rs.getString("title_key"), args, rs.getString("href"), deadline, status,
				instant(rs, "raised_at"), instant(rs, "updated_at"), instant(rs, "acknowledged_at"),
				rs.getString("acknowledged_by"), rs.getString("assignee"), instant(rs, "closed_at"),
				rs.getString("closed_by"), status == AlertStatus.OPEN && deadline != null && deadline.isBefore(now));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
