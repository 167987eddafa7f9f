package org.frontline.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.frontline.support.Api.Response;
import org.frontline.support.Browser;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/** What a worker and a coordinator do on the workforce pages, in Chromium against the running application. */
class WorkforceBrowserTests extends IntegrationTest {

	private final WorkforceFixture fixture = new WorkforceFixture(this::api);

	@Test
	void aVolunteerScansThePostersCodeAndChecksInOnTheirPhone() {
		Map.Entry<JsonNode, String> volunteer = fixture.signedInVolunteer();
		long worker = volunteer.getKey().get("id").asLong();
		Map<String, Object> post = WorkforceFixture.community(WorkforceFixture.CHENYUAN);
		Instant start = clock.instant().minus(Duration.ofMinutes(10));
		long shift = fixture.shift(post, "ORDER_KEEPER", start, start.plus(Duration.ofHours(3)), 1);
		fixture.assigned(shift, worker);
		String code = fixture.coordinator().get("/api/v1/shifts/" + shift).json().get("post").get("code").asString();
		try (Browser browser = new Browser(baseUrl())) {
			browser.phone().login(volunteer.getValue(), WorkforceFixture.USER_PASSWORD).open("/workforce/check-in/" + code);
			browser.waitFor(By.id("me-check-in")).click();
			assertThat(browser.waitFor(By.id("done")).getText()).isEqualTo("签到成功。");
			assertThat(browser.text(By.id("me-checked-in"))).contains("签到");
			assertThat(browser.find(By.id("me-check-out")).isDisplayed()).isTrue();
			assertThat(browser.overflow()).isZero();
		}
		Response shown = fixture.coordinator().get("/api/v1/shifts/" + shift);
		assertThat(shown.json().get("assignments").get(0).get("checkedInAt").isNull()).isFalse();
		assertThat(jdbc.sql("SELECT count(*) FROM workforce_attendance a JOIN workforce_assignment s"
				+ " ON s.id = a.assignment_id WHERE s.shift_id = :shift")
			.param("shift", shift)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theCoordinatorSeesTheGapCloseOnTheOnDutyPageAndChecksOutFromTheRoster() {
		JsonNode volunteer = fixture.volunteer();
		long worker = volunteer.get("id").asLong();
		Map<String, Object> post = WorkforceFixture.community(WorkforceFixture.CHENYUAN);
		Instant start = clock.instant().minus(Duration.ofMinutes(5));
		long shift = fixture.shift(post, "REGISTRAR", start, start.plus(Duration.ofHours(2)), 1);
		fixture.assigned(shift, worker);
		long postId = fixture.coordinator().get("/api/v1/shifts/" + shift).json().get("post").get("id").asLong();
		try (Browser browser = new Browser(baseUrl())) {
			browser.laptop().login("coordinator", DEMO_PASSWORD).open("/workforce?area=" + WorkforceFixture.CHENYUAN);
			WebElement row = browser.waitFor(By.id("duty-post-" + postId));
			int gapBefore = Integer.parseInt(row.findElement(By.className("duty-gap")).getText());
			assertThat(gapBefore).isPositive();
			Response in = fixture.checkIn(fixture.coordinator(), shift, worker, java.util.UUID.randomUUID().toString(),
					null);
			assertThat(in.status()).as(in.body()).isEqualTo(200);
			browser.waitUntil(Duration.ofSeconds(25), d -> Integer.parseInt(
					d.findElement(By.cssSelector("#duty-post-" + postId + " .duty-gap")).getText()) == gapBefore - 1);

			browser.open("/workforce/posts/" + postId);
			WebElement shiftRow = browser.waitFor(By.id("shift-" + shift));
			assertThat(shiftRow.getText()).contains(volunteer.get("name").asString(), "信息登记");
			assertThat(shiftRow.findElements(By.className("checked-in"))).hasSize(1);
			shiftRow.findElement(By.className("check-out")).click();
			assertThat(browser.waitFor(By.id("done")).getText()).isEqualTo("已签退。");
			assertThat(browser.find(By.id("shift-" + shift)).findElements(By.className("checked-out"))).hasSize(1);
			browser.phone();
			assertThat(browser.overflow()).isZero();
		}
	}

	@Test
	void aVolunteerSignsUpOnThePublicPageAndLandsPendingOnceWhateverTheyTry() {
		String idNumber = org.frontline.support.TestData.residentId();
		try (Browser browser = new Browser(baseUrl())) {
			for (int attempt = 0; attempt < 2; attempt++) {
				browser.phone().open("/public/volunteer");
				browser.waitFor(By.id("signup-name")).sendKeys("报名测试");
				browser.find(By.id("signup-id")).sendKeys(idNumber);
				browser.find(By.id("signup-phone")).sendKeys(org.frontline.support.TestData.phone());
				new org.openqa.selenium.support.ui.Select(browser.find(By.id("signup-community")))
					.selectByValue(WorkforceFixture.CHENYUAN);
				browser.find(By.id("skill-REGISTRATION")).click();
				browser.find(By.id("signup-submit")).click();
				assertThat(browser.waitFor(By.id("signup-done")).getText()).contains("报名已提交");
				assertThat(browser.overflow()).isZero();
			}
			browser.open("/public/volunteer");
			browser.waitFor(By.id("signup-name")).sendKeys("错号");
			browser.find(By.id("signup-id")).sendKeys("320602199001011234");
			browser.find(By.id("signup-phone")).sendKeys("12345");
			new org.openqa.selenium.support.ui.Select(browser.find(By.id("signup-community")))
				.selectByValue(WorkforceFixture.CHENYUAN);
			browser.find(By.id("signup-submit")).click();
			assertThat(browser.waitFor(By.id("signup-error")).getText()).isNotBlank();
		}
		assertThat(jdbc.sql("SELECT status FROM workforce_worker WHERE id_number = :id")
			.param("id", idNumber)
			.query(String.class)
			.list()).containsExactly("PENDING");
	}
}
