package org.frontline.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frontline.support.FakeCamera.Shot.code128;
import static org.frontline.support.FakeCamera.Shot.nothing;
import static org.frontline.support.FakeCamera.Shot.qr;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.frontline.support.Browser;
import org.frontline.support.FakeCamera;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The scanning page's camera, filmed by Chromium's fake camera from a video of a tube label and a personal code. */
class ScanCameraBrowserTests extends IntegrationTest {

	@TempDir
	Path dir;

	@Test
	void theCameraReadsATubesCode128LabelAndSamplesAPersonOnceWhileTheirCodeIsHeldInFrontOfIt() {
		TestingFixture fixture = new TestingFixture(api());
		long round = fixture.openRound(10);
		long site = fixture.site(TestingFixture.BILINWAN);
		String registrar = fixture.siteUser(site, "REGISTRAR");
		long person = fixture.person(TestData.BILINWAN_COMPOUND);
		Path video = dir.resolve("camera.y4m");
		String tube = TestingFixture.unique("T");

		try (Browser browser = new Browser(baseUrl(), FakeCamera.arguments(video))) {
			// A phone's screen.
			browser.driver()
				.executeCdpCommand("Emulation.setDeviceMetricsOverride",
						Map.of("width", 390, "height", 800, "deviceScaleFactor", 1, "mobile", true));
			// Any content-security-policy violation on the page (the decoding library included) is noted.
			browser.driver()
				.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
						"window.cspViolations = []; document.addEventListener('securitypolicyviolation',"
								+ " function (e) { window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI); });"));
			browser.login(registrar, DEMO_PASSWORD + "-Strong!9").open("/testing/scan");
			browser.waitFor(By.id("scan-input"));
			new Select(browser.find(By.id("round"))).selectByValue(String.valueOf(round));
			new Select(browser.find(By.id("site"))).selectByValue(String.valueOf(site));

			// The tube's printed label (Code 128) for 12 s, then the person's code (QR) for 4 s, twice the page's 2 s
			// hold: one scan, not two. Both are checked against the page's decoder first, as the camera films them.
			String code = fixture.code(person);
			assertThat(FakeCamera.readable(browser, code128(tube, 12))).as("the tube label, as filmed").isTrue();
			assertThat(FakeCamera.readable(browser, qr(code, 4))).as("the personal code, as filmed").isTrue();
			FakeCamera.video(video, List.of(nothing(2), code128(tube, 12), nothing(1), qr(code, 4), nothing(16)));

			browser.find(By.id("camera-open")).click();
			wait(browser).until(d -> "on".equals(d.findElement(By.id("scan-page")).getDomAttribute("data-camera")));
			assertThat(browser.find(By.id("camera-status")).getText()).contains("摄像头已开启");
			assertThat(browser.find(By.id("camera-close")).isDisplayed()).isTrue();

			awaitAnswer(browser, "ok", "王*明 1/10");
			assertThat(browser.text(By.id("tube-code"))).isEqualTo(tube);
			// Until the stream has played past the held code (at 19 s), the page must not send it again.
			wait(browser).until(d -> played(browser) > 20);
			assertThat(browser.find(By.id("scan-page")).getDomAttribute("data-camera-scans")).isEqualTo("2");
			assertThat(browser.text(By.id("tube-count"))).isEqualTo("1/10");
			assertThat(browser.find(By.id("answer")).getText()).contains("王*明 1/10");
			assertThat(browser.driver().executeScript("return window.cspViolations;")).asList().isEmpty();

