package org.frontline.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.frontline.support.Api.Response;
import org.frontline.support.Browser;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

class EnterpriseBrowserTests extends IntegrationTest {

	@Test
	void theLiaisonFilesTheDailyReportOnAPhone() {
		EnterpriseFixture f = new EnterpriseFixture(api());
		long enterprise = f.enterprise();
		long loop = f.loop(enterprise);
		String liaison = f.liaison(enterprise);
		f.roster(f.as(liaison), loop, List.of(EnterpriseFixture.newcomer("吴一", "甲班", "101"),
				EnterpriseFixture.newcomer("郑二", "乙班", "102")));
		try (Browser browser = new Browser(baseUrl())) {
			browser.phone().login(liaison, EnterpriseFixture.PASSWORD).open("/enterprise/loops/" + loop);
			assertThat(browser.text(By.id("loop-headcount"))).isEqualTo("2");
			assertThat(browser.text(By.id("loop-untested"))).isEqualTo("2");
			assertThat(browser.driver().findElements(By.cssSelector("#untested-list td.card-title")))
				.extracting(WebElement::getText)
				.containsExactlyInAnyOrder("吴一", "郑二");
			assertThat(browser.overflow()).isZero();
			WebElement tested = browser.find(By.id("r-tested"));
			tested.clear();
			tested.sendKeys("2");
			browser.find(By.id("r-problems")).sendKeys("需要口罩 500 个");
			browser.find(By.id("report-send")).click();
			browser.waitFor(By.id("done"));
			assertThat(browser.text(By.id("done"))).isEqualTo("日报已报送。");
			assertThat(browser.text(By.id("report-filed"))).contains("今日日报已于");
			assertThat(browser.overflow()).isZero();
		}
		Map<String, Object> row = jdbc.sql("SELECT in_loop, tested, problems, filed_by FROM enterprise_report WHERE loop_id = :l")
			.param("l", loop).query().singleRow();
		assertThat(row).containsEntry("in_loop", 2).containsEntry("tested", 2).containsEntry("problems", "需要口罩 500 个")
			.containsEntry("filed_by", liaison);
	}

	@Test
	void theCommandSeesEveryLoopWithTestedTodayAndTheReportsState() {
		EnterpriseFixture f = new EnterpriseFixture(api());
		long enterprise = f.enterprise();
		long loop = f.loop(enterprise);
		f.roster(f.as(f.liaison(enterprise)), loop, List.of(EnterpriseFixture.newcomer("冯三", "甲班", "201")));
		for (String width : List.of("phone", "laptop")) {
			try (Browser browser = new Browser(baseUrl())) {
				(width.equals("phone") ? browser.phone() : browser.laptop()).login("commander", DEMO_PASSWORD)
					.open("/enterprise");
				// The list refreshes itself every 30 s: each read finds the row again.
				String row = ".loop-row[data-loop='" + loop + "'] ";
				assertThat(browser.text(By.cssSelector(row + "[data-field=headcount]"))).isEqualTo("1");
				assertThat(browser.text(By.cssSelector(row + "[data-field=tested]"))).isEqualTo("0");
				assertThat(browser.text(By.cssSelector(row + "[data-field=report]"))).isIn("待报", "逾期未报");
				assertThat(browser.overflow()).as(width).isZero();
				browser.clickAndWaitForNextPage(By.cssSelector(row + "td.card-title a"));
				browser.waitFor(By.id("loop-figures"));
				assertThat(browser.currentPath()).isEqualTo("/enterprise/loops/" + loop);
			}
		}
		try (Browser browser = new Browser(baseUrl())) {
			browser.acceptLanguage("en").laptop().login("commander", DEMO_PASSWORD).open("/enterprise");
			assertThat(browser.text(By.tagName("h1"))).isEqualTo("Enterprises in closed loop");
		}
	}

	@Test
	void aLoopThatBeginsTomorrowIsListedAsNotBegunAndAsksItsLiaisonForNoReportYet() {
		EnterpriseFixture f = new EnterpriseFixture(api());
		long enterprise = f.enterprise();
		Instant tomorrow = clock.instant().plus(Duration.ofDays(1));
		long loop = f.loop(enterprise, tomorrow);
		String liaison = f.liaison(enterprise);
		f.roster(f.as(liaison), loop, List.of(EnterpriseFixture.newcomer("卫四", "甲班", "301")));
		try {
			JsonNode listed = listed(loop);
			assertThat(listed.get("begun").asBoolean()).isFalse();
			assertThat(listed.get("reportMissing").asBoolean()).isFalse();
			try (Browser browser = new Browser(baseUrl())) {
				browser.phone().login(liaison, EnterpriseFixture.PASSWORD).open("/");
				// Nothing to file for a loop that has not begun: today's report would be refused.
				assertThat(browser.text(By.cssSelector("a.work-figure[data-key='enterprise.home.report-due'] strong")))
					.isEqualTo("0");
				browser.open("/enterprise/loops/" + loop);
				assertThat(browser.text(By.id("loop-begins"))).startsWith("将于").endsWith("开始闭环");
				assertThat(browser.text(By.tagName("main"))).as("not in closed loop yet").doesNotContain("闭环中");
				assertThat(browser.text(By.id("report-not-yet"))).startsWith("闭环开始后报送");
				assertThat(browser.driver().findElements(By.id("report-form"))).isEmpty();
				assertThat(browser.overflow()).isZero();
			}
			try (Browser browser = new Browser(baseUrl())) {
				browser.phone().login("commander", DEMO_PASSWORD).open("/enterprise");
				String row = ".loop-row[data-loop='" + loop + "'] ";
				assertThat(browser.text(By.cssSelector(row + ".loop-begins"))).isEqualTo("尚未开始");
				assertThat(browser.text(By.cssSelector(row + "td.card-title"))).doesNotContain("闭环中");
				assertThat(browser.text(By.cssSelector(row + "[data-field=report]"))).isEqualTo("—");
				// The figures count the loops begun, as the command centre does; the rest are said apart.
				int rows = browser.driver().findElements(By.cssSelector(".loop-row")).size();
				int later = browser.driver().findElements(By.cssSelector(".loop-row .loop-begins")).size();
				assertThat(browser.text(By.id("loops-begun"))).isEqualTo(Integer.toString(rows - later));
				assertThat(browser.text(By.id("loops-later"))).contains(Integer.toString(later));
				assertThat(browser.overflow()).isZero();
			}
		}
		finally {
			// Lifted when it would have begun, so that no other test meets it.
			Response ended = api().as("commander").post("/api/v1/loops/" + loop + "/end",
					Map.of("at", listed(loop).get("startsAt").asString()));
			assertThat(ended.status()).as(ended.body()).isEqualTo(200);
		}
	}

	/** The loop as the command's list of loops has it. */
	private JsonNode listed(long loop) {
		JsonNode listed = null;
		for (JsonNode l : api().as("commander").get("/api/v1/loops").json()) {
			listed = l.get("loopId").asLong() == loop ? l : listed;
		}
		assertThat(listed).as("loop %d in the list", loop).isNotNull();
		return listed;
	}
}
