package org.frontline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.frontline.quarantine.Destination;
import org.frontline.quarantine.Intake;
import org.frontline.quarantine.Intakes;
import org.frontline.quarantine.ReleaseForm;
import org.frontline.quarantine.Releases;
import org.frontline.quarantine.Stay;
import org.frontline.quarantine.StayStarted;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.SignedIn;
import org.frontline.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/**
 * Quarantine's stays and testing's rounds meet only through events: a stay of a registered resident starts
 * ({@link StayStarted}) and testing counts them apart in its open rounds; the stay ends and testing counts them again.
 */
@EnableScenarios
class QuarantineExemptionIntegrationTests extends IntegrationTest {

	private static final Viewer STAFF = new Viewer(0, "facility-staff", Set.of(Role.ADMIN, Role.FACILITY_STAFF), "320602");

	@Autowired
	private Intakes intakes;

	@Autowired
	private Releases releases;

	@Test
	void aResidentStayingInAFacilityIsCountedApartInTheOpenRoundsUntilTheStayEnds(Scenario scenario) {
		long round = districtRound();
		long person = resident();

		scenario.stimulate(() -> SignedIn.as(STAFF, () -> admit(person)))
			.andWaitForStateChange(() -> exemption(round, person))
			.andVerify((reason, stay) -> {
				assertThat(reason).contains("IN_QUARANTINE");
				assertThat(stay.personId()).isEqualTo(person);
			});
		assertThat(auditRows(person, "EXEMPTION_SET", round)).isOne();

		long stayId = jdbc.sql("SELECT id FROM quarantine_stay WHERE person_id = :p AND status = 'ACTIVE'")
			.param("p", person).query(Long.class).single();
		scenario.stimulate(() -> SignedIn.as(STAFF,
				() -> releases.release(stayId, new ReleaseForm(Destination.HOSPITAL, "南通市第三人民医院", null))))
			.andWaitForStateChange(() -> exemption(round, person), Optional::isEmpty)
			.andVerify(none -> assertThat(auditRows(person, "EXEMPTION_REMOVE", round)).isOne());
	}

	@Test
	void aStayStartsAsAnEventOnlyOnceItsCommitted(Scenario scenario) {
		long person = resident();
		scenario.stimulate(() -> SignedIn.as(STAFF, () -> admit(person)))
			.andWaitForEventOfType(StayStarted.class)
			.matching(started -> started.personId() == person)
			.toArriveAndVerify((started, stay) -> {
				assertThat(started.stayId()).isEqualTo(stay.id());
				assertThat(jdbc.sql("""
						SELECT count(*) FROM event_publication WHERE event_type = :type AND serialized_event LIKE :stay
						  AND listener_id LIKE 'org.frontline.testing.%'""")
					.param("type", StayStarted.class.getName())
					.param("stay", "%\"stayId\":" + stay.id() + ",%")
					.query(Long.class).single()).as("stored with its transaction for the listener").isOne();
			});
		SignedIn.as(STAFF, () -> releases.release(jdbc.sql("SELECT id FROM quarantine_stay WHERE person_id = :p AND status = 'ACTIVE'")
			.param("p", person).query(Long.class).single(), new ReleaseForm(Destination.HOSPITAL, "南通市第三人民医院", null)));
	}

	@Test
	void anExemptionSomeoneGaveForAnotherReasonStaysWhenTheStayEnds(Scenario scenario) {
		long round = districtRound();
		long person = resident();
		Response away = api().as("commander").post("/api/v1/rounds/" + round + "/exemptions",
				Map.of("personId", person, "reason", "AWAY"));
		assertThat(away.status()).as(away.body()).isBetween(200, 204);

		scenario.stimulate(() -> SignedIn.as(STAFF, () -> admit(person)))
			.andWaitForEventOfType(StayStarted.class)
			.matching(started -> started.personId() == person)
			.toArrive();
		awaitEventListeners();
		assertThat(exemption(round, person)).contains("AWAY");

		long stayId = jdbc.sql("SELECT id FROM quarantine_stay WHERE person_id = :p AND status = 'ACTIVE'")
			.param("p", person).query(Long.class).single();
		SignedIn.as(STAFF, () -> releases.release(stayId, new ReleaseForm(Destination.HOSPITAL, "南通市第一人民医院", null)));
		awaitEventListeners();
		assertThat(exemption(round, person)).contains("AWAY");
	}

	private Stay admit(long person) {
		long facility = jdbc.sql("""
				SELECT facility_id FROM quarantine_room WHERE status = 'AVAILABLE'
				GROUP BY facility_id ORDER BY count(*) DESC, facility_id LIMIT 1""").query(Long.class).single();
		return intakes.intake(facility, new Intake(person, null, null, "CLOSE_CONTACT", null, null, null, null, null, null));
	}

	private long districtRound() {
		return jdbc.sql("""
				SELECT r.id FROM testing_round r JOIN testing_round_area a ON a.round_id = r.id
				WHERE r.status = 'OPEN' AND a.area_code = '320602' ORDER BY r.id LIMIT 1""").query(Long.class).single();
	}

	private long resident() {
		Response created = api().as("community").post("/api/v1/people", Map.of("name", "隔离测试", "idNumber",
				TestData.residentId(), "area", TestData.CHENYUAN_COMPOUND));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private Optional<String> exemption(long round, long person) {
		return jdbc.sql("SELECT reason FROM testing_exemption WHERE round_id = :r AND person_id = :p")
			.param("r", round).param("p", person).query(String.class).optional();
	}

	private long auditRows(long person, String action, long round) {
		return jdbc.sql("""
				SELECT count(*) FROM audit_entry WHERE action = :a AND record_type = 'person' AND record_id = :p
				  AND (detail LIKE :set OR detail LIKE :removed)""")
			.param("a", action).param("p", String.valueOf(person)).param("set", "round " + round + ":%")
			.param("removed", "round " + round + " (%")
			.query(Long.class).single();
	}
}
