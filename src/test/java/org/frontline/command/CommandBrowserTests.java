package org.frontline.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frontline.command.CommandFixture.await;
import static org.frontline.command.CommandFixture.unique;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.Browser;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

class CommandBrowserTests extends IntegrationTest {

	/** A figure's value, read in one script so that a refresh swapping the section in between cannot interfere. */
	private long figure(Browser browser, String id) {
		Object value = browser.driver().executeScript(
				"var e = document.querySelector(\"[data-figure='\" + arguments[0] + \"']\"); return e ? e.dataset.value : null;", id);
		assertThat(value).as("figure " + id).isNotNull();
		return Long.parseLong(String.valueOf(value));
	}

	/** Signs the commander in and waits until the sign-in has landed, so that the next page is not overtaken by it. */
	private static void signIn(Browser browser) {
		browser.login("commander", DEMO_PASSWORD);
		await(() -> !browser.currentPath().startsWith("/login"));
	}

	private long scrollY(Browser browser) {
		return ((Number) browser.driver().executeScript("return Math.round(window.scrollY);")).longValue();
	}

	/** Opens a round over the district with a site in 碧林湾社区 and a registrar there; answers the registrar's API. */
	private Api.As[] registrarAndSite(long[] siteOut) {
		Instant now = Instant.now();
		Response round = api().as("admin").post("/api/v1/rounds", Map.of("name", unique("指挥部测试轮次-"), "areas",
				List.of("320602"), "startsAt", now.minus(1, ChronoUnit.HOURS).toString(), "endsAt",
				now.plus(1, ChronoUnit.DAYS).toString(), "poolSize", 10));
		assertThat(round.status()).as(round.body()).isEqualTo(201);
		long roundId = round.json().get("id").asLong();
		assertThat(api().as("admin").post("/api/v1/rounds/" + roundId + "/open", "").status()).isEqualTo(200);
		Response site = api().as("admin").post("/api/v1/sites", Map.of("name", unique("指挥部测试采样点-"), "kind", "FIXED",
				"area", CommandFixture.BILINWAN, "location", "广场", "stations", 2));
		assertThat(site.status()).as(site.body()).isEqualTo(201);
		siteOut[0] = site.json().get("id").asLong();
		siteOut[1] = roundId;
		String username = unique("cmd-reg-");
		Response user = api().as("admin").post("/api/v1/users", Map.of("username", username, "password",
				CommandFixture.PASSWORD, "roles", List.of("REGISTRAR"), "site", siteOut[0]));
		assertThat(user.status()).as(user.body()).isEqualTo(201);
		return new Api.As[] { CommandFixture.as(api(), username) };
	}

	private static Map<String, Object> event(String type, Object... pairs) {
		Map<String, Object> event = new HashMap<>();
		event.put("eventId", Api.uuid());
		event.put("type", type);
		event.put("at", Instant.now().toString());
		for (int i = 0; i < pairs.length; i += 2) {
			event.put((String) pairs[i], pairs[i + 1]);
		}
		return event;
	}

	private void sample(Api.As registrar, long round, long site) {
		Response person = api().as("admin").post("/api/v1/people", Map.of("name", "指挥测试", "idType", "RESIDENT_ID",
				"idNumber", TestData.residentId(), "phone", TestData.phone(), "area", TestData.BILINWAN_COMPOUND, "address",
				Map.of("building", "3", "unit", "2", "room", "501"), "tags", List.of()));
		assertThat(person.status()).as(person.body()).isEqualTo(201);
		String code = api().as("admin").get("/api/v1/people/" + person.json().get("id").asLong() + "/code").json()
			.get("payload").asString();
		String tube = unique("CT");
		Response sent = registrar.post("/api/v1/scans", Map.of("deviceId", "command-test", "events",
				List.of(event("TUBE_OPENED", "roundId", round, "siteId", site, "tubeCode", tube, "poolSize", 10),
						event("SAMPLED", "tubeCode", tube, "personCode", code))));
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		assertThat(sent.body()).doesNotContain("REJECTED");
	}

	private void takeRoom(long facility) {
		String category = jdbc.sql("SELECT code FROM quarantine_category ORDER BY id LIMIT 1").query(String.class).single();
		Response stay = api().as("facility").post("/api/v1/facilities/" + facility + "/stays", Map.of("name", "指挥测试",
				"phone", "13900001111", "category", category));
		assertThat(stay.status()).as(stay.body()).isEqualTo(201);
	}

