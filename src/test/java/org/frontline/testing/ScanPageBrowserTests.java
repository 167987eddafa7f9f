package org.frontline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.frontline.support.Browser;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

class ScanPageBrowserTests extends IntegrationTest {

	@Test
	void aRegistrarScansATubeAndPeopleConfirmsAResampleAndKeepsScanningOffline() {
		TestingFixture fixture = new TestingFixture(api());
		long round = fixture.openRound(10);
		long site = fixture.site(TestingFixture.BILINWAN);
		String registrar = fixture.siteUser(site, "REGISTRAR");
		long first = fixture.person(TestData.BILINWAN_COMPOUND);
		String firstCode = fixture.code(first);
		String idNumber = TestData.residentId();
		long byId = fixture.person(TestData.BILINWAN_COMPOUND, "李建国", idNumber, TestData.phone(), java.util.List.of());
		long offlineA = fixture.person(TestData.BILINWAN_COMPOUND);
		long offlineB = fixture.person(TestData.BILINWAN_COMPOUND);
		String tube = TestingFixture.unique("T");
		String secondTube = TestingFixture.unique("T");

		try (Browser browser = new Browser(baseUrl())) {
			browser.login(registrar, DEMO_PASSWORD + "-Strong!9").open("/testing/scan");
			browser.waitFor(By.id("scan-input"));
			new Select(browser.find(By.id("round"))).selectByValue(String.valueOf(round));
			new Select(browser.find(By.id("site"))).selectByValue(String.valueOf(site));

			scan(browser, tube);
			awaitAnswer(browser, "ok", tube);
			scan(browser, firstCode);
			awaitAnswer(browser, "ok", "王*明 1/10");
			scan(browser, firstCode);
			awaitAnswer(browser, "bad", "已在本管中");

			browser.find(By.id("id-number")).sendKeys(idNumber + Keys.ENTER);
			awaitAnswer(browser, "ok", "李*国 2/10");

			scan(browser, secondTube);
			awaitAnswer(browser, "ok", secondTube);
			scan(browser, firstCode);
			awaitAnswer(browser, "bad", "本轮已采样");
			browser.find(By.id("confirm-resample")).click();
			awaitAnswer(browser, "ok", "复采");
			assertThat(count("SELECT count(*) FROM testing_sample WHERE person_id = :p AND resample", first)).isEqualTo(1);

			ChromeDriver chrome = (ChromeDriver) browser.driver();
			chrome.executeCdpCommand("Network.enable", Map.of());
			chrome.executeCdpCommand("Network.emulateNetworkConditions",
					Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
			scan(browser, fixture.code(offlineA));
			scan(browser, fixture.code(offlineB));
			wait(browser).until(d -> "2".equals(d.findElement(By.id("pending-count")).getText()));
			wait(browser).until(d -> d.findElement(By.id("net-status")).getText().contains("离线"));
			assertThat(count("SELECT count(*) FROM testing_sample WHERE person_id IN (:p)", offlineA, offlineB)).isZero();

			chrome.executeCdpCommand("Network.emulateNetworkConditions",
					Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
			wait(browser).until(d -> "0".equals(d.findElement(By.id("pending-count")).getText()));
			assertThat(browser.text(By.id("tube-count"))).isEqualTo("3/10");
			assertThat(count("SELECT count(*) FROM testing_sample WHERE person_id IN (:p)", offlineA, offlineB))
				.isEqualTo(2);
			assertThat(count("SELECT count(*) FROM testing_sample WHERE person_id = :p", byId)).isEqualTo(1);
		}
		// The page's event ids are time-ordered UUIDs (version 7): each begins with the milliseconds of its scan.
		var events = jdbc.sql("SELECT event_id, at FROM testing_scan_event WHERE tube_code IN (:tubes) ORDER BY at")
			.param("tubes", java.util.List.of(tube, secondTube))
			.query((rs, row) -> Map.entry(rs.getObject(1, java.util.UUID.class), rs.getTimestamp(2).toInstant()))
			.list();
		assertThat(events).hasSizeGreaterThanOrEqualTo(8);
		for (var event : events) {
			assertThat(event.getKey().version()).isEqualTo(7);
			assertThat(event.getKey().getMostSignificantBits() >>> 16).isCloseTo(event.getValue().toEpochMilli(),
					org.assertj.core.data.Offset.offset(5L));
		}
	}

	private static void scan(Browser browser, String value) {
		browser.find(By.id("scan-input")).sendKeys(value + Keys.ENTER);
	}

	private static org.openqa.selenium.support.ui.FluentWait<org.openqa.selenium.WebDriver> wait(Browser browser) {
		return new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
	}

	private static void awaitAnswer(Browser browser, String kind, String text) {
		wait(browser).until(d -> {
			var answer = d.findElement(By.id("answer"));
			return answer.getAttribute("class").contains(kind) && answer.getText().contains(text);
		});
	}

	private long count(String sql, Object... people) {
		return jdbc.sql(sql.replace(":p", people.length == 1 ? ":p" : ":p"))
			.param("p", people.length == 1 ? people[0] : java.util.List.of(people))
			.query(Long.class)
			.single();
	}
}
