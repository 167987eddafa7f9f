package org.frontline.support;

import java.io.File;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
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
		driver.findElement(By.id("login-submit")).click();
		waitFor(By.tagName("main"));
		return this;
	}

	public WebElement waitFor(By by) {
		return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(by));
	}

	public WebElement find(By by) {
		return driver.findElement(by);
	}

	public String text(By by) {
		return driver.findElement(by).getText();
	}

	public String currentPath() {
		return driver.getCurrentUrl().substring(baseUrl.length());
	}

	public byte[] screenshot() {
		return driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
	}

	@Override
	public void close() {
		driver.quit();
	}
}
