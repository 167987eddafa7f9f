package org.frontline.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frontline.testing.ResultsFixture.result;

import java.time.Duration;
import java.util.List;

import org.frontline.support.Browser;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

class ResultsBrowserTests extends IntegrationTest {

	@Test
	void theCommandersRoundPageShowsCoverageAsASortableTableAndAChartThatUpdatesItself() {
		ResultsFixture fixture = new ResultsFixture(api(), 10);
		fixture.tube(fixture.people(TestData.BILINWAN_COMPOUND, 2), 10, false);
		try (Browser browser = new Browser(baseUrl())) {
			browser.login("commander", DEMO_PASSWORD).open("/testing/rounds/" + fixture.round + "?refresh=2");
			browser.waitFor(By.cssSelector("#coverage-chart canvas"));
			WebElement table = browser.find(By.id("coverage-table"));
			assertThat(table.getText()).contains("碧林湾社区").contains("晨苑社区");
			long sampled = Long.parseLong(browser.find(By.id("round-sampled")).getDomAttribute("data-count"));
			assertThat(sampled).isGreaterThanOrEqualTo(2);
			assertThat(browser.find(By.id("coverage-chart")).getDomAttribute("data-bars")).isNotNull();

			browser.find(By.cssSelector("#coverage-table th[data-key='percent']")).click();
			browser.find(By.cssSelector("#coverage-table th[data-key='percent']")).click();
			// Read in one go: the table re-renders itself every two seconds.
			@SuppressWarnings("unchecked")
			List<Object> cells = (List<Object>) browser.driver().executeScript("""
					return Array.prototype.map.call(document.querySelectorAll('#coverage-table tbody tr td:nth-child(7)'),
					  function (td) { return td.textContent; });""");
			List<Double> percents = cells.stream().map(c -> Double.parseDouble(String.valueOf(c).replace("%", ""))).toList();
			assertThat(percents).hasSizeGreaterThan(2);
			assertThat(percents).isSortedAccordingTo((a, b) -> Double.compare(b, a));

			fixture.tube(fixture.people(TestData.BILINWAN_COMPOUND, 3), 10, false);
			browser.waitUntil(Duration.ofSeconds(20), d -> Long.parseLong(d.findElement(By.id("round-sampled")).getDomAttribute("data-count")) == sampled + 3);
			assertThat(browser.text(By.id("pool-advice"))).contains("Dorfman");
			browser.open("/testing/rounds/" + fixture.round + "/missing?area=320602001001");
			browser.waitFor(By.id("missing-list"));
			assertThat(browser.find(By.id("missing-export")).getDomAttribute("href")).contains("/missing/export");
		}
	}

	@Test
	void thePoolPageShowsTheWholeChainFromPositivePoolToSingleTubeResults() {
		ResultsFixture fixture = new ResultsFixture(api(), 10);
		List<Long> people = fixture.people(TestData.BILINWAN_COMPOUND, 2);
		String pool = fixture.tube(people, 10, true);
		fixture.post(fixture.labStaff, List.of(result(pool, "POSITIVE")));
		String single = fixture.tube(List.of(people.get(0)), 1, true, true);
		fixture.post(fixture.labStaff, List.of(result(single, "NEGATIVE")));
		try (Browser browser = new Browser(baseUrl())) {
			browser.login("admin", DEMO_PASSWORD).open("/testing/followups");
			assertThat(browser.find(By.id("inbox-pools")).getText()).contains(pool);
			browser.find(By.linkText(pool)).click();
			browser.waitFor(By.id("pool-members"));
			assertThat(browser.text(By.id("pool-outcome"))).isEqualTo("阳性");
			WebElement cleared = browser.find(By.cssSelector("#pool-members tr[data-person='" + people.get(0) + "']"));
			assertThat(cleared.getText()).contains("已排除").contains(single).contains("阴性");
			WebElement open = browser.find(By.cssSelector("#pool-members tr[data-person='" + people.get(1) + "']"));
			assertThat(open.getText()).contains("待复核").contains("碧林湾社区");
			// The form posts and the page comes back: wait for the new page, not the old one's table.
			browser.clickAndWaitForNextPage(open.findElement(By.cssSelector("button.take")));
			browser.waitFor(By.id("pool-members"));
			assertThat(browser.find(By.cssSelector("#pool-members tr[data-person='" + people.get(1) + "'] .task-holder"))
				.getText()).isEqualTo("admin");
		}
	}

	@Test
	void aPersonsHistoryShowsEachTubesOutcomeAndATubeNotTestedYetAsPendingOnly() {
		ResultsFixture fixture = new ResultsFixture(api(), 10);
		List<Long> people = fixture.people(TestData.BILINWAN_COMPOUND, 1);
		String pool = fixture.tube(people, 10, true);
		fixture.post(fixture.labStaff, List.of(result(pool, "NEGATIVE")));
		String again = fixture.tube(people, 1, false, true);
		try (Browser browser = new Browser(baseUrl())) {
			browser.phone().login("admin", DEMO_PASSWORD).open("/testing/people/" + people.get(0));
			browser.waitFor(By.id("person-history"));
			List<WebElement> rows = browser.driver().findElements(By.cssSelector("#person-history tbody tr"));
			assertThat(rows).hasSize(2);
			for (WebElement row : rows) {
				List<WebElement> badges = row.findElements(By.cssSelector("td:nth-child(5) .badge"));
				assertThat(badges).as("one badge per outcome, none empty").hasSize(1);
				String tube = row.findElement(By.cssSelector("td:nth-child(3)")).getText();
				assertThat(badges.get(0).getText()).isEqualTo(tube.contains(again) ? "待出结果" : "阴性");
			}
			assertThat(browser.overflow()).as(browser.overflowing()).isZero();
		}
	}