	@Test
	void theLiveViewUpdatesItselfWhenAScanArrivesAndWhenARoomIsTakenOnAWallScreenAndAPhone() {
		long[] ids = new long[2];
		Api.As registrar = registrarAndSite(ids)[0];
		long facility = jdbc.sql("""
				SELECT f.id FROM quarantine_facility f JOIN quarantine_room r ON r.facility_id = f.id
				WHERE f.area_code LIKE '320602%' GROUP BY f.id
				HAVING count(*) FILTER (WHERE r.status = 'AVAILABLE') >= 2 ORDER BY f.id LIMIT 1""")
			.query(Long.class).single();
		try (Browser browser = new Browser(baseUrl())) {
			for (boolean phone : new boolean[] { false, true }) {
				if (phone) {
					browser.phone();
				}
				else {
					browser.laptop();
				}
				if (!phone) {
					signIn(browser);
				}
				browser.open("/command");
				browser.waitFor(By.id("part-testing"));
				assertThat(browser.overflow()).as(browser.overflowing()).isZero();
				assertThat(browser.text(By.cssSelector("#part-testing .as-of"))).matches("\\d\\d:\\d\\d");
				browser.waitFor(By.id("part-workforce"));
				browser.waitFor(By.id("part-supplies"));
				assertThat(browser.text(By.cssSelector("[data-figure='supplies.leastCover'] strong")))
					.as("days of cover with one decimal").matches("[\\d,]+\\.\\d");
				long samples = figure(browser, "testing.samplesToday");
				long occupied = figure(browser, "quarantine.occupied");
				browser.driver().executeScript("window.scrollTo({ top: 400, behavior: 'instant' });");
				await(() -> scrollY(browser) > 0);
				long scrolled = scrollY(browser);

				sample(registrar, ids[1], ids[0]);
				await(() -> figure(browser, "testing.samplesToday") == samples + 1);
				takeRoom(facility);
				await(() -> figure(browser, "quarantine.occupied") == occupied + 1);
				assertThat(scrollY(browser)).as("the page kept its place").isEqualTo(scrolled);
			}

			browser.laptop().open("/command");
			// The live view replaces its parts every 10 s: find the figure again for each step.
			String shown = browser.text(By.cssSelector("[data-figure='quarantine.available'] strong"));
			browser.clickAndWaitForNextPage(By.cssSelector("[data-figure='quarantine.available']"));
			browser.waitFor(By.id("capacity-district"));
			assertThat(browser.text(By.cssSelector("#capacity-district [data-field=available]")))
				.as("the figure and the page it links to agree").isEqualTo(shown);

			browser.phone().open("/command");
			String needed = browser.text(By.cssSelector("[data-figure='workforce.needed'] strong"));
			String gap = browser.text(By.cssSelector("[data-figure='workforce.gap'] strong"));
			browser.clickAndWaitForNextPage(By.cssSelector("[data-figure='workforce.needed']"));
			browser.waitFor(By.id("duty-needed"));
			assertThat(browser.currentPath()).isEqualTo("/workforce?area=" + CommandFixture.DISTRICT);
			assertThat(browser.text(By.id("duty-needed"))).as("the figure and the page it links to agree").isEqualTo(needed);
			assertThat(browser.text(By.id("duty-gap"))).isEqualTo(gap);
			assertThat(browser.overflow()).as(browser.overflowing()).isZero();
		}
	}

	@Test
	void aCommanderIssuesADailyReportAndDownloadsItsPdfAndWorkbook() throws Exception {
		try (Browser browser = new Browser(baseUrl())) {
			signIn(browser.phone());
			browser.open("/command/reports");
			assertThat(browser.driver().findElements(By.id("report-generate"))).as(browser.driver().getPageSource())
				.hasSize(1);
			browser.find(By.id("report-generate")).click();
			browser.waitFor(By.id("reports-list"));
			assertThat(browser.overflow()).as(browser.overflowing()).isZero();
			String pdf = browser.find(By.cssSelector("#reports-list .report-pdf")).getAttribute("href");
			String xlsx = browser.find(By.cssSelector("#reports-list .report-xlsx")).getAttribute("href");
			Cookie session = browser.driver().manage().getCookieNamed("FRONTLINE_SESSION");
			HttpClient client = HttpClient.newHttpClient();
			HttpResponse<byte[]> file = client.send(HttpRequest.newBuilder(URI.create(pdf))
				.header("Cookie", "FRONTLINE_SESSION=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(file.statusCode()).isEqualTo(200);
			assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains(".pdf");
			assertThat(new String(file.body(), 0, 5)).isEqualTo("%PDF-");
			HttpResponse<byte[]> workbook = client.send(HttpRequest.newBuilder(URI.create(xlsx))
				.header("Cookie", "FRONTLINE_SESSION=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(workbook.statusCode()).isEqualTo(200);
			assertThat(new String(workbook.body(), 0, 2)).isEqualTo("PK");
		}
	}
}
