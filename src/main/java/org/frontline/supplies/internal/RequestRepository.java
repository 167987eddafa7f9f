package org.frontline.supplies.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.frontline.supplies.RequestStatus;
import org.frontline.supplies.RequestsOfDay;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Requests of posts to warehouses, with their lines. */
@Repository
public class RequestRepository {

	private final JdbcClient jdbc;

	RequestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record RequestRow(long id, String place, String warehouse, Instant neededBy, RequestStatus status,
			String note, Instant createdAt, String createdBy, Instant approvedAt, String approvedBy,
			Instant dispatchedAt, Long shipmentId, String shipmentCode, Instant receivedAt) {
	}

	public record LineRow(long requestId, String item, long requested, Long approved) {
	}

	/** A new request and its lines; empty when its client id was used before. */
	public Optional<Long> insert(UUID clientId, String place, String warehouse, Instant neededBy, String note, Instant at,
			String by, Map<String, Long> lines) {
		Optional<Long> id = jdbc.sql("""
				INSERT INTO supplies_request (client_id, place, warehouse, needed_by, status, note, created_at, created_by)
				VALUES (:client, :place, :warehouse, :needed, 'REQUESTED', :note, :at, :by)
				ON CONFLICT (client_id) DO NOTHING RETURNING id
				""")
			.param("client", clientId).param("place", place).param("warehouse", warehouse)
			.param("needed", Timestamp.from(neededBy)).param("note", note).param("at", Timestamp.from(at))
			.param("by", by)
			.query(Long.class)
			.optional();
		if (id.isEmpty()) {
			return id;
		}
		jdbc.sql("""
				INSERT INTO supplies_request_line (request_id, item_code, requested)
				SELECT :id, i, q FROM unnest(:items::text[], :quantities::int[]) AS x (i, q)
				""")
			.param("id", id.get())
			.param("items", lines.keySet().toArray(String[]::new))
			.param("quantities", lines.values().toArray(Long[]::new))
			.update();
		return id;
	}

	public Optional<Long> byClientId(UUID clientId) {
		return jdbc.sql("SELECT id FROM supplies_request WHERE client_id = :client")
			.param("client", clientId)
			.query(Long.class)
			.optional();
	}

	/** The request, locked for a change of its status when {@code lock}. */
	public Optional<RequestRow> find(long id, boolean lock) {
		return jdbc.sql(SELECT + " WHERE r.id = :id" + (lock ? " FOR UPDATE OF r" : ""))
			.param("id", id)
			.query(RequestRepository::row)
			.optional();
	}

	public Optional<RequestRow> byShipment(long shipmentId) {
		return jdbc.sql(SELECT + " WHERE r.shipment_id = :s").param("s", shipmentId).query(RequestRepository::row).optional();
	}

	/**
	 * The latest requests from or to places inside [low, high), or from or to one place when given, open ones first by
	 * needed-by time.
	 */
	public List<RequestRow> list(String place, String low, String high, int limit) {
		String where = place != null ? " WHERE (r.place = :place OR r.warehouse = :place)" : """
				 WHERE EXISTS (SELECT 1 FROM supplies_place p WHERE p.place IN (r.place, r.warehouse)
				               AND p.area_code >= :low AND p.area_code < :high)""";
		JdbcClient.StatementSpec spec = jdbc.sql(SELECT + " " + where + " " + """
				 ORDER BY r.status IN ('REQUESTED', 'APPROVED', 'DISPATCHED') DESC, r.needed_by, r.id DESC LIMIT :limit
				""");
		spec = place != null ? spec.param("place", place) : spec.param("low", low).param("high", high);
		return spec.param("limit", limit).query(RequestRepository::row).list();
	}

