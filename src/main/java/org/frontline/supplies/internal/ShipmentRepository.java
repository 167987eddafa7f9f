package org.frontline.supplies.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Shipments: the transfers dispatched together under one code (the delivery note's QR code). */
@Repository
public class ShipmentRepository {

	private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	ShipmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record ShipmentRow(long id, String code, String from, String to, Long requestId, Instant dispatchedAt,
			String dispatchedBy) {
	}

	/** A new shipment with a code nobody can guess from another one ({@code FL-} and ten letters or digits). */
	public ShipmentRow insert(String from, String to, Long requestId, Instant at, String by) {
		String code = code();
		long id = jdbc.sql("""
				INSERT INTO supplies_shipment (code, from_place, to_place, request_id, dispatched_at, dispatched_by)
				VALUES (:code, :from, :to, :request, :at, :by) RETURNING id
				""")
			.param("code", code).param("from", from).param("to", to).param("request", requestId)
			.param("at", Timestamp.from(at)).param("by", by)
			.query(Long.class)
			.single();
		return new ShipmentRow(id, code, from, to, requestId, at, by);
	}

	public Optional<ShipmentRow> find(long id) {
		return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(ShipmentRepository::row).optional();
	}

	public Optional<ShipmentRow> byCode(String code) {
		return jdbc.sql(SELECT + " WHERE code = :code").param("code", code).query(ShipmentRepository::row).optional();
	}

	private static final String SELECT = """
			SELECT id, code, from_place, to_place, request_id, dispatched_at, dispatched_by FROM supplies_shipment""";

	private static ShipmentRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new ShipmentRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
				(Long) rs.getObject(5), rs.getTimestamp(6).toInstant(), rs.getString(7));
	}

	private String code() {
		StringBuilder code = new StringBuilder("FL-");
		for (int i = 0; i < 10; i++) {
			code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
		}
		return code.toString();
	}
}
