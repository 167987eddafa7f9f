package org.frontline.supplies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.frontline.planning.RoundPlanned;
import org.frontline.planning.RoundPlanned.SiteNeeds;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/**
 * What the round planner says a site needs for a round becomes the site's planned use: everything spread over the
 * round's days before it starts, the protective sets alone over the days left once it has started, the round's latest
 * plan only.
 */
@EnableScenarios
class RoundNeedsIntegrationTests extends IntegrationTest {

	private static final AtomicLong ROUND = new AtomicLong(800_000_000 + System.nanoTime() % 1_000_000);

	@Test
	void aRoundsPlanLaysInItsSitesTubesSwabsAndProtectiveSetsBeforeItStartsAndOnlyTheLatestPlanCounts(
			Scenario scenario) {
		long site = jdbc.sql("SELECT max(id) FROM testing_site").query(Long.class).single();
		String place = "SITE:" + site;
		SuppliesFixture fixture = new SuppliesFixture(api(), jdbc);
		LocalDate expiry = LocalDate.now(clock).plusDays(100);
		for (String item : List.of("TUBE-5", "SWAB", "SUIT", "GLOVES")) {
			fixture.receive(place, item, 1_000, "R-" + item, expiry);
		}
		awaitEventListeners();
		Map<String, Double> before = dailyUse(place);
		long round = ROUND.incrementAndGet();
		Instant now = Instant.now(clock);
		Instant starts = now.plus(Duration.ofDays(1));
		Instant ends = starts.plus(Duration.ofDays(2));

		scenario.publish(planned(round, 7, starts, ends, site, 40, 200, 6))
			.andWaitForStateChange(() -> rows(round), n -> n > 0);
		// Two days of round: half of each need a day; a set is one suit and two pairs of gloves (the seeded norms).
		Map<String, Double> first = dailyUse(place);
		assertThat(first.get("TUBE-5") - before.get("TUBE-5")).isCloseTo(20.0, within(1e-6));
		assertThat(first.get("SWAB") - before.get("SWAB")).isCloseTo(100.0, within(1e-6));
		assertThat(first.get("SUIT") - before.get("SUIT")).isCloseTo(3.0, within(1e-6));
		assertThat(first.get("GLOVES") - before.get("GLOVES")).isCloseTo(6.0, within(1e-6));

		// An earlier plan delivered late changes nothing; a later one replaces the needs.
		scenario.publish(planned(round, 6, starts, ends, site, 400, 2_000, 60)).andWaitForStateChange(() -> true);
		awaitEventListeners();
		assertThat(dailyUse(place)).isEqualTo(first);
		scenario.publish(planned(round, 8, starts, ends, site, 10, 50, 2))
			.andWaitForStateChange(() -> quantity(round, "SUIT"), q -> q == 2.0);
		Map<String, Double> latest = dailyUse(place);
		assertThat(latest.get("TUBE-5") - before.get("TUBE-5")).isCloseTo(5.0, within(1e-6));
		assertThat(latest.get("SUIT") - before.get("SUIT")).isCloseTo(1.0, within(1e-6));

		// A round already under way: its tubes and swabs follow the sampling still to do, its sets the days left.
		long started = ROUND.incrementAndGet();
		scenario.publish(planned(started, 1, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(4)), site, 40,
				200, 8))
			.andWaitForStateChange(() -> rows(started), n -> n > 0);
		Map<String, Double> under = dailyUse(place);
		assertThat(under.get("TUBE-5")).isCloseTo(latest.get("TUBE-5"), within(1e-6));
		assertThat(under.get("SWAB")).isCloseTo(latest.get("SWAB"), within(1e-6));
		assertThat(under.get("SUIT") - latest.get("SUIT")).isCloseTo(2.0, within(1e-3));
	}

	private static RoundPlanned planned(long round, long plan, Instant starts, Instant ends, long site, int tubes,
			int swabs, int sets) {
		return new RoundPlanned(round, plan, starts, ends, List.of(new SiteNeeds(site, Map.of(5, tubes), swabs, sets)));
	}

	private long rows(long round) {
		return jdbc.sql("SELECT count(*) FROM supplies_round_need WHERE round_id = :r").param("r", round)
			.query(Long.class).single();
	}

	private double quantity(long round, String item) {
		return jdbc.sql("SELECT coalesce(max(quantity), -1) FROM supplies_round_need WHERE round_id = :r AND item_code = :i")
			.param("r", round).param("i", item).query(Double.class).single();
	}

	/** The planned daily use per item of the place, as the stock API reports it (0 where nothing plans it yet). */
	private Map<String, Double> dailyUse(String place) {
		Map<String, Double> use = new java.util.HashMap<>();
		for (String item : List.of("TUBE-5", "SWAB", "SUIT", "GLOVES")) {
			var row = api().as("admin").get("/api/v1/stock?place=" + place + "&item=" + item).json().get("items").get(0);
			use.put(item, "PLANNED".equals(row.get("basis").asString()) ? row.get("dailyUse").asDouble() : 0.0);
		}
		return use;
	}
}
