package org.frontline.supplies;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.support.IntegrationTest;
import org.frontline.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every writer of a place's stock takes the locks of its places and items in one order, before it changes any: a
 * check-in's protective set, issued item by item, and a keeper's receipt of the same items (one batch, or two recorded
 * in one transaction), run together again and again, never wait for each other in a circle (PostgreSQL would end one
 * of them as a deadlock).
 */
class StockLockOrderIntegrationTests extends IntegrationTest {

	private static final List<String> SET = List.of("FACE-SHIELD", "GLOVES", "N95", "SHOE-COVERS", "SUIT");

	private static final int ROUNDS = 60;

	private static final AtomicLong ASSIGNMENT = new AtomicLong(900_000_000 + System.nanoTime() % 1_000_000);

	@Autowired
	private SupplyChecks checks;

	@Autowired
	private Ledger ledger;

	@Test
	void checkInSetsAndReceiptsOfTheSameItemsAtTheSamePostRunTogetherWithoutADeadlock() throws Exception {
		String community = jdbc.sql("""
				SELECT a.code FROM area a WHERE a.level = 'COMMUNITY' AND NOT EXISTS (
				  SELECT 1 FROM supplies_stock s WHERE s.place = 'COMMUNITY:' || a.code)
				ORDER BY a.code LIMIT 1""").query(String.class).single();
		String place = "COMMUNITY:" + community;
		SuppliesFixture fixture = new SuppliesFixture(api(), jdbc);
		LocalDate expires = LocalDate.now(clock).plusYears(1);
		SET.forEach(item -> fixture.receive(place, item, 2 * ROUNDS, lot(item), expires(item, expires)));
		List<Long> assignments = new ArrayList<>();
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < ROUNDS; round++) {
				long assignment = ASSIGNMENT.incrementAndGet();
				assignments.add(assignment);
				jdbc.sql("""
						INSERT INTO supplies_check_in_set (assignment_id, item_code, place, wanted, checked_in_at)
						SELECT :a, i, :place, 1, :at FROM unnest(:items::text[]) AS i""")
					.param("a", assignment).param("place", place).param("at", Timestamp.from(clock.instant()))
					.param("items", SET.toArray(String[]::new))
					.update();
				List<Map<String, Object>> receipts = SET.stream()
					.map(item -> SuppliesFixture.movement("RECEIPT", item, 1, null, place, lot(item),
							expires(item, expires), null))
					.toList();
				CyclicBarrier start = new CyclicBarrier(2);
				Future<Long> checkIn = threads.submit(() -> {
					start.await();
					return checks.takeOwedSets();
				});
				boolean twoBatches = round % 2 == 1;
				Future<String> receipt = threads.submit(() -> {
					start.await();
					// Every other round the receipts come as two batches recorded in one transaction, as the demo's do.
					return twoBatches ? inTwoBatches(place, expires).toString()
							: fixture.send("admin", receipts).toString();
				});
				assertThat(receipt.get(60, TimeUnit.SECONDS)).as("round %d", round).doesNotContain("REJECTED");
				assertThat(checkIn.get(60, TimeUnit.SECONDS)).as("round %d", round).isGreaterThanOrEqualTo(SET.size());
			}
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(jdbc.sql("""
				SELECT count(*) FROM supplies_check_in_set WHERE assignment_id = ANY (:a) AND issued < wanted""")
			.param("a", assignments.toArray(Long[]::new)).query(Long.class).single()).isZero();
		for (String item : SET) {
			assertThat(fixture.stockRows(place, item)).as(item).isEqualTo(2 * ROUNDS + ROUNDS - ROUNDS)
				.isEqualTo(fixture.ledgerSum(place, item));
		}
	}

	private List<BatchResult> inTwoBatches(String place, LocalDate expires) {
		List<NewMovement> receipts = SET.stream()
			.map(item -> new NewMovement(UUID.randomUUID().toString(), "RECEIPT", item, 1L, null, place, lot(item),
					lot(item) == null ? null : expires.toString(), null, null, null))
			.toList();
		List<MovementBatch> batches = List.of(new MovementBatch(receipts.subList(0, 2)),
				new MovementBatch(receipts.subList(2, SET.size())));
		return SignedIn.as(new Viewer(0, "admin", Set.of(Role.ADMIN), "320602"), () -> ledger.record(batches));
	}

	private static String lot(String item) {
		return item.equals("FACE-SHIELD") || item.equals("SHOE-COVERS") ? null : "LO-" + item;
	}

	private static LocalDate expires(String item, LocalDate date) {
		return lot(item) == null ? null : date;
	}
}
