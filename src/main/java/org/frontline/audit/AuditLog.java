package org.frontline.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.frontline.shared.Page;
import org.frontline.shared.Role;
import org.frontline.shared.Viewers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes and reads the audit log. Entries are written in the caller's transaction, so an audited write and its audit
 * row commit together; the table rejects updates and deletes.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records an action by the current user (or {@code system} outside a request). */
	@Transactional
	public void record(String action, String recordType, Object recordId, String detail) {
		String username = Viewers.current().map(v -> v.username()).orElse("system");
		recordAs(username, action, recordType, recordId, detail);
	}

	@Transactional
	public void recordAs(String username, String action, String recordType, Object recordId, String detail) {
		jdbc.sql("""
				INSERT INTO audit_entry (at, username, action, record_type, record_id, detail, remote_address)
				VALUES (:at, :username, :action, :recordType, :recordId, :detail, :remote)
				""")
			.param("at", Timestamp.from(clock.instant()))
			.param("username", username)
			.param("action", action)
			.param("recordType", recordType)
			.param("recordId", recordId == null ? null : String.valueOf(recordId))
			.param("detail", detail)
			.param("remote", remoteAddress())
			.update();
	}

	@Transactional(readOnly = true)
	public Page<AuditEntry> find(AuditQuery query) {
		Viewers.requireAny(Role.ADMIN);
		List<String> conditions = new ArrayList<>();
		conditions.add("TRUE");
		if (query.username() != null && !query.username().isBlank()) {
			conditions.add("username = :username");
		}
		if (query.action() != null && !query.action().isBlank()) {
			conditions.add("action = :action");
		}
		if (query.since() != null) {
			conditions.add("at >= :since");
		}
		if (query.recordType() != null && !query.recordType().isBlank()) {
			conditions.add("record_type = :recordType");
		}
		if (query.recordId() != null && !query.recordId().isBlank()) {
			conditions.add("record_id = :recordId");
		}
		String where = String.join(" AND ", conditions);
		int size = Math.max(1, Math.min(query.size(), 500));
		int page = Math.max(0, query.page());
		List<AuditEntry> items = bind(jdbc.sql("""
				SELECT id, at, username, action, record_type, record_id, detail, remote_address
				FROM audit_entry WHERE %s ORDER BY id DESC LIMIT :limit OFFSET :offset
				""".formatted(where)), query)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
					rs.getString("username"), rs.getString("action"), rs.getString("record_type"),
					rs.getString("record_id"), rs.getString("detail"), rs.getString("remote_address")))
			.list();
		long total = bind(jdbc.sql("SELECT count(*) FROM audit_entry WHERE " + where), query).query(Long.class)
			.single();
		return new Page<>(items, total);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, AuditQuery query) {
		return spec.param("username", query.username())
			.param("action", query.action())
			.param("since", query.since() == null ? null : Timestamp.from(query.since()))
			.param("recordType", query.recordType())
			.param("recordId", query.recordId());
	}

	private static String remoteAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}
}
