package org.frontline.supplies.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ledger's rows and what is kept with them: stock per lot, transfers in transit, use per day. */
@Repository
public class LedgerRepository {

	/** Advisory lock class of the ledger: stock of one place and item is changed by one transaction at a time. */
	private static final int LOCK_CLASS = 18_001;

	private final JdbcClient jdbc;

	LedgerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One stock row of a place, item and lot. */
	public record StockRow(String place, String item, String lot, LocalDate expiresOn, long quantity) {
	}

	/** A ledger row to write. */
	public record NewRow(UUID clientId, int part, String type, String item, long quantity, Integer counted,
			String from, String to, String lot, LocalDate expiresOn, String reason, Long reverses, Long shipmentId,
			Long donationId) {
	}

	/** A row of the ledger as a reversal or a receipt needs it, with what happened to it since. */
	public record Written(long id, UUID clientId, String type, String item, long quantity, String from, String to,
			String lot, LocalDate expiresOn, Instant at, Long shipmentId, boolean reversed, boolean inTransit,
			Integer received) {
	}

	/**
	 * Takes the locks of these keys (hashes of place and item) in ascending order, so that two transactions never
	 * wait for each other in a circle; held until commit.
	 */
	public void lock(Collection<Integer> keys) {
		if (keys.isEmpty()) {
			return;
		}
		jdbc.sql("""
				SELECT count(pg_advisory_xact_lock(:class, k))
				FROM (SELECT DISTINCT k FROM unnest(:keys::int[]) AS k ORDER BY k OFFSET 0) AS sorted
				""")
			.param("class", LOCK_CLASS)
			.param("keys", keys.toArray(Integer[]::new))
			.query(Long.class)
			.single();
	}

