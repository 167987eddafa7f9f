package org.frontline.zones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frontline.zones.ZonesFixture.zone;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.frontline.support.Browser;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

class ZonesBrowserTests extends IntegrationTest {

	private ZonesFixture fixture;

	@BeforeEach
	void areas() {
		clock.reset();
		fixture = new ZonesFixture(api());
	}

	private Instant daysAgo(int days) {
		return LocalDate.now(clock).minusDays(days).atStartOfDay(clock.getZone()).toInstant();
	}

	@Test
	void theCommanderLiftsAnEligibleZoneFromTheBoardInOneStepAndTheNoticeIsPublished() {
		fixture.rule("LOCKDOWN", 1, 7, null, "CONTROL", daysAgo(9));
		fixture.rule("CONTROL", 10, 3, null, "PREVENTION", daysAgo(9));
		fixture.notice(daysAgo(7), List.of(zone(fixture.compound, List.of("2"), "LOCKDOWN")));
		fixture.notice(daysAgo(6), List.of(zone(fixture.compound, List.of("5"), "LOCKDOWN")));
		long eligible = fixture.zoneOn(fixture.compound, List.of("2")).get("id").asLong();
		long early = fixture.zoneOn(fixture.compound, List.of("5")).get("id").asLong();

		try (Browser browser = new Browser(baseUrl())) {
			browser.laptop().login("commander", DEMO_PASSWORD).open("/zones?area=" + fixture.subdistrict);
			browser.waitFor(By.id("board"));
			WebElement row = browser.find(By.id("zone-" + eligible));
			assertThat(row.getText()).contains("封控区", "2幢", "7");
			assertThat(row.findElement(By.className("lift")).isEnabled()).isTrue();
			assertThat(browser.find(By.id("zone-" + early)).findElement(By.className("lift")).isEnabled()).isFalse();

			new Select(row.findElement(By.name("to"))).selectByValue("CONTROL");
			browser.clickAndWaitForNextPage(row.findElement(By.className("lift")));
			browser.waitFor(By.id("done"));
			assertThat(browser.text(By.id("done"))).isEqualTo("已调整，并发布了相应通告。");
			assertThat(browser.driver().findElements(By.id("zone-" + eligible))).isEmpty();
		}
		JsonNode now = fixture.zoneOn(fixture.compound, List.of("2"));
		assertThat(now.get("level").asString()).isEqualTo("CONTROL");
		assertThat(now.get("previousId").asLong()).isEqualTo(eligible);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'ZONE_LIFT' AND record_id = :id")
			.param("id", String.valueOf(eligible)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aResidentPicksTheirCompoundOnAPhoneAndSeesItsLevelRulesAndEarliestLiftingDateWithoutPersonalData() {
		fixture.rule("LOCKDOWN", 1, 7, null, "CONTROL", daysAgo(4));
		fixture.rule("CONTROL", 10, 7, null, "PREVENTION", daysAgo(4));
		long resident = fixture.resident(fixture.compound, "3");
		String personal = jdbc.sql("SELECT name || '/' || id_number || '/' || phone FROM people_person WHERE id = :id")
			.param("id", resident).query(String.class).single();
		fixture.notice(daysAgo(3), List.of(zone(fixture.community, List.of(), "CONTROL"),
				zone(fixture.compound, List.of("3"), "LOCKDOWN")));

		try (Browser browser = new Browser(baseUrl())) {
			browser.phone().open("/public/zones");
			new Select(browser.waitFor(By.id("compound-pick"))).selectByValue(fixture.compound);
			browser.clickAndWaitForNextPage(browser.find(By.id("compound-submit")));
			browser.waitFor(By.id("zone-view"));
			assertThat(browser.text(By.id("zone-whole"))).contains("管控区",
					LocalDate.now(clock).minusDays(3).plusDays(7).toString());
			assertThat(browser.text(By.cssSelector(".zone-buildings-card"))).contains("3幢", "封控区", "单人单管");
			String page = browser.text(By.tagName("body"));
			for (String part : personal.split("/")) {
				assertThat(page).doesNotContain(part);
			}
			assertThat(browser.overflow()).as(browser.overflowing()).isZero();

			browser.acceptLanguage("en-US,en;q=0.9").open("/public/zones?area=" + fixture.compound);
			browser.waitFor(By.id("zone-view"));
			assertThat(browser.text(By.id("zone-whole"))).contains("Control zone");
			assertThat(browser.overflow()).as(browser.overflowing()).isZero();
		}
	}
}