	@Test
	void aCommunityWorkerRecordsAResidentWhoCameForwardOnAPhone() {
		ResultsFixture fixture = new ResultsFixture(api(), 1);
		String idNumber = TestData.residentId();
		fixture.testing.person(TestData.CHENYUAN_COMPOUND, "林自报", idNumber, TestData.phone(), List.of());
		try (Browser browser = new Browser(baseUrl())) {
			browser.phone().login("community", DEMO_PASSWORD).open("/testing/followups");
			String wrong = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? "2" : "1");
			browser.find(By.id("self-report-id")).sendKeys(wrong);
			browser.clickAndWaitForNextPage(By.cssSelector("#self-report-form button[type=submit]"));
			assertThat(browser.text(By.id("error"))).contains("校验位");
			assertThat(browser.find(By.id("self-report-id")).getDomProperty("value")).as("the number is kept").isEqualTo(wrong);

			browser.find(By.id("self-report-id")).clear();
			browser.find(By.id("self-report-id")).sendKeys(idNumber);
			new Select(browser.find(By.id("self-report-kind"))).selectByValue("ANTIGEN_POSITIVE");
			browser.clickAndWaitForNextPage(By.cssSelector("#self-report-form button[type=submit]"));
			assertThat(browser.text(By.id("done"))).contains("已登记");
			assertThat(browser.text(By.id("self-reports"))).contains("林*").contains("抗原自测阳性").contains("待单管核酸")
				.contains("晨苑社区").doesNotContain("ANTIGEN_POSITIVE").doesNotContain(idNumber);
			assertThat(browser.overflow()).as("nothing wider than the phone").isZero();
		}
	}

	@Test
	void aLabPostsOneTubeThroughTheFormAndTheSameTubeAgainWithAnotherResultIsRefused() {
		ResultsFixture fixture = new ResultsFixture(api(), 10);
		String tube = fixture.tube(fixture.people(TestData.BILINWAN_COMPOUND, 1), 10, true);
		String labUser = fixture.labUsername;
		try (Browser browser = new Browser(baseUrl())) {
			browser.login(labUser, DEMO_PASSWORD + "-Strong!9").open("/testing/results");
			post(browser, tube, "NEGATIVE");
			assertThat(browser.text(By.id("tube-answer"))).contains("已录入");
			post(browser, tube, "POSITIVE");
			assertThat(browser.text(By.id("tube-answer"))).contains("已拒绝").contains("已有不同结果")
				.contains("这支采样管已有不同的结果（阴性）；如需更改，请填写原因进行更正。");
		}
	}

	@Test
	void aResidentLooksUpTheirOwnLatestResultOnThePublicPage() {
		ResultsFixture fixture = new ResultsFixture(api(), 10);
		String idNumber = TestData.residentId();
		String phone = TestData.phone();
		long person = fixture.testing.person(TestData.BILINWAN_COMPOUND, "陈小红", idNumber, phone, List.of());
		String tube = fixture.tube(List.of(person), 10, true);
		fixture.post(fixture.labStaff, List.of(result(tube, "NEGATIVE")));
		try (Browser browser = new Browser(baseUrl())) {
			browser.open("/public/code");
			browser.find(By.id("public-result-link")).click();
			browser.waitFor(By.id("result-name")).sendKeys("陈小红");
			browser.find(By.id("result-id")).sendKeys(idNumber);
			browser.find(By.id("result-phone")).sendKeys("13900000000");
			browser.find(By.id("result-submit")).click();
			assertThat(browser.waitFor(By.id("result-mismatch")).getText()).isNotBlank();
			assertThat(browser.find(By.id("result-id")).getDomProperty("value")).as("the form is kept").isEqualTo(idNumber);
			browser.find(By.id("result-phone")).clear();
			browser.find(By.id("result-phone")).sendKeys(phone);
			browser.find(By.id("result-submit")).click();
			assertThat(browser.waitFor(By.id("my-outcome")).getText()).isEqualTo("阴性");
			assertThat(browser.driver().getPageSource()).doesNotContain(idNumber);
		}
	}

	@Test
	void aResidentWhoMatchesButHasNoResultYetIsToldSoAndKeepsTheForm() {
		ResultsFixture fixture = new ResultsFixture(api(), 10);
		String idNumber = TestData.residentId();
		String phone = TestData.phone();
		fixture.testing.person(TestData.BILINWAN_COMPOUND, "周未采", idNumber, phone, List.of());
		try (Browser browser = new Browser(baseUrl())) {
			browser.phone().open("/public/result");
			browser.find(By.id("result-name")).sendKeys("周未采");
			browser.find(By.id("result-id")).sendKeys(idNumber);
			browser.find(By.id("result-phone")).sendKeys(phone);
			browser.find(By.id("result-submit")).click();
			assertThat(browser.waitFor(By.id("result-none")).getText()).contains("还没有您的检测结果");
			assertThat(browser.driver().findElements(By.id("result-mismatch"))).isEmpty();
			assertThat(browser.find(By.id("result-name")).getDomProperty("value")).isEqualTo("周未采");
			assertThat(browser.text(By.id("demo-banner"))).contains("演示环境");
		}
	}

	private static void post(Browser browser, String tube, String outcome) {
		browser.waitFor(By.id("form-tube")).sendKeys(tube);
		new Select(browser.find(By.id("form-outcome"))).selectByValue(outcome);
		browser.driver().executeScript("document.getElementById('form-tested').value = '2026-11-29T08:30';");
		browser.find(By.id("form-submit")).click();
		browser.waitFor(By.id("tube-answer"));
	}
}
