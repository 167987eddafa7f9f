package org.frontline.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.frontline.quarantine.Intake;
import org.frontline.quarantine.Intakes;
import org.frontline.quarantine.StayStarted;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.SignedIn;
import org.frontline.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An event stored with its transaction but never delivered (the instance stopped before its listener ran, or the
 * listener failed) is delivered again: here a publication left failed is picked up by the redelivery job.
 */
class EventRedeliveryIntegrationTests extends IntegrationTest {

	private static final Viewer STAFF = new Viewer(0, "facility-staff", Set.of(Role.ADMIN, Role.FACILITY_STAFF), "320602");

	@Autowired
	private Intakes intakes;

	@Autowired
	private EventPublications publications;

	@Test
	void aPublicationLeftUndeliveredIsDeliveredAgain() {
		Response created = api().as("community").post("/api/v1/people", Map.of("name", "重投测试", "idNumber",
				TestData.residentId(), "area", TestData.CHENYUAN_COMPOUND));
		long person = created.json().get("id").asLong();
		long facility = jdbc.sql("""
				SELECT facility_id FROM quarantine_room WHERE status = 'AVAILABLE'
				GROUP BY facility_id ORDER BY count(*) DESC, facility_id LIMIT 1""").query(Long.class).single();
		SignedIn.as(STAFF, () -> intakes.intake(facility,
				new Intake(person, null, null, "CLOSE_CONTACT", null, null, null, null, null, null)));
		awaitEventListeners();
		assertThat(exemptions(person)).isPositive();

		// As after a crash: testing's listener's work is not there, its publication is left failed (other modules
		// listen to the same event with publications of their own).
		jdbc.sql("DELETE FROM testing_exemption WHERE person_id = :p").param("p", person).update();
		UUID lost = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
				                               completion_attempts)
				SELECT :lost, listener_id, event_type, serialized_event, publication_date - interval '5 minutes', 'FAILED', 1
				FROM event_publication WHERE event_type = :type AND serialized_event LIKE :person
				  AND listener_id LIKE 'org.frontline.testing.%' LIMIT 1""")
			.param("lost", lost)
			.param("type", StayStarted.class.getName())
			.param("person", "%\"personId\":" + person + ",%")
			.update();

		publications.redeliver();
		awaitEventListeners();

		assertThat(exemptions(person)).isPositive();
		assertThat(completion(lost)).isPresent();
	}

	private long exemptions(long person) {
		return jdbc.sql("SELECT count(*) FROM testing_exemption WHERE person_id = :p AND reason = 'IN_QUARANTINE'")
			.param("p", person).query(Long.class).single();
	}

	private Optional<Object> completion(UUID id) {
		return jdbc.sql("SELECT completion_date FROM event_publication WHERE id = :id").param("id", id)
			.query((rs, n) -> (Object) rs.getTimestamp(1)).optional().filter(v -> v != null);
	}
}
