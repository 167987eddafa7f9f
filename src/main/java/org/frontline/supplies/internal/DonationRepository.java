package org.frontline.supplies.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.frontline.supplies.DonorKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Donors and their donations. */
@Repository
public class DonationRepository {

	private final JdbcClient jdbc;

	DonationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record DonorRow(long id, DonorKind kind, String name, String contact, String phone) {
	}

	public record DonationRow(long id, String number, UUID clientId, DonorRow donor, String to, String receivedBy,
			Instant receivedAt, String note, String createdBy) {
	}

	public long insertDonor(DonorKind kind, String name, String contact, String phone, Instant at) {
		return jdbc.sql("""
				INSERT INTO supplies_donor (kind, name, contact, phone, created_at) VALUES (:kind, :name, :contact, :phone, :at)
				RETURNING id
				""")
			.param("kind", kind.name()).param("name", name).param("contact", contact).param("phone", phone)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	/** The company donor of this name, made if it is not known yet (two at once: one wins, both get it). */
	public long company(String name, Instant at) {
		jdbc.sql("""
				INSERT INTO supplies_donor (kind, name, created_at) VALUES ('COMPANY', :name, :at)
				ON CONFLICT (name) WHERE kind = 'COMPANY' DO NOTHING
				""")
			.param("name", name).param("at", Timestamp.from(at))
			.update();
		return jdbc.sql("SELECT id FROM supplies_donor WHERE kind = 'COMPANY' AND name = :name")
			.param("name", name)
			.query(Long.class)
			.single();
	}

	public void contact(long id, String contact, String phone) {
		jdbc.sql("UPDATE supplies_donor SET contact = coalesce(:contact, contact), phone = coalesce(:phone, phone) WHERE id = :id")
			.param("contact", contact).param("phone", phone).param("id", id)
			.update();
	}

	public Optional<DonorRow> donor(long id) {
		return jdbc.sql("SELECT id, kind, name, contact, phone FROM supplies_donor WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> donor(rs, ""))
			.optional();
	}

	/**
	 * A new donation numbered for its acknowledgement letter ({@code JZ<year>-<id>}); empty when its client id was
	 * recorded before.
	 */
	public Optional<Long> insert(UUID clientId, long donorId, String to, String receivedBy, Instant receivedAt,
			int year, String note, String createdBy) {
		long id = jdbc.sql("SELECT nextval('supplies_donation_id_seq')").query(Long.class).single();
		int inserted = jdbc.sql("""
				INSERT INTO supplies_donation (id, number, client_id, donor_id, to_place, received_by, received_at, note, created_by)
				VALUES (:id, :number, :client, :donor, :to, :receivedBy, :receivedAt, :note, :createdBy)
				ON CONFLICT (client_id) DO NOTHING
				""")
			.param("id", id).param("number", "JZ%d-%04d".formatted(year, id)).param("client", clientId)
			.param("donor", donorId).param("to", to).param("receivedBy", receivedBy)
			.param("receivedAt", Timestamp.from(receivedAt)).param("note", note).param("createdBy", createdBy)
			.update();
		return inserted == 1 ? Optional.of(id) : Optional.empty();
	}

	public Optional<Long> byClientId(UUID clientId) {
		return jdbc.sql("SELECT id FROM supplies_donation WHERE client_id = :c").param("c", clientId).query(Long.class).optional();
	}

	public Optional<DonationRow> find(long id) {
		return jdbc.sql(SELECT + " WHERE d.id = :id").param("id", id).query(DonationRepository::donation).optional();
	}

	/** Donations received at places inside [low, high) (every place when low is null), newest first. */
	public List<DonationRow> list(String low, String high, int limit) {
		if (low == null) {
			return jdbc.sql(SELECT + " ORDER BY d.received_at DESC, d.id DESC LIMIT :limit")
				.param("limit", limit)
				.query(DonationRepository::donation)
				.list();
		}
		return jdbc.sql(SELECT + """
				 JOIN supplies_place p ON p.place = d.to_place
				WHERE p.area_code >= :low AND p.area_code < :high ORDER BY d.received_at DESC, d.id DESC LIMIT :limit
				""")
			.param("low", low).param("high", high).param("limit", limit)
			.query(DonationRepository::donation)
			.list();
	}

	private static final String SELECT = """
			SELECT d.id, d.number, d.client_id, d.to_place, d.received_by, d.received_at, d.note, d.created_by,
			       o.id AS donor_id, o.kind AS donor_kind, o.name AS donor_name, o.contact AS donor_contact, o.phone AS donor_phone
			FROM supplies_donation d JOIN supplies_donor o ON o.id = d.donor_id""";

	private static DonationRow donation(ResultSet rs, int n) throws SQLException {
		return new DonationRow(rs.getLong("id"), rs.getString("number"), rs.getObject("client_id", UUID.class),
				donor(rs, "donor_"), rs.getString("to_place"), rs.getString("received_by"),
				rs.getTimestamp("received_at").toInstant(), rs.getString("note"), rs.getString("created_by"));
	}

	private static DonorRow donor(ResultSet rs, String prefix) throws SQLException {
		return new DonorRow(rs.getLong(prefix + "id"), DonorKind.valueOf(rs.getString(prefix + "kind")),
				rs.getString(prefix + "name"), rs.getString(prefix + "contact"), rs.getString(prefix + "phone"));
	}
}
