package org.frontline.support;

import java.io.File;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Chromium from Debian's packages, driven by Selenium, for what a person does on a page. */
public final class Browser implements AutoCloseable {

	private final ChromeDriver driver;

	private final String baseUrl;

	public Browser(String baseUrl) {
		this(baseUrl, List.of());
	}

	/** With extra Chromium switches, e.g. {@link FakeCamera#arguments} for a camera that films a video file. */
	public Browser(String baseUrl, List<String> extraArguments) {
		this.baseUrl = baseUrl;
		ChromeOptions options = new ChromeOptions();
		options.setBinary(new File("/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,900", "--lang=zh-CN");
		options.addArguments(extraArguments);
		// A browser set to Chinese, as the district's phones and computers are (Accept-Language decides a first visit).
		options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
	}

	public ChromeDriver driver() {
		return driver;
	}

	public Browser open(String path) {
		driver.get(baseUrl + path);
		return this;
	}

	public Browser login(String username, String password) {
		open("/login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		// The sign-in page has a main element too: wait for the page after it, not for this one.
		clickAndWaitForNextPage(driver.findElement(By.id("login-submit")));
		waitFor(By.tagName("main"));
		return this;
	}

	public WebElement waitFor(By by) {
		return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(by));
	}

	/** Clicks what submits a form or follows a link, and waits until the next page has replaced this one. */
	public void clickAndWaitForNextPage(WebElement element) {
		WebElement page = driver.findElement(By.tagName("html"));
		click(element);
		waitUntilGone(page);
	}

	/** Finds the element and clicks it, again if a live part replaced it meanwhile, then waits for the next page. */
	public void clickAndWaitForNextPage(By by) {
		WebElement page = driver.findElement(By.tagName("html"));
		new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.ignoring(ElementClickInterceptedException.class)
			.ignoring(org.openqa.selenium.WebDriverException.class)
			.until(d -> {
				WebElement element = d.findElement(by);
				scrollToMiddle(element);
				element.click();
				return true;
			});
		waitUntilGone(page);
	}

	/**
	 * Waits until the page is replaced. Chromium sometimes answers a question about an element of a page being left
	 * with "does not belong to the document" instead of a stale element: that is gone too.
	 */
	private void waitUntilGone(WebElement page) {
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
			try {
				page.isEnabled();
				return false;
			}
			catch (StaleElementReferenceException gone) {
				return true;
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				if (ex.getMessage() != null && ex.getMessage().contains("does not belong to the document")) {
					return true;
				}
				throw ex;
			}
		});
	}

	private void scrollToMiddle(WebElement element) {
		driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
	}

	/** Clicks as a person would: brought to the middle of the screen first, again while something still covers it. */
	public void click(WebElement element) {
		scrollToMiddle(element);
		new WebDriverWait(driver, Duration.ofSeconds(5)).ignoring(ElementClickInterceptedException.class)
			.until(d -> {
				element.click();
				return true;
			});
	}

	/**
	 * Waits until the page shows what the condition asks, reading again whenever a live part replaced what it was
	 * reading (htmx swaps parts of a page while a test watches them).
	 */
	public <T> T waitUntil(Duration timeout, java.util.function.Function<? super org.openqa.selenium.WebDriver, T> condition) {
		return new WebDriverWait(driver, timeout).ignoring(StaleElementReferenceException.class).until(condition);
	}

	public WebElement find(By by) {
		return driver.findElement(by);
	}

	/** The element's text, found again if a live part replaced it while it was read. */
	public String text(By by) {
		return new WebDriverWait(driver, Duration.ofSeconds(5)).ignoring(StaleElementReferenceException.class)
			.until(d -> d.findElement(by).getText());
	}

	public String currentPath() {
		return driver.getCurrentUrl().substring(baseUrl.length());
	}

	public byte[] screenshot() {
		return driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
	}

	/** Writes a screenshot of the page to {@code target/screenshots/name.png}, for a person to look at after a run. */
	public Browser saveScreenshot(String name) {
		try {
			java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
			java.nio.file.Files.createDirectories(dir);
			java.nio.file.Files.write(dir.resolve(name + ".png"), screenshot());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return this;
	}

	/** A phone's screen: 390 by 844 CSS pixels, with a phone's touch and viewport handling. */
	public Browser phone() {
		return screen(390, 844, true);
	}

	/** A laptop's screen: 1366 by 900 CSS pixels. */
	public Browser laptop() {
		return screen(1366, 900, false);
	}

	private Browser screen(int width, int height, boolean mobile) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
		return this;
	}

	/** The browser sends this {@code Accept-Language} from now on, as one set to that language would. */
	public Browser acceptLanguage(String languages) {
		Object agent = driver.executeScript("return navigator.userAgent;");
		driver.executeCdpCommand("Emulation.setUserAgentOverride",
				java.util.Map.of("userAgent", String.valueOf(agent), "acceptLanguage", languages));
		return this;
	}

	/** The elements that reach past the right edge of the screen, innermost first, for a failure message. */
	public String overflowing() {
		return String.valueOf(driver.executeScript("""
				var width = document.documentElement.clientWidth, out = [];
				document.querySelectorAll('body *').forEach(function (e) {
				  var r = e.getBoundingClientRect();
				  if (r.right > width + 0.5 && r.width > 0 && !e.querySelector('*')) {
				    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined
				      ? '.' + String(e.className).trim().replace(/\\s+/g, '.') : '') + ' (' + Math.round(r.right) + ')');
				  }
				});
				return out.slice(0, 5).join(', ');"""));
	}

	/** How many CSS pixels the page is wider than the screen (0: no sideways scrolling). */
	public long overflow() {
		return ((Number) driver.executeScript(
				"return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth);"))
			.longValue();
	}

	@Override
	public void close() {
		driver.quit();
	}
}
