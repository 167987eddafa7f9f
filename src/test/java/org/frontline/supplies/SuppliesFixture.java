package org.frontline.supplies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Warehouses, keepers and stock made through the API for supplies tests, each with names of its own. */
public final class SuppliesFixture {

	static final String PASSWORD = "Kettle-harbour-93-lantern";

	/** 晨苑社区 and 碧林湾社区, where the demo users {@code community} and {@code leader} work. */
	static final String CHENYUAN = "COMMUNITY:320602001002";

	static final String BILINWAN = "COMMUNITY:320602001001";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final Api api;

	private final JdbcClient jdbc;

	SuppliesFixture(Api api, JdbcClient jdbc) {
		this.api = api;
		this.jdbc = jdbc;
	}

	static String unique(String prefix) {
		return prefix + System.nanoTime() % 1_000_000_000 + SEQUENCE.incrementAndGet();
	}

	/** A new warehouse of the district ({@code WAREHOUSE:id}). */
	String warehouse() {
		Response created = api.as("admin")
			.post("/api/v1/warehouses", Map.of("name", unique("测试仓库"), "area", "320602"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return "WAREHOUSE:" + created.json().get("id").asLong();
	}

	/** A warehouse keeper limited to one warehouse. */
	String keeper(String warehouse) {
		String username = unique("keeper");
		Response created = api.as("admin")
			.post("/api/v1/users", Map.of("username", username, "password", PASSWORD, "roles",
					List.of("WAREHOUSE_KEEPER"), "warehouse", Long.parseLong(warehouse.substring("WAREHOUSE:".length()))));
		assertThat(created.status()).as(created.body()).isIn(200, 201);
		return username;
	}

	Api.As as(String username) {
		return username.startsWith("keeper") ? api.as(username, PASSWORD) : api.as(username);
	}

	public static Map<String, Object> movement(String type, String item, long quantity, String from, String to,
			String lot, LocalDate expiresOn, String reason) {
		Map<String, Object> m = new HashMap<>();
		m.put("clientId", Api.uuid());
		m.put("type", type);
		m.put("item", item);
		m.put("quantity", quantity);
		m.put("from", from);
		m.put("to", to);
		m.put("lot", lot);
		m.put("expiresOn", expiresOn == null ? null : expiresOn.toString());
		m.put("reason", reason);
		return m;
	}

	/** Sends one batch and answers its results. */
	JsonNode send(String username, List<Map<String, Object>> movements) {
		Response sent = as(username).post("/api/v1/movements", Map.of("movements", movements));
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		return sent.json().get("results");
	}

	void receive(String place, String item, long quantity, String lot, LocalDate expiresOn) {
		JsonNode results = send("admin", List.of(movement("RECEIPT", item, quantity, null, place, lot, expiresOn, null)));
		assertThat(results.get(0).get("status").asString()).as(results.toString()).isEqualTo("ACCEPTED");
	}

	/** Usable stock of an item at a place, as the API reports it. */
	long usable(String username, String place, String item) {
		Response stock = as(username).get("/api/v1/stock?place=" + place + "&item=" + item);
		assertThat(stock.status()).as(stock.body()).isEqualTo(200);
		JsonNode items = stock.json().get("items");
		return items.isEmpty() ? 0 : items.get(0).get("usable").asLong();
	}

	/** The stock rows of a place and item, straight from the table. */
	long stockRows(String place, String item) {
		return jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM supplies_stock WHERE place = :p AND item_code = :i")
			.param("p", place).param("i", item).query(Long.class).single();
	}

	/** The stock a place's ledger rows add up to: what came in (received transfers count what arrived) minus what left. */
	long ledgerSum(String place, String item) {
		return jdbc.sql("""
				SELECT coalesce(sum(CASE WHEN m.to_place = :p THEN coalesce(c.received, CASE WHEN m.type = 'TRANSFER' THEN 0 ELSE m.quantity END) ELSE 0 END)
				              - sum(CASE WHEN m.from_place = :p THEN m.quantity ELSE 0 END), 0)
				FROM supplies_movement m LEFT JOIN supplies_receipt c ON c.movement_id = m.id
				WHERE (m.to_place = :p OR m.from_place = :p) AND m.item_code = :i
				""").param("p", place).param("i", item).query(Long.class).single();
	}
}
