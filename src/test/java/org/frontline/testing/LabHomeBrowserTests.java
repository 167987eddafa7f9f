package org.frontline.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frontline.testing.ResultsFixture.result;

import java.util.List;

import org.frontline.support.Browser;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

class LabHomeBrowserTests extends IntegrationTest {

	@Test
	void aLabsHomePageCountsTheBoxesOnTheWayToItAndTheReceivedTubesWithoutAResult() {
		ResultsFixture fixture = new ResultsFixture(api(), 10);
		fixture.tube(fixture.people(TestData.BILINWAN_COMPOUND, 2), 10, false);
		String received = fixture.tube(fixture.people(TestData.BILINWAN_COMPOUND, 1), 10, true);
		String answered = fixture.tube(fixture.people(TestData.BILINWAN_COMPOUND, 1), 10, true);
		fixture.post(fixture.labStaff, List.of(result(answered, "NEGATIVE")));
		try (Browser browser = new Browser(baseUrl())) {
			browser.phone().login(fixture.labUsername, DEMO_PASSWORD + "-Strong!9");
			assertThat(figure(browser, "home.work.boxesOnTheWay")).isEqualTo("1");
			assertThat(figure(browser, "home.work.tubesAwaitingResult")).isEqualTo("1");
			assertThat(browser.find(By.cssSelector("[data-key='home.work.tubesAwaitingResult']")).getDomAttribute("class"))
				.as("work waiting is marked").contains("alert-figure");

			fixture.post(fixture.labStaff, List.of(result(received, "NEGATIVE")));
			browser.open("/");
			assertThat(figure(browser, "home.work.tubesAwaitingResult")).isEqualTo("0");
			browser.clickAndWaitForNextPage(browser.find(By.cssSelector("[data-key='home.work.boxesOnTheWay']")));
			browser.waitFor(By.id("tube-form"));
			assertThat(browser.currentPath()).isEqualTo("/testing/results");
		}
	}

	private static String figure(Browser browser, String key) {
		return browser.text(By.cssSelector("#home-work [data-key='" + key + "'] strong"));
	}
}
