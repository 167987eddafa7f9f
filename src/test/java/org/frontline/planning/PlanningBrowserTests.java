package org.frontline.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.frontline.support.Browser;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The commander plans a round on a phone: the plan, its charts, a proposal applied, and a what-if for one site. */
class PlanningBrowserTests extends IntegrationTest {

	@Test
	void theCommanderPlansARoundAppliesAProposalAndTriesMoreStationsAtASite() {
		PlanningFixture fixture = new PlanningFixture(api());
		String community = fixture.community(1, "浏览社区");
		String busy = fixture.compound(community, 1, "浏览花园");
		String quiet = fixture.compound(community, 2, "浏览新村");
		fixture.residents(busy, 1_500, 0);
		fixture.residents(quiet, 200, 0);
		long tooSmall = fixture.site("浏览花园采样点", "FIXED", busy, 1);
		long roomy = fixture.site("浏览新村采样点", "FIXED", quiet, 4);
		ZoneId zone = ZoneId.of("Asia/Shanghai");
		Instant start = LocalDate.now(zone).plusDays(1).atTime(7, 0).atZone(zone).toInstant();
		long round = fixture.round(start);

		try (Browser browser = new Browser(baseUrl())) {
			browser.phone().login("commander", DEMO_PASSWORD).open("/planning");
			browser.find(By.xpath("//a[contains(@class,'plan-link')][@href='/planning/rounds/" + round + "']")).click();
			assertThat(browser.waitFor(By.id("plan-none")).getText()).contains("还没有规划");
			browser.find(By.id("plan-submit")).click();
			browser.waitFor(By.id("plan-figures"));
			assertThat(browser.text(By.id("plan-residents"))).isEqualTo("1,700");
			assertThat(browser.text(By.id("plan-missing"))).isEqualTo("1 / 2");
			assertThat(browser.text(By.id("plan-assumptions"))).contains("每小时 200 人", "默认值");

			WebElement card = browser.find(By.id("site-" + tooSmall));
			assertThat(card.findElement(By.cssSelector(".meets")).getText()).isEqualTo("不达标");
			assertThat(card.findElement(By.cssSelector(".site-violations")).getText()).contains("平均要等约");
			assertThat(card.findElement(By.cssSelector(".site-staff")).getText())
				.as("one station's two people and the site's two").isEqualTo("4");
			wait(browser).until(d -> d.findElements(By.cssSelector(".site-chart[data-drawn=true]")).size() == 2);
			assertThat(browser.find(By.cssSelector("#site-" + tooSmall + " .site-chart canvas")).isDisplayed()).isTrue();
			assertThat(browser.find(By.id("site-" + roomy)).findElement(By.cssSelector(".meets")).getText()).isEqualTo("达标");
			assertThat(browser.overflow()).isZero();

			// A what-if: three stations instead of one in every hour.
			browser.driver().executeScript("arguments[0].open = true;", card.findElement(By.tagName("details")));
			List<WebElement> hours = card.findElements(By.cssSelector(".hour-input input"));
			assertThat(hours).hasSize(5);
			assertThat(card.findElements(By.cssSelector(".hour-input span")).get(0).getText()).isEqualTo("07:00");
			for (WebElement hour : hours) {
				hour.clear();
				hour.sendKeys("3");
			}
			click(browser, card.findElement(By.cssSelector(".what-if-submit")));
			WebElement tried = wait(browser).until(d -> d.findElement(By.cssSelector("#site-" + tooSmall + ".tried")));
			assertThat(tried.findElement(By.cssSelector(".what-if-badge")).getText()).isEqualTo("试算结果");
			assertThat(tried.findElement(By.cssSelector(".meets")).getText()).isEqualTo("达标");
			assertThat(tried.findElement(By.cssSelector(".site-staff")).getText()).isEqualTo("8");
			assertThat(browser.currentPath()).as("answered in place").isEqualTo("/planning/rounds/" + round);
			wait(browser).until(d -> d.findElements(By.cssSelector("#site-" + tooSmall + " .site-chart[data-drawn=true]")).size() == 1);
			assertThat(api().as("commander").get("/api/v1/rounds/" + round + "/plan").json().get("proposals").asInt())
				.as("a what-if stores nothing")
				.isPositive();

			// The recommended proposal, applied, then the plan made again.
			WebElement proposal = browser.find(By.cssSelector("tr.proposal.recommended"));
			assertThat(proposal.getText()).contains("加开采样台", "浏览花园采样点", "加");
			click(browser, proposal.findElement(By.cssSelector("button.apply")));
			assertThat(browser.waitFor(By.id("plan-applied")).getText()).contains("已采纳");
			assertThat(browser.find(By.cssSelector("tr.proposal.recommended .applied")).getText()).contains("已采纳");
			click(browser, browser.find(By.id("plan-submit")));
			browser.waitFor(By.id("plan-figures"));
			assertThat(browser.text(By.id("plan-missing"))).isEqualTo("0 / 2");
			assertThat(browser.find(By.id("proposals-none")).isDisplayed()).isTrue();

			browser.laptop();
			assertThat(browser.overflow()).isZero();
			click(browser, browser.find(By.linkText("实际与规划")));
			assertThat(browser.waitFor(By.id("actual-arrivals")).getText()).isEqualTo("0");
		}
	}

	/**
	 * Scrolls the element to the middle of the screen at once first: Bootstrap scrolls smoothly, and a click on an
	 * element still gliding into view lands on the page under it.
	 */
	private static void click(Browser browser, WebElement element) {
		browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
	}

	private static org.openqa.selenium.support.ui.FluentWait<org.openqa.selenium.WebDriver> wait(Browser browser) {
		return new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
	}
}
