package org.frontline.supplies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.frontline.quarantine.Destination;
import org.frontline.quarantine.StayReleased;
import org.frontline.quarantine.StayStarted;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import tools.jackson.databind.JsonNode;

/** Stays in a facility plan its living supplies: each occupied room uses the per-room-and-day norms. */
@EnableScenarios
class FacilityOccupancyIntegrationTests extends IntegrationTest {

	private static final AtomicLong STAY = new AtomicLong(900_000_000 + System.nanoTime() % 1_000_000);

	@Test
	void eachStayInAFacilityPlansTheRoomNormsUntilItIsReleased(Scenario scenario) {
		long facility = jdbc.sql("SELECT min(id) FROM quarantine_facility").query(Long.class).single();
		String place = "FACILITY:" + facility;
		SuppliesFixture fixture = new SuppliesFixture(api(), jdbc);
		fixture.receive(place, "MEAL", 600, null, null);
		long stays = jdbc.sql("SELECT count(*) FROM supplies_facility_stay WHERE facility_id = :f").param("f", facility)
			.query(Long.class).single();
		long first = STAY.incrementAndGet();
		long second = STAY.incrementAndGet();

		scenario.publish(new StayStarted(first, facility, 1, Instant.now()))
			.andWaitForStateChange(() -> count(facility), n -> n == stays + 1);
		scenario.publish(new StayStarted(second, facility, 2, Instant.now()))
			.andWaitForStateChange(() -> count(facility), n -> n == stays + 2);
		scenario.publish(new StayStarted(second, facility, 2, Instant.now()))
			.andWaitForStateChange(() -> count(facility), n -> n == stays + 2);

		JsonNode meal = meal(place);
		long usable = meal.get("usable").asLong();
		// Three meals per occupied room and day (the seeded norm).
		assertThat(meal.get("basis").asString()).isEqualTo("PLANNED");
		assertThat(meal.get("dailyUse").asDouble()).isCloseTo(3.0 * (stays + 2), within(1e-9));
		assertThat(meal.get("days").asDouble()).isCloseTo(usable / (3.0 * (stays + 2)), within(1e-9));

		scenario.publish(new StayReleased(first, 1L, Destination.HOME, "320602001001", null))
			.andWaitForStateChange(() -> count(facility), n -> n == stays + 1);
		assertThat(meal(place).get("dailyUse").asDouble()).isCloseTo(3.0 * (stays + 1), within(1e-9));
	}

	private long count(long facility) {
		return jdbc.sql("SELECT count(*) FROM supplies_facility_stay WHERE facility_id = :f").param("f", facility)
			.query(Long.class).single();
	}

	private JsonNode meal(String place) {
		return api().as("admin").get("/api/v1/stock?place=" + place + "&item=MEAL").json().get("items").get(0);
	}
}
