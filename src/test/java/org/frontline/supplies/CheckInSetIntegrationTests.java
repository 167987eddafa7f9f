package org.frontline.supplies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.frontline.application.EventPublications;
import org.frontline.support.IntegrationTest;
import org.frontline.workforce.PostKind;
import org.frontline.workforce.ShiftRole;
import org.frontline.workforce.WorkerCheckedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/**
 * A sampler's check-in at a post takes one protective set (the SAMPLER_SHIFT norms) from the post's stock, once, however
 * often the check-in is delivered; what the post lacks stays owed until its stock arrives.
 */
@EnableScenarios
class CheckInSetIntegrationTests extends IntegrationTest {

	private static final AtomicLong ASSIGNMENT = new AtomicLong(800_000_000 + System.nanoTime() % 1_000_000);

	/** The seeded norm: one protective set per sampler shift. */
	private static final Map<String, Long> SET = new LinkedHashMap<>();

	static {
		SET.put("SUIT", 1L);
		SET.put("N95", 1L);
		SET.put("GLOVES", 2L);
		SET.put("FACE-SHIELD", 1L);
		SET.put("SHOE-COVERS", 1L);
	}

	@Autowired
	private EventPublications publications;

	@Autowired
	private SupplyChecks checks;

	@Test
	void aSamplersCheckInTakesOneProtectiveSetFromThePostOnceHoweverOftenItIsDelivered(Scenario scenario) {
		long site = jdbc.sql("SELECT max(id) FROM testing_site").query(Long.class).single();
		String place = "SITE:" + site;
		SuppliesFixture fixture = new SuppliesFixture(api(), jdbc);
		LocalDate expires = LocalDate.now(clock).plusYears(1);
		SET.forEach((item, quantity) -> fixture.receive(place, item, 3 * quantity, lot(item), expires(item, expires)));
		Map<String, Long> before = usable(fixture, place);
		long assignment = ASSIGNMENT.incrementAndGet();
		WorkerCheckedIn checkIn = new WorkerCheckedIn(7, assignment, 7, 7, PostKind.SITE, Long.toString(site),
				"320602", ShiftRole.SAMPLER, Instant.now(clock));

		scenario.publish(checkIn).andWaitForStateChange(() -> owed(assignment), owed -> owed == 0);
		SET.forEach((item, quantity) -> assertThat(fixture.usable("admin", place, item)).as(item)
			.isEqualTo(before.get(item) - quantity));

		// Delivered a second time, and once more by the redelivery of a publication left failed.
		scenario.publish(checkIn).andWaitForStateChange(() -> owed(assignment), owed -> owed == 0);
		awaitEventListeners();
		jdbc.sql("""
				INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
				                               completion_attempts)
				SELECT :lost, listener_id, event_type, serialized_event, publication_date - interval '5 minutes', 'FAILED', 1
				FROM event_publication WHERE event_type = :type AND serialized_event LIKE :assignment
				  AND listener_id LIKE 'org.frontline.supplies.%' LIMIT 1""")
			.param("lost", UUID.randomUUID())
			.param("type", WorkerCheckedIn.class.getName())
			.param("assignment", "%\"assignmentId\":" + assignment + ",%")
			.update();
		publications.redeliver();
		awaitEventListeners();

		SET.forEach((item, quantity) -> {
			assertThat(fixture.usable("admin", place, item)).as(item).isEqualTo(before.get(item) - quantity);
			assertThat(issuedFor(assignment, item)).as(item).isEqualTo(quantity);
		});
	}

