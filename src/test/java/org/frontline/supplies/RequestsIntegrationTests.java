package org.frontline.supplies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RequestsIntegrationTests extends IntegrationTest {

	private SuppliesFixture fixture;

	@Autowired
	private SupplyChecks checks;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@BeforeEach
	void setUp() {
		fixture = new SuppliesFixture(api(), jdbc);
	}

	private long request(String warehouse, Map<String, Long> lines) {
		return request(warehouse, lines, OffsetDateTime.now(clock).plusHours(24));
	}

	private long request(String warehouse, Map<String, Long> lines, OffsetDateTime neededBy) {
		Response created = api().as("community")
			.post("/api/v1/requests", Map.of("clientId", Api.uuid(), "place", SuppliesFixture.CHENYUAN, "warehouse",
					warehouse, "neededBy", neededBy.toString(), "lines",
					lines.entrySet().stream().map(e -> Map.of("item", e.getKey(), "quantity", e.getValue())).toList()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("status").asString()).isEqualTo("REQUESTED");
		return created.json().get("id").asLong();
	}

	@Test
	void aWarehouseApprovesPartDispatchesATransferAndThePostReceivesWithADiscrepancy() throws Exception {
		String warehouse = fixture.warehouse();
		String keeper = fixture.keeper(warehouse);
		fixture.receive(warehouse, "N95", 200, "N-1", LocalDate.now(clock).plusDays(200));
		long before = fixture.usable("community", SuppliesFixture.CHENYUAN, "N95");
		long id = request(warehouse, Map.of("N95", 100L, "BEDDING", 5L));

		assertThat(api().as("community").post("/api/v1/requests/" + id + "/approve", Map.of()).status())
			.isEqualTo(403);
		for (Response queue : List.of(fixture.as(keeper).get("/api/v1/requests"), api().as("admin").get("/api/v1/requests"),
				api().as("community").get("/api/v1/requests"))) {
			assertThat(queue.status()).as(queue.body()).isEqualTo(200);
			assertThat(queue.json().findValues("id").stream().map(JsonNode::asLong).toList()).contains(id);
		}
		assertThat(api().as("zhongxin").get("/api/v1/requests").json().findValues("id").stream().map(JsonNode::asLong)
			.toList()).as("another community's worker").doesNotContain(id);
		Response approved = fixture.as(keeper).post("/api/v1/requests/" + id + "/approve",
				Map.of("lines", List.of(Map.of("item", "N95", "quantity", 80))));
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");

		Response dispatched = fixture.as(keeper).post("/api/v1/requests/" + id + "/dispatch", null);
		assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
		String code = dispatched.json().get("shipment").asString();
		assertThat(fixture.usable(keeper, warehouse, "N95")).isEqualTo(120);
		JsonNode atPost = api().as("community").get("/api/v1/stock?place=" + SuppliesFixture.CHENYUAN + "&item=N95")
			.json().get("items").get(0);
		assertThat(atPost.get("inTransit").asLong()).isEqualTo(80);
		assertThat(atPost.get("usable").asLong()).isEqualTo(before);

		Response pdf = api().as("community").get("/api/v1/shipments/" + code + "/note.pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
		try (PDDocument document = Loader.loadPDF(pdf.raw().body())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains(code).contains("物资送货单").contains("N-1");
		}

		JsonNode shipment = api().as("community").get("/api/v1/shipments/" + code).json();
		long transfer = shipment.get("lines").get(0).get("id").asLong();
		Response received = api().as("community").post("/api/v1/requests/" + id + "/receive",
				Map.of("lines", List.of(Map.of("movement", transfer, "received", 78)), "note", "two boxes wet"));
		assertThat(received.status()).as(received.body()).isEqualTo(200);
		assertThat(received.json().get("status").asString()).isEqualTo("RECEIVED");
		assertThat(received.json().get("lines").get(1).get("received").asLong()).isEqualTo(78);
		assertThat(fixture.usable("community", SuppliesFixture.CHENYUAN, "N95")).isEqualTo(before + 78);
		assertThat(jdbc.sql("SELECT discrepancy FROM supplies_receipt WHERE movement_id = :m").param("m", transfer)
			.query(Integer.class).single()).isEqualTo(-2);

		Response again = api().as("community").post("/api/v1/shipments/" + code + "/receive", Map.of());
		assertThat(again.status()).isEqualTo(409);
		assertThat(fixture.usable("community", SuppliesFixture.CHENYUAN, "N95")).isEqualTo(before + 78);
	}

	@Test
	void aDispatchOfMoreThanTheWarehouseHoldsIsRefusedAndWritesNothing() {
		String warehouse = fixture.warehouse();
		fixture.receive(warehouse, "GLOVES", 30, "G-1", LocalDate.now(clock).plusDays(100));
		long id = request(warehouse, Map.of("GLOVES", 50L));
		assertThat(api().as("admin").post("/api/v1/requests/" + id + "/approve", null).status()).isEqualTo(200);
		long rows = jdbc.sql("SELECT count(*) FROM supplies_movement").query(Long.class).single();

		Response refused = api().as("admin").acceptLanguage("en").post("/api/v1/requests/" + id + "/dispatch", null);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("type").asString()).endsWith("insufficient-stock");
		assertThat(refused.json().get("detail").asString()).contains("30");
		assertThat(jdbc.sql("SELECT count(*) FROM supplies_movement").query(Long.class).single()).isEqualTo(rows);
		assertThat(api().as("admin").get("/api/v1/requests/" + id).json().get("status").asString()).isEqualTo("APPROVED");
	}

	@Test
	void aRequestPastItsNeededByTimeRaisesAnAlertUntilItIsReceived() {
		String warehouse = fixture.warehouse();
		fixture.receive(warehouse, "MEAL", 500, null, null);
		long id = request(warehouse, Map.of("MEAL", 300L), OffsetDateTime.now(clock).plusMinutes(1));
		String key = "request-overdue:" + id;
		checks.checkOverdueRequests();
		assertThat(alerts(key)).isZero();

		clock.advance(java.time.Duration.ofMinutes(2));
		checks.checkOverdueRequests();
		checks.checkOverdueRequests();
		assertThat(alerts(key)).as("raised once").isEqualTo(1);
		assertThat(api().as("community").get("/api/v1/requests/" + id).json().get("overdue").asBoolean()).isTrue();

		api().as("admin").post("/api/v1/requests/" + id + "/approve", null);
		api().as("admin").post("/api/v1/requests/" + id + "/dispatch", null);
		assertThat(api().as("community").post("/api/v1/requests/" + id + "/receive", null).status()).isEqualTo(200);
		checks.checkOverdueRequests();
		assertThat(alerts(key)).as("cleared").isZero();
	}

	private long alerts(String key) {
		return jdbc.sql("SELECT count(*) FROM supplies_alert WHERE key = :k").param("k", key).query(Long.class).single();
	}

	@Test
	void aResentRequestIsOneRequestAndBadInputSaysWhichField() {
		String warehouse = fixture.warehouse();
		String clientId = Api.uuid();
		Map<String, Object> body = Map.of("clientId", clientId, "place", SuppliesFixture.CHENYUAN, "warehouse", warehouse,
				"neededBy", "2030-01-01T08:00+08:00", "lines", List.of(Map.of("item", "MEAL", "quantity", 300)));
		long first = api().as("community").post("/api/v1/requests", body).json().get("id").asLong();
		long second = api().as("community").post("/api/v1/requests", body).json().get("id").asLong();
		assertThat(second).isEqualTo(first);

		Response bad = api().as("community").acceptLanguage("en").post("/api/v1/requests",
				Map.of("place", SuppliesFixture.CHENYUAN, "warehouse", warehouse, "neededBy", "tomorrow", "lines",
						List.of(Map.of("item", "MEAL", "quantity", 3))));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("neededBy");
		Response outside = api().as("community").post("/api/v1/requests",
				Map.of("place", SuppliesFixture.BILINWAN, "warehouse", warehouse, "neededBy", "2030-01-01T08:00+08:00",
						"lines", List.of(Map.of("item", "MEAL", "quantity", 3))));
		assertThat(outside.status()).isEqualTo(404);
	}
}
