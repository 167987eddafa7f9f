package org.frontline.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frontline.testing.TestingFixture.event;
import static org.frontline.testing.TestingFixture.results;
import static org.frontline.testing.TestingFixture.send;
import static org.frontline.testing.TestingFixture.unique;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.frontline.support.Api;
import org.frontline.support.Browser;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

class SiteLiveIntegrationTests extends IntegrationTest {

	@Test
	void theLiveFiguresShowQueueWaitThroughputAndAdviseMoreStationsWhenTheWaitIsLong() {
		TestingFixture fixture = new TestingFixture(api());
		long round = fixture.openRound(10);
		Map<String, Object> body = Map.of("name", unique("碧林湾中心广场-"), "kind", "FIXED", "area",
				TestingFixture.BILINWAN, "location", "中心广场", "stations", 1);
		long site = api().as("admin").post("/api/v1/sites", body).json().get("id").asLong();
		String leaderName = fixture.siteUser(site, "SITE_LEADER");
		Api.As leader = fixture.asUser(leaderName);
		Instant now = Instant.now();
		String tube = unique("T");
		List<Map<String, Object>> events = new ArrayList<>();
		events.add(event("TUBE_OPENED", "roundId", round, "siteId", site, "tubeCode", tube));
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String code = fixture.code(fixture.person(TestData.BILINWAN_COMPOUND));
			codes.add(code);
			Map<String, Object> checkIn = event("CHECKED_IN", "roundId", round, "siteId", site, "personCode", code,
					"temperature", 36.5);
			checkIn.put("at", now.minus(Duration.ofMinutes(25)).toString());
			events.add(checkIn);
		}
		for (int i = 0; i < 2; i++) {
			Map<String, Object> sampled = event("SAMPLED", "tubeCode", tube, "personCode", codes.get(i));
			sampled.put("at", now.minus(Duration.ofMinutes(5)).toString());
			events.add(sampled);
		}
		assertThat(results(send(leader, events))).extracting(r -> r.get("status").asString()).containsOnly("ACCEPTED");

		JsonNode live = leader.get("/api/v1/sites/" + site + "/live").json();
		assertThat(live.get("queue").asLong()).isEqualTo(8);
		assertThat(live.get("medianWaitMinutes").asDouble()).isEqualTo(20.0);
		assertThat(live.get("throughputPerStationPerHour").asDouble()).isEqualTo(2.0);
		assertThat(live.get("openTubes").asLong()).isEqualTo(1);
		assertThat(live.get("sampledToday").asLong()).isEqualTo(2);
		assertThat(live.get("estimatedWaitMinutes").asDouble()).isEqualTo(240.0);
		assertThat(live.get("moreStationsNeeded").asInt()).isEqualTo(9);

		try (Browser browser = new Browser(baseUrl())) {
			browser.login(leaderName, DEMO_PASSWORD + "-Strong!9").open("/testing/live?site=" + site);
			assertThat(browser.text(By.id("live-queue"))).isEqualTo("8");
			assertThat(browser.text(By.id("live-advice"))).contains("9");
			results(send(leader, List.of(event("CHECKED_IN", "roundId", round, "siteId", site, "personCode",
					fixture.code(fixture.person(TestData.BILINWAN_COMPOUND)), "temperature", 38.1))));
			results(send(leader, List.of(event("SAMPLED", "tubeCode", tube, "personCode", codes.get(2)))));
			browser.waitUntil(Duration.ofSeconds(25), d -> "7".equals(d.findElement(By.id("live-queue")).getText())
						&& "1".equals(d.findElement(By.id("live-fever")).getText()));
			browser.waitUntil(Duration.ofSeconds(15), d -> d.findElement(By.id("live-alerts")).getText().contains("38.1"));
		}
	}
}