	@Test
	void whatThePostCannotGiveStaysOwedWithAnAlertUntilItsStockArrivesAndOtherRolesTakeNoSet(Scenario scenario) {
		String community = jdbc.sql("""
				SELECT a.code FROM area a WHERE a.level = 'COMMUNITY' AND NOT EXISTS (
				  SELECT 1 FROM supplies_stock s WHERE s.place = 'COMMUNITY:' || a.code AND s.quantity > 0)
				ORDER BY a.code DESC LIMIT 1""").query(String.class).single();
		String place = "COMMUNITY:" + community;
		SuppliesFixture fixture = new SuppliesFixture(api(), jdbc);
		LocalDate expires = LocalDate.now(clock).plusYears(1);
		SET.forEach((item, quantity) -> {
			if (!item.equals("FACE-SHIELD")) {
				fixture.receive(place, item, 2 * quantity, lot(item), expires(item, expires));
			}
		});
		long registrar = ASSIGNMENT.incrementAndGet();
		scenario.publish(new WorkerCheckedIn(8, registrar, 8, 8, PostKind.COMMUNITY, community, community,
				ShiftRole.REGISTRAR, Instant.now(clock))).andWaitForStateChange(() -> true);
		long sampler = ASSIGNMENT.incrementAndGet();

		scenario.publish(new WorkerCheckedIn(9, sampler, 9, 9, PostKind.COMMUNITY, community, community,
				ShiftRole.SAMPLER, Instant.now(clock))).andWaitForStateChange(() -> owed(sampler), owed -> owed == 1);
		awaitEventListeners();
		assertThat(issuedFor(registrar, "SUIT")).isZero();
		assertThat(fixture.usable("admin", place, "SUIT")).isEqualTo(1);
		assertThat(fixture.usable("admin", place, "FACE-SHIELD")).isZero();
		assertThat(issuedFor(sampler, "FACE-SHIELD")).isZero();
		String shortKey = "check-in-short:" + place + ":FACE-SHIELD";
		assertThat(raised("check-in-short:" + place + ":%")).containsExactly(shortKey);
		assertThat(commandAlert(shortKey)).isEqualTo("URGENT OPEN");

		fixture.receive(place, "FACE-SHIELD", 5, null, null);
		assertThat(checks.takeOwedSets()).isGreaterThanOrEqualTo(1);
		assertThat(owed(sampler)).isZero();
		assertThat(raised("check-in-short:" + place + ":%")).as("cleared once the set is taken").isEmpty();
		awaitEventListeners();
		assertThat(commandAlert(shortKey)).isEqualTo("URGENT CLOSED");
		assertThat(issuedFor(sampler, "FACE-SHIELD")).isEqualTo(1);
		assertThat(fixture.usable("admin", place, "FACE-SHIELD")).isEqualTo(4);
		checks.takeOwedSets();
		assertThat(fixture.usable("admin", place, "FACE-SHIELD")).isEqualTo(4);
	}

	private static String lot(String item) {
		return item.equals("FACE-SHIELD") || item.equals("SHOE-COVERS") ? null : "CI-" + item;
	}

	private static LocalDate expires(String item, LocalDate date) {
		return lot(item) == null ? null : date;
	}

	private Map<String, Long> usable(SuppliesFixture fixture, String place) {
		Map<String, Long> usable = new LinkedHashMap<>();
		SET.keySet().forEach(item -> usable.put(item, fixture.usable("admin", place, item)));
		return usable;
	}

	/** Items of the check-in's set not (fully) issued yet; -1 before the set is recorded. */
	private long owed(long assignment) {
		return jdbc.sql("""
				SELECT CASE WHEN count(*) = 0 THEN -1 ELSE count(*) FILTER (WHERE issued < wanted) END
				FROM supplies_check_in_set WHERE assignment_id = :a""").param("a", assignment).query(Long.class).single();
	}

	private java.util.List<String> raised(String keys) {
		return jdbc.sql("SELECT key FROM supplies_alert WHERE key LIKE :k ORDER BY key").param("k", keys)
			.query(String.class).list();
	}

	/** The severity and status of the alert in the command's inbox, once it has arrived there. */
	private String commandAlert(String key) {
		awaitEventListeners();
		return jdbc.sql("SELECT severity || ' ' || status FROM command_alert WHERE source = 'supplies' AND key = :k")
			.param("k", key).query(String.class).single();
	}

	/** What the ledger issued for the check-in's set. */
	private long issuedFor(long assignment, String item) {
		return jdbc.sql("""
				SELECT coalesce(sum(quantity), 0) FROM supplies_movement
				WHERE type = 'ISSUE' AND item_code = :i AND reason = :reason""")
			.param("i", item).param("reason", "check-in " + assignment).query(Long.class).single();
	}
}