	/** The ledger rows already written for these client ids, by client id. */
	public Map<UUID, List<Long>> applied(Collection<UUID> clientIds) {
		Map<UUID, List<Long>> applied = new HashMap<>();
		if (clientIds.isEmpty()) {
			return applied;
		}
		jdbc.sql("SELECT client_id, id FROM supplies_movement WHERE client_id = ANY(:ids::uuid[]) ORDER BY client_id, part")
			.param("ids", clientIds.stream().map(UUID::toString).toArray(String[]::new))
			.query(rs -> {
				applied.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getLong(2));
			});
		return applied;
	}

	/** Stock rows of these places and items (pairs at the same index). */
	public List<StockRow> stock(List<String> places, List<String> items) {
		if (places.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT s.place, s.item_code, s.lot, s.expires_on, s.quantity
				FROM unnest(:places::text[], :items::text[]) AS k (place, item)
				JOIN supplies_stock s ON s.place = k.place AND s.item_code = k.item
				""")
			.param("places", places.toArray(String[]::new))
			.param("items", items.toArray(String[]::new))
			.query(LedgerRepository::stockRow)
			.list();
	}

	/** Every stock row of a place, by item and expiry. */
	public List<StockRow> stockOf(String place) {
		return jdbc.sql("""
				SELECT place, item_code, lot, expires_on, quantity FROM supplies_stock
				WHERE place = :place AND quantity > 0 ORDER BY item_code, expires_on NULLS LAST, lot
				""")
			.param("place", place)
			.query(LedgerRepository::stockRow)
			.list();
	}

	/** Stock rows with something in them at places whose area lies in [low, high). */
	public List<StockRow> stockInside(String low, String high) {
		return jdbc.sql("""
				SELECT s.place, s.item_code, s.lot, s.expires_on, s.quantity
				FROM supplies_place p JOIN supplies_stock s ON s.place = p.place
				WHERE p.area_code >= :low AND p.area_code < :high AND s.quantity > 0
				""")
			.param("low", low)
			.param("high", high)
			.query(LedgerRepository::stockRow)
			.list();
	}

	/** Quantities on their way to each place and item inside [low, high), or to one place when given. */
	public Map<String, Map<String, Long>> inTransit(String place, String low, String high) {
		Map<String, Map<String, Long>> transit = new HashMap<>();
		String sql = place != null ? """
				SELECT to_place, item_code, sum(quantity) FROM supplies_transit WHERE to_place = :place
				GROUP BY to_place, item_code
				""" : """
				SELECT t.to_place, t.item_code, sum(t.quantity) FROM supplies_transit t
				JOIN supplies_place p ON p.place = t.to_place
				WHERE p.area_code >= :low AND p.area_code < :high GROUP BY t.to_place, t.item_code
				""";
		JdbcClient.StatementSpec spec = jdbc.sql(sql);
		spec = place != null ? spec.param("place", place) : spec.param("low", low).param("high", high);
		spec.query(rs -> {
			transit.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
		});
		return transit;
	}

	/** Rows of the ledger by id, with whether each was reversed, is in transit or was received. */
	public Map<Long, Written> written(Collection<Long> ids) {
		Map<Long, Written> found = new HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		jdbc.sql(WRITTEN + " WHERE m.id = ANY(:ids::bigint[])")
			.param("ids", ids.toArray(Long[]::new))
			.query(LedgerRepository::written)
			.list()
			.forEach(w -> found.put(w.id(), w));
		return found;
	}

	/** The transfers of a shipment, with whether each was reversed or received. */
	public List<Written> ofShipment(long shipmentId) {
		return jdbc.sql(WRITTEN + " WHERE m.shipment_id = :shipment AND m.type = 'TRANSFER' ORDER BY m.item_code, m.id")
			.param("shipment", shipmentId)
			.query(LedgerRepository::written)
			.list();
	}

	private static final String WRITTEN = """
			SELECT m.id, m.client_id, m.type, m.item_code, m.quantity, m.from_place, m.to_place, m.lot, m.expires_on, m.at,
			       m.shipment_id,
			       EXISTS (SELECT 1 FROM supplies_movement r WHERE r.reverses = m.id) AS reversed,
			       EXISTS (SELECT 1 FROM supplies_transit t WHERE t.movement_id = m.id) AS in_transit,
			       (SELECT c.received FROM supplies_receipt c WHERE c.movement_id = m.id) AS received
			FROM supplies_movement m""";

	/** Writes ledger rows in one statement; the ids by client id and part. */
	public Map<String, Long> insert(List<NewRow> rows, Instant at, String by) {
		Map<String, Long> ids = new HashMap<>();
		if (rows.isEmpty()) {
			return ids;
		}
		int n = rows.size();
		String[] clientIds = new String[n];
		Integer[] parts = new Integer[n];
		String[] types = new String[n];
		String[] items = new String[n];
		Long[] quantities = new Long[n];
		Integer[] counted = new Integer[n];
		String[] froms = new String[n];
		String[] tos = new String[n];
		String[] lots = new String[n];
		String[] expires = new String[n];
		String[] reasons = new String[n];
		Long[] reverses = new Long[n];
		Long[] shipments = new Long[n];
		Long[] donations = new Long[n];
		for (int i = 0; i < n; i++) {
			NewRow row = rows.get(i);
			clientIds[i] = row.clientId().toString();
			parts[i] = row.part();
			types[i] = row.type();
			items[i] = row.item();
			quantities[i] = row.quantity();
			counted[i] = row.counted();
			froms[i] = row.from();
			tos[i] = row.to();
			lots[i] = row.lot();
			expires[i] = row.expiresOn() == null ? null : row.expiresOn().toString();
			reasons[i] = row.reason();
			reverses[i] = row.reverses();
			shipments[i] = row.shipmentId();
			donations[i] = row.donationId();
		}
		jdbc.sql("""
				INSERT INTO supplies_movement (client_id, part, type, item_code, quantity, counted, from_place, to_place, lot,
				                               expires_on, reason, reverses, shipment_id, donation_id, at, by_user)
				SELECT c, p, t, i, q, cn, f, d, l, e, r, rv, s, dn, :at, :by
				FROM unnest(:c::uuid[], :p::int2[], :t::text[], :i::text[], :q::int[], :cn::int[], :f::text[], :d::text[],
				            :l::text[], :e::date[], :r::text[], :rv::bigint[], :s::bigint[], :dn::bigint[])
				     WITH ORDINALITY AS x (c, p, t, i, q, cn, f, d, l, e, r, rv, s, dn, o)
				ORDER BY o
				RETURNING client_id, part, id
				""")
			.param("c", clientIds).param("p", parts).param("t", types).param("i", items).param("q", quantities)
			.param("cn", counted).param("f", froms).param("d", tos).param("l", lots).param("e", expires)
			.param("r", reasons).param("rv", reverses).param("s", shipments).param("dn", donations)
			.param("at", Timestamp.from(at)).param("by", by)
			.query(rs -> {
				ids.put(rs.getString(1) + "/" + rs.getInt(2), rs.getLong(3));
			});
		return ids;
	}

	/** A stock change of one place, item and lot. */
	public record Delta(String place, String item, String lot, LocalDate expiresOn, long quantity) {
	}

	/**
	 * Adds the deltas (one per place, item and lot) to the stock rows: what comes in creates the rows that do not exist
	 * yet; what goes out lowers rows that exist (the caller checked them under its locks).
	 */
	public void changeStock(List<Delta> deltas) {
		List<Delta> in = deltas.stream().filter(d -> d.quantity() > 0).toList();
		List<Delta> out = deltas.stream().filter(d -> d.quantity() < 0).toList();
		if (!in.isEmpty()) {
			jdbc.sql("""
					INSERT INTO supplies_stock AS s (place, item_code, lot, expires_on, quantity)
					SELECT p, i, l, e, q FROM unnest(:p::text[], :i::text[], :l::text[], :e::date[], :q::bigint[]) AS x (p, i, l, e, q)
					ORDER BY p, i, l
					ON CONFLICT (place, item_code, lot) DO UPDATE SET quantity = s.quantity + excluded.quantity
					""")
				.param("p", in.stream().map(Delta::place).toArray(String[]::new))
				.param("i", in.stream().map(Delta::item).toArray(String[]::new))
				.param("l", in.stream().map(Delta::lot).toArray(String[]::new))
				.param("e", in.stream().map(d -> d.expiresOn() == null ? null : d.expiresOn().toString()).toArray(String[]::new))
				.param("q", in.stream().map(Delta::quantity).toArray(Long[]::new))
				.update();
		}
		if (!out.isEmpty()) {
			int changed = jdbc.sql("""
					UPDATE supplies_stock s SET quantity = s.quantity + x.q
					FROM unnest(:p::text[], :i::text[], :l::text[], :q::bigint[]) AS x (p, i, l, q)
					WHERE s.place = x.p AND s.item_code = x.i AND s.lot = x.l
					""")
				.param("p", out.stream().map(Delta::place).toArray(String[]::new))
				.param("i", out.stream().map(Delta::item).toArray(String[]::new))
				.param("l", out.stream().map(Delta::lot).toArray(String[]::new))
				.param("q", out.stream().map(Delta::quantity).toArray(Long[]::new))
				.update();
			if (changed != out.size()) {
				throw new IllegalStateException("Stock rows to lower are missing: " + out);
			}
		}
	}

	/** Adds to the use per place, item and day (negative for a reversed issue). */
	public void addUse(List<String> places, List<String> items, List<LocalDate> days, List<Long> quantities) {
		if (places.isEmpty()) {
			return;
		}
		jdbc.sql("""
				INSERT INTO supplies_use_day AS u (place, item_code, day, quantity)
				SELECT p, i, d, sum(q) FROM unnest(:p::text[], :i::text[], :d::date[], :q::bigint[]) AS x (p, i, d, q)
				GROUP BY p, i, d ORDER BY p, i, d
				ON CONFLICT (place, item_code, day) DO UPDATE SET quantity = u.quantity + excluded.quantity
				""")
			.param("p", places.toArray(String[]::new))
			.param("i", items.toArray(String[]::new))
			.param("d", days.stream().map(LocalDate::toString).toArray(String[]::new))
			.param("q", quantities.toArray(Long[]::new))
			.update();
	}

	public void startTransit(List<Long> movementIds, List<String> toPlaces, List<String> items, List<Long> quantities) {
		if (movementIds.isEmpty()) {
			return;
		}
		jdbc.sql("""
				INSERT INTO supplies_transit (movement_id, to_place, item_code, quantity)
				SELECT * FROM unnest(:m::bigint[], :t::text[], :i::text[], :q::int[])
				""")
			.param("m", movementIds.toArray(Long[]::new))
			.param("t", toPlaces.toArray(String[]::new))
			.param("i", items.toArray(String[]::new))
			.param("q", quantities.toArray(Long[]::new))
			.update();
	}

	/** Ends the transit of these transfers (received or reversed); how many were still in transit. */
	public int endTransit(Collection<Long> movementIds) {
		if (movementIds.isEmpty()) {
			return 0;
		}
		return jdbc.sql("DELETE FROM supplies_transit WHERE movement_id = ANY(:ids::bigint[])")
			.param("ids", movementIds.toArray(Long[]::new))
			.update();
	}

	public void insertReceipt(long movementId, int received, int discrepancy, String note, Instant at, String by) {
		jdbc.sql("""
				INSERT INTO supplies_receipt (movement_id, received, discrepancy, note, at, by_user)
				VALUES (:m, :received, :discrepancy, :note, :at, :by)
				""")
			.param("m", movementId)
			.param("received", received)
			.param("discrepancy", discrepancy)
			.param("note", note)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
	}

	/** Use per place and item summed over [from, to) days, for places inside [low, high) or one place. */
	public Map<String, Map<String, Long>> use(String place, String low, String high, LocalDate from, LocalDate to) {
		Map<String, Map<String, Long>> use = new HashMap<>();
		String sql = place != null ? """
				SELECT place, item_code, sum(quantity) FROM supplies_use_day
				WHERE place = :place AND day >= :from AND day < :to GROUP BY place, item_code
				""" : """
				SELECT u.place, u.item_code, sum(u.quantity) FROM supplies_use_day u
				JOIN supplies_place p ON p.place = u.place
				WHERE p.area_code >= :low AND p.area_code < :high AND u.day >= :from AND u.day < :to
				GROUP BY u.place, u.item_code
				""";
		JdbcClient.StatementSpec spec = jdbc.sql(sql).param("from", Date.valueOf(from)).param("to", Date.valueOf(to));
		spec = place != null ? spec.param("place", place) : spec.param("low", low).param("high", high);
		spec.query(rs -> {
			use.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
		});
		return use;
	}

	public record Row(long id, UUID clientId, int part, String type, String item, long quantity, Integer counted,
			String from, String to, String lot, LocalDate expiresOn, String reason, Long reverses, Long shipmentId,
			Long donationId, Instant at, String by, Integer received, Integer discrepancy, boolean reversed) {
	}

	private static final String ROWS = """
			SELECT m.id, m.client_id, m.part, m.type, m.item_code, m.quantity, m.counted, m.from_place, m.to_place, m.lot,
			       m.expires_on, m.reason, m.reverses, m.shipment_id, m.donation_id, m.at, m.by_user, c.received, c.discrepancy,
			       EXISTS (SELECT 1 FROM supplies_movement r WHERE r.reverses = m.id) AS reversed
			FROM supplies_movement m LEFT JOIN supplies_receipt c ON c.movement_id = m.id
			""";

	/**
	 * The latest movements of an item (older than {@code before} when given) touching places inside [low, high), or
	 * one place when given, newest first.
	 */
	public List<Row> movements(String item, String place, String low, String high, Long before, int limit) {
		long below = before == null ? Long.MAX_VALUE : before;
		if (place != null) {
			return jdbc.sql(ROWS + """
					WHERE m.id IN (
					    (SELECT id FROM supplies_movement WHERE from_place = :place AND item_code = :item AND id < :before
					     ORDER BY id DESC LIMIT :limit)
					    UNION
					    (SELECT id FROM supplies_movement WHERE to_place = :place AND item_code = :item AND id < :before
					     ORDER BY id DESC LIMIT :limit))
					ORDER BY m.id DESC LIMIT :limit
					""")
				.param("place", place).param("item", item).param("before", below).param("limit", limit)
				.query(LedgerRepository::row)
				.list();
		}
		return jdbc.sql(ROWS + """
				WHERE m.item_code = :item AND m.id < :before
				  AND EXISTS (SELECT 1 FROM supplies_place p WHERE p.place IN (m.from_place, m.to_place)
				              AND p.area_code >= :low AND p.area_code < :high)
				ORDER BY m.id DESC LIMIT :limit
				""")
			.param("item", item).param("before", below).param("low", low).param("high", high).param("limit", limit)
			.query(LedgerRepository::row)
			.list();
	}

	public Optional<Row> movement(long id) {
		return jdbc.sql(ROWS + " WHERE m.id = :id").param("id", id).query(LedgerRepository::row).optional();
	}

	/** Ledger rows of a shipment or a donation. */
	public List<Row> movementsOf(Long shipmentId, Long donationId) {
		return jdbc.sql(ROWS + " WHERE (m.shipment_id = :s OR m.donation_id = :d) ORDER BY m.item_code, m.id")
			.param("s", shipmentId == null ? -1L : shipmentId)
			.param("d", donationId == null ? -1L : donationId)
			.query(LedgerRepository::row)
			.list();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		Date expires = rs.getDate("expires_on");
		return new Row(rs.getLong("id"), rs.getObject("client_id", UUID.class), rs.getInt("part"), rs.getString("type"),
				rs.getString("item_code"), rs.getLong("quantity"), (Integer) rs.getObject("counted"),
				rs.getString("from_place"), rs.getString("to_place"), rs.getString("lot"),
				expires == null ? null : expires.toLocalDate(), rs.getString("reason"), (Long) rs.getObject("reverses"),
				(Long) rs.getObject("shipment_id"), (Long) rs.getObject("donation_id"),
				rs.getTimestamp("at").toInstant(), rs.getString("by_user"), (Integer) rs.getObject("received"),
				(Integer) rs.getObject("discrepancy"), rs.getBoolean("reversed"));
	}

	private static StockRow stockRow(ResultSet rs, int n) throws SQLException {
		Date expires = rs.getDate("expires_on");
		return new StockRow(rs.getString(1), rs.getString(2), rs.getString(3), expires == null ? null : expires.toLocalDate(),
				rs.getLong(5));
	}

	private static Written written(ResultSet rs, int n) throws SQLException {
		Date expires = rs.getDate("expires_on");
		return new Written(rs.getLong("id"), rs.getObject("client_id", UUID.class), rs.getString("type"),
				rs.getString("item_code"), rs.getLong("quantity"), rs.getString("from_place"), rs.getString("to_place"),
				rs.getString("lot"), expires == null ? null : expires.toLocalDate(), rs.getTimestamp("at").toInstant(),
				(Long) rs.getObject("shipment_id"), rs.getBoolean("reversed"), rs.getBoolean("in_transit"),
				(Integer) rs.getObject("received"));
	}
}
