package org.frontline.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.frontline.support.Browser;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

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
}
