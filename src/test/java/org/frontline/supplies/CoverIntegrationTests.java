package org.frontline.supplies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.frontline.supplies.SuppliesFixture.movement;

import java.time.Duration;
import java.util.List;

import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class CoverIntegrationTests extends IntegrationTest {

	@Autowired
	private SupplyChecks checks;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void daysOfCoverAreTheUsableStockOverTheLastThreeDaysAverageUseByHand() {
		SuppliesFixture fixture = new SuppliesFixture(api(), jdbc);
		String warehouse = fixture.warehouse();
		clock.freeze();
		clock.advance(Duration.ofDays(-4));
		fixture.receive(warehouse, "WATER", 100, null, null);
		fixture.send("admin", List.of(movement("ISSUE", "WATER", 40, warehouse, null, null, null, null)));
		clock.advance(Duration.ofDays(1));
		fixture.send("admin", List.of(movement("ISSUE", "WATER", 6, warehouse, null, null, null, null)));
		clock.advance(Duration.ofDays(1));
		fixture.send("admin", List.of(movement("ISSUE", "WATER", 9, warehouse, null, null, null, null)));
		clock.advance(Duration.ofDays(1));
		fixture.send("admin", List.of(movement("ISSUE", "WATER", 12, warehouse, null, null, null, null)));
		clock.advance(Duration.ofDays(1));
		fixture.send("admin", List.of(movement("ISSUE", "WATER", 5, warehouse, null, null, null, null)));

		JsonNode water = api().as("admin").get("/api/v1/stock?place=" + warehouse + "&item=WATER").json().get("items")
			.get(0);

		// 100 - 40 - 6 - 9 - 12 - 5 = 28 usable; the last three whole days used 6 + 9 + 12 = 27, 9 a day; 28 / 9.
		assertThat(water.get("usable").asLong()).isEqualTo(28);
		assertThat(water.get("basis").asString()).isEqualTo("HISTORY");
		assertThat(water.get("dailyUse").asDouble()).isCloseTo(9.0, within(1e-9));
		assertThat(water.get("days").asDouble()).isCloseTo(28.0 / 9.0, within(1e-9));

		fixture.send("admin", List.of(movement("ISSUE", "WATER", 21, warehouse, null, null, null, null)));
		JsonNode district = api().as("admin").get("/api/v1/supplies/cover?area=320602").json();
		JsonNode line = null;
		for (JsonNode l : district.get("lines")) {
			if (l.get("place").get("place").get("kind").asString().equals("WAREHOUSE")
					&& warehouse.endsWith(":" + l.get("place").get("place").get("id").asString())
					&& l.get("item").get("code").asString().equals("WATER")) {
				line = l;
			}
		}
		assertThat(line).isNotNull();
		assertThat(line.get("days").asDouble()).as("7 left at 9 a day").isCloseTo(7.0 / 9.0, within(1e-9));
		double previous = -1;
		for (JsonNode l : district.get("lines")) {
			if (!l.get("days").isNull()) {
				assertThat(l.get("days").asDouble()).as("least cover first").isGreaterThanOrEqualTo(previous);
				previous = l.get("days").asDouble();
			}
		}

		checks.checkLowCover();
		String key = "low-cover:" + warehouse + ":WATER";
		assertThat(jdbc.sql("SELECT count(*) FROM supplies_alert WHERE key = :k").param("k", key).query(Long.class)
			.single()).as("under one day of cover raises an alert").isEqualTo(1);
		fixture.receive(warehouse, "WATER", 100, null, null);
		checks.checkLowCover();
		assertThat(jdbc.sql("SELECT count(*) FROM supplies_alert WHERE key = :k").param("k", key).query(Long.class)
			.single()).as("cleared once stocked again").isZero();
	}
}
