package org.frontline.supplies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TubeUseIntegrationTests extends IntegrationTest {

	@Autowired
	private SupplyChecks checks;

	@Test
	void tubesOpenedAtASiteTakeOneTubeAndPoolSizeSwabsEachOnceEvenWhenScansAreReplayed() {
		SuppliesFixture fixture = new SuppliesFixture(api(), jdbc);
		long round = openRound(10);
		long site = site();
		String place = "SITE:" + site;
		LocalDate expiry = LocalDate.now(clock).plusDays(100);
		fixture.receive(place, "TUBE-10", 5, "T-1", expiry);
		fixture.receive(place, "SWAB", 100, "S-1", expiry);
		Api.As registrar = registrar(site);
		List<Map<String, Object>> opened = List.of(tubeOpened(round, site), tubeOpened(round, site),
				tubeOpened(round, site));

		assertThat(scans(registrar, opened).status()).isEqualTo(200);
		checks.takeTubeUse();
		assertThat(scans(registrar, opened).status()).as("the same scans sent again").isEqualTo(200);
		checks.takeTubeUse();

		assertThat(fixture.usable("admin", place, "TUBE-10")).isEqualTo(2);
		assertThat(fixture.usable("admin", place, "SWAB")).isEqualTo(70);

		scans(registrar, List.of(tubeOpened(round, site), tubeOpened(round, site), tubeOpened(round, site)));
		checks.takeTubeUse();
		assertThat(fixture.usable("admin", place, "TUBE-10")).as("never below zero").isZero();
		assertThat(fixture.usable("admin", place, "SWAB")).isEqualTo(40);

		fixture.receive(place, "TUBE-10", 10, "T-2", expiry);
		checks.takeTubeUse();
		assertThat(fixture.usable("admin", place, "TUBE-10")).as("the tube owed is taken once stock arrives")
			.isEqualTo(9);
		assertThat(fixture.ledgerSum(place, "TUBE-10")).isEqualTo(9);
		assertThat(fixture.ledgerSum(place, "SWAB")).isEqualTo(40);
	}

	private long openRound(int poolSize) {
		Instant now = Instant.now();
		Response created = api().as("admin").post("/api/v1/rounds", Map.of("name", SuppliesFixture.unique("物资测试轮次-"),
				"areas", List.of("320602"), "startsAt", now.minus(1, ChronoUnit.HOURS).toString(), "endsAt",
				now.plus(1, ChronoUnit.DAYS).toString(), "poolSize", poolSize));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(api().as("admin").post("/api/v1/rounds/" + id + "/open", "").status()).isEqualTo(200);
		return id;
	}

	private long site() {
		Response created = api().as("admin").post("/api/v1/sites", Map.of("name", SuppliesFixture.unique("物资测试点-"),
				"kind", "FIXED", "area", TestData.BILINWAN_COMPOUND, "location", "中心广场", "stations", 2));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private Api.As registrar(long site) {
		String username = SuppliesFixture.unique("reg");
		Response created = api().as("admin").post("/api/v1/users", Map.of("username", username, "password",
				SuppliesFixture.PASSWORD, "roles", Set.of("REGISTRAR"), "site", site));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return api().as(username, SuppliesFixture.PASSWORD);
	}

	private static Map<String, Object> tubeOpened(long round, long site) {
		Map<String, Object> event = new HashMap<>();
		event.put("eventId", Api.uuid());
		event.put("type", "TUBE_OPENED");
		event.put("at", Instant.now().toString());
		event.put("roundId", round);
		event.put("siteId", site);
		event.put("tubeCode", SuppliesFixture.unique("TU"));
		event.put("poolSize", 10);
		return event;
	}

	private static Response scans(Api.As as, List<Map<String, Object>> events) {
		Response sent = as.post("/api/v1/scans", Map.of("deviceId", "supplies-test", "events", events));
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		sent.json().get("results").forEach(r -> assertThat(r.get("status").asString()).isIn("ACCEPTED", "DUPLICATE"));
		return sent;
	}
}
