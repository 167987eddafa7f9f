package org.frontline.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.frontline.shared.Page;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes and reads the audit log. Entries are written in the caller's transaction, so an audited write and its audit
 * row commit together; the table rejects updates and deletes. Each entry keeps the scope of the user who acted, and
 * an administrator reads the entries of their own scope; entries of no scope (system jobs, sign-in attempts with an
 * unknown user name) only administrators of the whole installation ({@code frontline.admin.scope}).
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String installation;

	AuditLog(JdbcClient jdbc, Clock clock, @Value("${frontline.admin.scope:320600}") String installation) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.installation = installation;
	}

	/** Records an action by the current user (or {@code system} outside a request). */
	@Transactional
	public void record(String action, String recordType, Object recordId, String detail) {
		Optional<Viewer> viewer = Viewers.current();
		recordAs(viewer.map(Viewer::username).orElse("system"), viewer.map(Viewer::scopeArea).orElse(null), action,
				recordType, recordId, detail);
	}

	/**
	 * Records an action by the current user in a transaction of its own: it stays on record when the caller's
	 * transaction rolls back (a refused attempt).
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
	public void recordRefused(String action, String recordType, Object recordId, String detail) {
		record(action, recordType, recordId, detail);
	}

	/** Records an action by the named user: the current one (with their scope) or one without a scope here. */
	@Transactional
	public void recordAs(String username, String action, String recordType, Object recordId, String detail) {
		String scope = Viewers.current().filter(v -> v.username().equals(username)).map(Viewer::scopeArea).orElse(null);
		recordAs(username, scope, action, recordType, recordId, detail);
	}

	/** Records an action by a user whose scope the caller knows (a sign-in, before anyone is signed in). */
	@Transactional
	public void recordAs(String username, String scopeArea, String action, String recordType, Object recordId,
			String detail) {
		jdbc.sql("""
				INSERT INTO audit_entry (at, username, scope_area, action, record_type, record_id, detail, remote_address)
				VALUES (:at, :username, :scope, :action, :recordType, :recordId, :detail, :remote)
				""")
			.param("at", Timestamp.from(clock.instant()))
			.param("username", username)
			.param("scope", scopeArea)
			.param("action", action)
			.param("recordType", recordType)
			.param("recordId", recordId == null ? null : String.valueOf(recordId))
			.param("detail", detail)
			.param("remote", remoteAddress())
			.update();
	}

	@Transactional(readOnly = true)
	public Page<AuditEntry> find(AuditQuery query) {
		Viewer admin = Viewers.requireAny(Role.ADMIN);
		List<String> conditions = new ArrayList<>();
		conditions.add(admin.covers(installation) ? "(scope_area IS NULL OR scope_area >= :low AND scope_area < :high)"
				: "scope_area >= :low AND scope_area < :high");
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
				""".formatted(where)), query, admin)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
					rs.getString("username"), rs.getString("action"), rs.getString("record_type"),
					rs.getString("record_id"), rs.getString("detail"), rs.getString("remote_address")))
			.list();
		long total = bind(jdbc.sql("SELECT count(*) FROM audit_entry WHERE " + where), query, admin).query(Long.class)
			.single();
		return new Page<>(items, total);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, AuditQuery query, Viewer admin) {
		return spec.param("low", admin.scopeLow())
			.param("high", admin.scopeHigh())
			.param("username", query.username())
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
