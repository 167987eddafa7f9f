package org.frontline.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.frontline.support.Api.Response;
import org.frontline.support.Browser;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import tools.jackson.databind.JsonNode;

/** Each role's home page opens on the figures of its work, each a link to where that work is done. */
class HomePagesBrowserTests extends IntegrationTest {

	private static final Map<String, List<String>> WORK = Map.of(
			"commander", List.of("home.work.positivePools", "home.work.freeRooms", "planning.home.unplanned",
					"planning.home.sites-missing"),
			"admin", List.of("home.work.openTasks", "home.work.openAnomalies", "planning.home.unplanned"),
			"community", List.of("home.work.residents", "home.work.positivePools"),
			"facility", List.of("home.work.freeRooms", "home.work.openAnomalies", "home.work.arrivals"),
			"leader1", List.of("home.work.queue", "home.work.sampledToday", "home.work.openTubes"),
			"registrar1", List.of("home.work.queue", "home.work.sampledToday"),
			"lab1", List.of("home.work.boxesOnTheWay", "home.work.tubesAwaitingResult"));

	@Test
	void everyRoleWithAModuleOnItsWorkSeesThoseFiguresFirstOnAPhone() {
		try (Browser browser = new Browser(baseUrl())) {
			for (Map.Entry<String, List<String>> user : WORK.entrySet()) {
				browser.driver().manage().deleteAllCookies();
				browser.phone().login(user.getKey(), DEMO_PASSWORD);
				List<String> keys = browser.driver()
					.findElements(By.cssSelector("#home-work .work-figure"))
					.stream()
					.map(figure -> figure.getDomAttribute("data-key"))
					.toList();
				assertThat(keys).as(user.getKey()).containsAll(user.getValue());
				assertThat(browser.find(By.id("home-work")).getLocation().getY()).as(user.getKey())
					.isLessThan(browser.find(By.id("home-cards")).getLocation().getY());
			}
		}
	}

	private static final Map<String, List<String>> FRONT_LINE = Map.of(
			"coordinator", List.of("workforce.home.on-duty", "workforce.home.gap", "workforce.home.no-shows",
					"workforce.home.pending"),
			"unit", List.of("workforce.home.on-duty", "workforce.home.no-shows"),
			"volunteer", List.of("workforce.home.next-shifts", "workforce.home.week-hours", "workforce.home.rest-due"),
			"enterprise1", List.of("enterprise.home.staff", "enterprise.home.tested", "enterprise.home.report-due",
					"enterprise.home.report-missing"));

	@Autowired
	private MessageSource messages;

	@Test
	void coordinatorsVolunteersAndLiaisonsSeeTheirWorkOnAPhoneInBothLanguages() {
		try (Browser browser = new Browser(baseUrl())) {
			for (Map.Entry<String, List<String>> user : FRONT_LINE.entrySet()) {
				browser.driver().manage().deleteAllCookies();
				browser.phone().login(user.getKey(), DEMO_PASSWORD);
				for (Locale language : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
					browser.open("/?lang=" + language);
					for (String key : user.getValue()) {
						By figure = By.cssSelector("#home-work [data-key='" + key + "']");
						assertThat(browser.text(By.cssSelector("#home-work [data-key='" + key + "'] span")))
							.as(user.getKey() + " " + language)
							.isEqualTo(messages.getMessage(key, null, language));
						assertThat(browser.text(By.cssSelector("#home-work [data-key='" + key + "'] strong")))
							.as(user.getKey() + " " + key)
							.matches("[0-9,]+");
						assertThat(browser.find(figure).getDomAttribute("href")).as(user.getKey() + " " + key)
							.startsWith("/");
					}
					assertThat(browser.overflow()).as(user.getKey() + " " + language + ": " + browser.overflowing())
						.isZero();
				}
			}
		}
		// The liaison's figures are their loop's: the same as the command's list of loops says.
		JsonNode loop = api().as("enterprise1").get("/api/v1/loops").json().get(0);
		try (Browser browser = new Browser(baseUrl())) {
			browser.phone().login("enterprise1", DEMO_PASSWORD);
			assertThat(figure(browser, "enterprise.home.staff")).isEqualTo(loop.get("headcount").asLong());
			assertThat(figure(browser, "enterprise.home.tested")).isEqualTo(loop.get("testedToday").asLong());
			browser.clickAndWaitForNextPage(By.cssSelector("[data-key='enterprise.home.staff']"));
			assertThat(browser.currentPath()).isEqualTo("/enterprise/loops/" + loop.get("loopId").asLong());
		}
	}

	@Test
	void theCommandersHomePageCountsTheRoundsStillToPlan() {
		try (Browser browser = new Browser(baseUrl())) {
			browser.phone().login("commander", DEMO_PASSWORD);
			long before = figure(browser, "planning.home.unplanned");
			Instant startsAt = Instant.now().plusSeconds(86_400);
			Response created = api().as("admin")
				.post("/api/v1/rounds", Map.of("name", "首页待规划轮次", "areas", List.of(TestData.BILINWAN_COMPOUND),
						"startsAt", startsAt.toString(), "endsAt", startsAt.plusSeconds(86_400).toString(), "poolSize",
						10));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			browser.open("/");
			assertThat(figure(browser, "planning.home.unplanned")).isEqualTo(before + 1);

			Response planned = api().as("commander")
				.post("/api/v1/rounds/" + created.json().get("id").asLong() + "/plan", Map.of("runs", 2));
			assertThat(planned.status()).as(planned.body()).isEqualTo(201);
			browser.open("/");
			assertThat(figure(browser, "planning.home.unplanned")).isEqualTo(before);
			browser.clickAndWaitForNextPage(browser.find(By.cssSelector("[data-key='planning.home.unplanned']")));
			assertThat(browser.currentPath()).isEqualTo("/planning");
		}
	}

	private static long figure(Browser browser, String key) {
		return Long.parseLong(browser.text(By.cssSelector("#home-work [data-key='" + key + "'] strong")).replace(",", ""));
	}
}
