package org.frontline.supplies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frontline.supplies.SuppliesFixture.movement;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LedgerIntegrationTests extends IntegrationTest {

	private SuppliesFixture fixture;

	private LocalDate today;

	@BeforeEach
	void setUp() {
		fixture = new SuppliesFixture(api(), jdbc);
		today = LocalDate.now(clock);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void racingIssuesTakeExactlyTheAvailableQuantityAndRefuseTheRestWithWhatIsAvailable() throws Exception {
		String warehouse = fixture.warehouse();
		fixture.receive(warehouse, "MASK", 30, "M1", today.plusDays(60));
		fixture.receive(warehouse, "MASK", 20, "M2", today.plusDays(90));
		List<Callable<Response>> calls = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			calls.add(() -> api().as("admin").post("/api/v1/movements",
					Map.of("movements", List.of(movement("ISSUE", "MASK", 5, warehouse, null, null, null, null)))));
		}
		List<Response> answers = race(calls);

		long accepted = 0;
		for (Response answer : answers) {
			assertThat(answer.status()).as(answer.body()).isEqualTo(200);
			JsonNode result = answer.json().get("results").get(0);
			if (result.get("status").asString().equals("ACCEPTED")) {
				accepted++;
			}
			else {
				assertThat(result.get("status").asString()).isEqualTo("REJECTED");
				assertThat(result.get("type").asString()).isEqualTo("insufficient-stock");
				assertThat(result.get("available").asLong()).isLessThan(5);
			}
		}
		assertThat(accepted).isEqualTo(10);
		assertThat(fixture.usable("admin", warehouse, "MASK")).isZero();
		assertThat(fixture.stockRows(warehouse, "MASK")).isZero();
		assertThat(fixture.ledgerSum(warehouse, "MASK")).isZero();
	}

	@Test
	void oneIssueOfMoreThanIsThereIsRefusedWith409SayingHowManyAreAvailable() {
		String warehouse = fixture.warehouse();
		fixture.receive(warehouse, "BEDDING", 7, null, null);
		String before = fixture.ledgerSum(warehouse, "BEDDING") + "";

		JsonNode result = fixture.send("admin",
				List.of(movement("ISSUE", "BEDDING", 8, warehouse, null, null, null, null))).get(0);
		assertThat(result.get("status").asString()).isEqualTo("REJECTED");
		assertThat(result.get("available").asLong()).isEqualTo(7);
		assertThat(fixture.ledgerSum(warehouse, "BEDDING") + "").isEqualTo(before);
	}

	@Test
	void aResentBatchIsAnsweredDuplicatePerMovementAndWritesNothingAgain() {
		String warehouse = fixture.warehouse();
		List<Map<String, Object>> batch = List.of(
				movement("RECEIPT", "WATER", 100, null, warehouse, null, null, null),
				movement("ISSUE", "WATER", 40, warehouse, null, null, null, null),
				movement("ISSUE", "NO-SUCH-ITEM", 1, warehouse, null, null, null, null));
		JsonNode first = fixture.send("admin", batch);
		assertThat(statuses(first)).containsExactly("ACCEPTED", "ACCEPTED", "REJECTED");
		assertThat(first.get(2).get("field").asString()).isEqualTo("item");
		long rows = jdbc.sql("SELECT count(*) FROM supplies_movement").query(Long.class).single();

		JsonNode again = fixture.send("admin", batch);

		assertThat(statuses(again)).containsExactly("DUPLICATE", "DUPLICATE", "REJECTED");
		assertThat(again.get(0).get("movements")).isEqualTo(first.get(0).get("movements"));
		assertThat(jdbc.sql("SELECT count(*) FROM supplies_movement").query(Long.class).single()).isEqualTo(rows);
		assertThat(fixture.usable("admin", warehouse, "WATER")).isEqualTo(60);
	}

	@Test
	void anIssueTakesTheEarliestExpiringLotAndAnExpiredLotCanOnlyBeWrittenOff() {
		String warehouse = fixture.warehouse();
		fixture.receive(warehouse, "SWAB", 100, "LATE", today.plusDays(30));
		fixture.receive(warehouse, "SWAB", 10, "SOON", today.plusDays(2));

		JsonNode issued = fixture.send("admin", List.of(movement("ISSUE", "SWAB", 15, warehouse, null, null, null, null)))
			.get(0);
		assertThat(issued.get("movements")).hasSize(2);
		assertThat(lotQuantity(warehouse, "SWAB", "SOON")).isZero();
		assertThat(lotQuantity(warehouse, "SWAB", "LATE")).isEqualTo(95);

		fixture.receive(warehouse, "SWAB", 5, "SOON2", today.plusDays(1));
		clock.advance(Duration.ofDays(3));
		// Signed in again: tokens from three days ago have expired.
		fixture = new SuppliesFixture(new org.frontline.support.Api(port), jdbc);
		JsonNode named = fixture.send("admin", List.of(movement("ISSUE", "SWAB", 1, warehouse, null, "SOON2", null, null)))
			.get(0);
		assertThat(named.get("status").asString()).isEqualTo("REJECTED");
		assertThat(named.get("type").asString()).isEqualTo("expired-lot");
		JsonNode sent = fixture.send("admin",
				List.of(movement("TRANSFER", "SWAB", 96, warehouse, SuppliesFixture.CHENYUAN, null, null, null))).get(0);
		assertThat(sent.get("status").asString()).as("the expired lot is not usable").isEqualTo("REJECTED");
		assertThat(sent.get("available").asLong()).isEqualTo(95);

		JsonNode fefo = fixture.send("admin", List.of(movement("ISSUE", "SWAB", 5, warehouse, null, null, null, null)))
			.get(0);
		assertThat(fefo.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(lotQuantity(warehouse, "SWAB", "SOON2")).isEqualTo(5);
		JsonNode writeOff = fixture.send("admin",
				List.of(movement("WRITE_OFF", "SWAB", 5, warehouse, null, "SOON2", null, "expired"))).get(0);
		assertThat(writeOff.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(lotQuantity(warehouse, "SWAB", "SOON2")).isZero();
		assertThat(fixture.ledgerSum(warehouse, "SWAB")).isEqualTo(90);
	}

	@Test
	void aReversalUndoesAMovementWithANewRowAndCannotBeRepeated() {
		String warehouse = fixture.warehouse();
		fixture.receive(warehouse, "MEAL", 50, null, null);
		long issue = fixture.send("admin", List.of(movement("ISSUE", "MEAL", 20, warehouse, null, null, null, null)))
			.get(0).get("movements").get(0).asLong();
		Map<String, Object> reversal = movement("REVERSAL", "MEAL", 0, null, null, null, null, "typed 20 instead of 2");
		reversal.put("reverses", issue);
		assertThat(fixture.send("admin", List.of(reversal)).get(0).get("status").asString()).isEqualTo("ACCEPTED");
		Map<String, Object> again = movement("REVERSAL", "MEAL", 0, null, null, null, null, "again");
		again.put("reverses", issue);
		JsonNode refused = fixture.send("admin", List.of(again)).get(0);

		assertThat(refused.get("type").asString()).isEqualTo("not-reversible");
		assertThat(fixture.usable("admin", warehouse, "MEAL")).isEqualTo(50);
		assertThat(jdbc.sql("SELECT quantity FROM supplies_movement WHERE id = :id").param("id", issue)
			.query(Long.class).single()).as("the issue itself is never changed").isEqualTo(20);
	}

	@Test
	void aUserSeesAndMovesStockOnlyAtPlacesTheirScopeCovers() {
		String warehouse = fixture.warehouse();
		String other = fixture.warehouse();
		String keeper = fixture.keeper(warehouse);
		fixture.receive(warehouse, "WATER", 10, null, null);
		fixture.receive(other, "WATER", 10, null, null);
		fixture.receive(SuppliesFixture.BILINWAN, "WATER", 10, null, null);

		assertThat(fixture.usable(keeper, warehouse, "WATER")).isEqualTo(10);
		assertThat(fixture.as(keeper).get("/api/v1/stock?place=" + other).status()).isEqualTo(404);
		JsonNode refused = fixture.send(keeper, List.of(movement("ISSUE", "WATER", 1, other, null, null, null, null)))
			.get(0);
		assertThat(refused.get("status").asString()).isEqualTo("REJECTED");
		assertThat(fixture.usable("admin", other, "WATER")).isEqualTo(10);
		assertThat(api().as("community").get("/api/v1/stock?place=" + SuppliesFixture.BILINWAN).status())
			.isEqualTo(404);
		assertThat(api().as("leader").get("/api/v1/stock?place=" + SuppliesFixture.BILINWAN).status()).isEqualTo(200);
		assertThat(api().as("lab").get("/api/v1/stock?place=" + warehouse).status()).isEqualTo(403);
	}

	private long lotQuantity(String place, String item, String lot) {
		return jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM supplies_stock WHERE place = :p AND item_code = :i AND lot = :l")
			.param("p", place).param("i", item).param("l", lot).query(Long.class).single();
	}

	private static List<String> statuses(JsonNode results) {
		List<String> statuses = new ArrayList<>();
		results.forEach(r -> statuses.add(r.get("status").asString()));
		return statuses;
	}

	static List<Response> race(List<Callable<Response>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Response>> futures = new ArrayList<>();
			for (Callable<Response> call : calls) {
				futures.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<Response> responses = new ArrayList<>();
			for (Future<Response> future : futures) {
				responses.add(future.get());
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