	/**
	 * Per area of the requesting places inside {@code [low, high)}: requests made in {@code [from, to)}, received in it,
	 * and open past their needed-by time at {@code to} (neither received nor declined by then).
	 */
	public List<RequestsOfDay> day(String low, String high, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT p.area_code,
				       count(*) FILTER (WHERE r.created_at >= :from AND r.created_at < :to),
				       count(*) FILTER (WHERE r.received_at >= :from AND r.received_at < :to),
				       count(*) FILTER (WHERE r.created_at < :to AND r.needed_by < :to
				                          AND (r.received_at IS NULL OR r.received_at >= :to)
				                          AND NOT (r.status = 'DECLINED' AND r.approved_at < :to))
				FROM supplies_request r JOIN supplies_place p ON p.place = r.place
				WHERE p.area_code >= :low AND p.area_code < :high AND r.created_at < :to
				  AND (r.received_at IS NULL OR r.received_at >= :from)
				GROUP BY p.area_code ORDER BY p.area_code
				""").param("low", low).param("high", high).param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new RequestsOfDay(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.list();
	}

	/** Open requests whose needed-by time has passed. */
	public List<RequestRow> overdue(Instant now) {
		return jdbc.sql(SELECT + """
				 WHERE r.status IN ('REQUESTED', 'APPROVED', 'DISPATCHED') AND r.needed_by < :now ORDER BY r.needed_by
				""")
			.param("now", Timestamp.from(now))
			.query(RequestRepository::row)
			.list();
	}

	public Map<Long, List<LineRow>> lines(Collection<Long> requestIds) {
		Map<Long, List<LineRow>> lines = new HashMap<>();
		if (requestIds.isEmpty()) {
			return lines;
		}
		jdbc.sql("""
				SELECT request_id, item_code, requested, approved FROM supplies_request_line
				WHERE request_id = ANY(:ids::bigint[]) ORDER BY request_id, item_code
				""")
			.param("ids", requestIds.toArray(Long[]::new))
			.query(rs -> {
				lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new LineRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4) == null ? null : rs.getLong(4)));
			});
		return lines;
	}

	public void approve(long id, Map<String, Long> approved, RequestStatus status, Instant at, String by) {
		jdbc.sql("UPDATE supplies_request_line SET approved = 0 WHERE request_id = :id").param("id", id).update();
		jdbc.sql("""
				UPDATE supplies_request_line l SET approved = least(x.q, l.requested)
				FROM unnest(:items::text[], :quantities::int[]) AS x (i, q)
				WHERE l.request_id = :id AND l.item_code = x.i
				""")
			.param("id", id)
			.param("items", approved.keySet().toArray(String[]::new))
			.param("quantities", approved.values().toArray(Long[]::new))
			.update();
		jdbc.sql("UPDATE supplies_request SET status = :status, approved_at = :at, approved_by = :by WHERE id = :id")
			.param("status", status.name()).param("at", Timestamp.from(at)).param("by", by).param("id", id)
			.update();
	}

	public void dispatched(long id, long shipmentId, Instant at) {
		jdbc.sql("UPDATE supplies_request SET status = 'DISPATCHED', dispatched_at = :at, shipment_id = :s WHERE id = :id")
			.param("at", Timestamp.from(at)).param("s", shipmentId).param("id", id)
			.update();
	}

	public void received(long id, Instant at) {
		jdbc.sql("UPDATE supplies_request SET status = 'RECEIVED', received_at = :at WHERE id = :id")
			.param("at", Timestamp.from(at)).param("id", id)
			.update();
	}

	private static final String SELECT = """
			SELECT r.id, r.place, r.warehouse, r.needed_by, r.status, r.note, r.created_at, r.created_by, r.approved_at,
			       r.approved_by, r.dispatched_at, r.shipment_id, s.code, r.received_at
			FROM supplies_request r LEFT JOIN supplies_shipment s ON s.id = r.shipment_id""";

	private static RequestRow row(ResultSet rs, int n) throws SQLException {
		return new RequestRow(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
				RequestStatus.valueOf(rs.getString(5)), rs.getString(6), instant(rs.getTimestamp(7)), rs.getString(8),
				instant(rs.getTimestamp(9)), rs.getString(10), instant(rs.getTimestamp(11)), (Long) rs.getObject(12),
				rs.getString(13), instant(rs.getTimestamp(14)));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