			browser.driver().executeScript(
					"window.cameraTrack = document.querySelector('#camera-view video').srcObject.getVideoTracks()[0];");
			browser.find(By.id("camera-close")).click();
			wait(browser).until(d -> "off".equals(d.findElement(By.id("scan-page")).getDomAttribute("data-camera")));
			wait(browser).until(d -> "ended".equals(browser.driver().executeScript("return window.cameraTrack.readyState;")));
			assertThat(browser.driver().findElements(By.cssSelector("#camera-view video"))).isEmpty();
			assertThat(browser.find(By.id("camera")).isDisplayed()).isFalse();
		}

		// Every event the page sent for this tube is stored, accepted or rejected: one SAMPLED, accepted.
		assertThat(count("SELECT count(*) FROM testing_scan_event WHERE type = 'SAMPLED' AND tube_code = :v", tube))
			.isEqualTo(1);
		assertThat(count("SELECT count(*) FROM testing_scan_event WHERE type = 'SAMPLED' AND tube_code = :v"
				+ " AND status = 'ACCEPTED'", tube))
			.isEqualTo(1);
		assertThat(count("SELECT count(*) FROM testing_sample WHERE person_id = :v", person)).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM testing_scan_event WHERE type = 'TUBE_OPENED' AND tube_code = :v", tube))
			.isEqualTo(1);
		assertThat(count("SELECT count(*) FROM testing_tube WHERE code = :v AND site_id = " + site, tube)).isEqualTo(1);
	}

	@Test
	void aDeniedCameraSaysSoAndTheScannerKeepsWorking() {
		TestingFixture fixture = new TestingFixture(api());
		long round = fixture.openRound(10);
		long site = fixture.site(TestingFixture.BILINWAN);
		String registrar = fixture.siteUser(site, "REGISTRAR");
		String tube = TestingFixture.unique("T");
		Path video = FakeCamera.video(dir.resolve("denied.y4m"), List.of(qr(tube, 1)));

		try (Browser browser = new Browser(baseUrl(), FakeCamera.denied(video))) {
			browser.login(registrar, DEMO_PASSWORD + "-Strong!9").open("/testing/scan");
			browser.waitFor(By.id("scan-input"));
			new Select(browser.find(By.id("round"))).selectByValue(String.valueOf(round));
			new Select(browser.find(By.id("site"))).selectByValue(String.valueOf(site));

			browser.find(By.id("camera-open")).click();
			wait(browser).until(d -> d.findElement(By.id("camera-status")).getText().contains("摄像头权限被拒绝"));
			assertThat(browser.find(By.id("scan-page")).getDomAttribute("data-camera")).isEqualTo("off");
			assertThat(browser.find(By.id("camera")).isDisplayed()).isFalse();
			assertThat(browser.find(By.id("camera-open")).isDisplayed()).isTrue();

			browser.find(By.id("scan-input")).sendKeys(tube + Keys.ENTER);
			awaitAnswer(browser, "ok", tube);
		}
		assertThat(count("SELECT count(*) FROM testing_tube WHERE code = :v", tube)).isEqualTo(1);
	}

	@Test
	void withoutACameraThePageSaysSo() {
		TestingFixture fixture = new TestingFixture(api());
		long site = fixture.site(TestingFixture.BILINWAN);
		String registrar = fixture.siteUser(site, "REGISTRAR");

		try (Browser browser = new Browser(baseUrl(), FakeCamera.none())) {
			browser.login(registrar, DEMO_PASSWORD + "-Strong!9").open("/testing/scan");
			browser.waitFor(By.id("scan-input"));
			browser.find(By.id("camera-open")).click();
			wait(browser).until(d -> d.findElement(By.id("camera-status")).getText().contains("找不到可用的摄像头"));
			assertThat(browser.find(By.id("scan-page")).getDomAttribute("data-camera")).isEqualTo("off");
			assertThat(browser.find(By.id("scan-input")).isEnabled()).isTrue();
		}
	}

	private static double played(Browser browser) {
		Object time = browser.driver()
			.executeScript("var v = document.querySelector('#camera-view video'); return v ? v.currentTime : 0;");
		return ((Number) time).doubleValue();
	}

	private static org.openqa.selenium.support.ui.FluentWait<org.openqa.selenium.WebDriver> wait(Browser browser) {
		return new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
	}

	private static void awaitAnswer(Browser browser, String kind, String text) {
		wait(browser).withMessage(() -> "the answer '" + text + "' (" + kind + "); the page shows: "
				+ browser.find(By.id("answer")).getDomAttribute("class") + " '" + browser.find(By.id("answer")).getText()
				+ "', camera status '" + browser.find(By.id("camera-status")).getText() + "', camera scans "
				+ browser.find(By.id("scan-page")).getDomAttribute("data-camera-scans") + ", video at "
				+ played(browser) + " s")
			.until(d -> {
				var answer = d.findElement(By.id("answer"));
				return answer.getDomAttribute("class").contains(kind) && answer.getText().contains(text);
			});
	}

	private long count(String sql, Object value) {
		return jdbc.sql(sql).param("v", value).query(Long.class).single();
	}
}
