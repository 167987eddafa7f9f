package org.frontline.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.frontline.support.Browser;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Every page as the demo's people use it: on a phone (390 px) and a laptop (1366 px) in Chinese, and on a phone in
 * English. Screenshots of each page land in {@code target/screenshots} for a person to look at.
 */
class PagesBrowserTests extends IntegrationTest {

	/** Raw codes that must never reach a person: every enum constant's name, and any UPPER_CASE_WORD. */
	private static final Set<String> CONSTANTS = enumConstants();

	private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b|\\b[A-Z]{3,}\\b");

	private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

	private static final String WATCH = "window.pageProblems = [];"
			+ "document.addEventListener('securitypolicyviolation', function (e) {"
			+ "  window.pageProblems.push('CSP ' + e.violatedDirective + ' ' + e.blockedURI); });"
			+ "window.addEventListener('error', function (e) { window.pageProblems.push('JS ' + e.message); });";

	@Test
	void everyPageOfEveryRoleFitsAPhoneAndALaptopAndShowsNoRawCodeInChinese() {
		List<String> problems = new ArrayList<>();
		for (String user : List.of("commander", "community", "facility", "leader1", "registrar1", "lab1", "admin",
				"enterprise", "enterprise1", "volunteer", "coordinator", "unit")) {
			try (Browser browser = new Browser(baseUrl())) {
				browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH));
				browser.phone().login(user, DEMO_PASSWORD);
				Set<String> pages = new LinkedHashSet<>();
				pages.add("/");
				browser.driver().findElements(By.cssSelector("#app-menu .nav-entry"))
					.forEach(a -> pages.add(path(a)));
				pages.addAll(deeper(browser, pages));
				for (String page : pages) {
					problems.addAll(check(browser, user, page));
				}
				// English words are longer: the same pages fit a phone in English too.
				browser.open("/?lang=en");
				for (String page : pages) {
					browser.phone().open(page);
					if (browser.overflow() > 0) {
						problems.add(user + " " + page + " (English): " + browser.overflow() + " px wider than a phone: "
								+ browser.overflowing());
					}
					browser.saveScreenshot(user + page.replaceAll("[^A-Za-z0-9]+", "-") + "-390-en");
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void publicPagesCarryTheDemoBannerAndFitAPhone() {
		try (Browser browser = new Browser(baseUrl())) {
			browser.phone();
			for (String page : List.of("/public/code", "/public/result", "/public/volunteer", "/public/certificate",
					"/login")) {
				browser.open(page);
				assertThat(browser.text(By.id("demo-banner"))).as(page).contains("演示环境");
				assertThat(browser.overflow()).as(page).isZero();
				assertThat(browser.driver().findElements(By.id("menu-button"))).as("no menu before signing in").isEmpty();
			}
		}
	}

	@Test
	void thePhoneMenuOpensFromItsButtonAndMarksTheCurrentPage() {
		try (Browser browser = new Browser(baseUrl())) {
			browser.phone().login("commander", DEMO_PASSWORD).open("/quarantine/anomalies");
			WebElement menu = browser.find(By.id("app-menu"));
			assertThat(menu.isDisplayed()).as("the menu is folded away on a phone").isFalse();
			browser.find(By.id("menu-button")).click();
			new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(5))
				// the menu slides in: until the slide ends its links are left of the screen, and WebDriver reads no text
				.until(d -> d.findElement(By.cssSelector("#app-menu .nav-link.active")).isDisplayed());
			WebElement active = browser.find(By.cssSelector("#app-menu .nav-link.active"));
			assertThat(active.getDomProperty("textContent").strip()).as("below the fold of a long menu too").isEqualTo("隔离异常");
			assertThat(active.getDomAttribute("aria-current")).isEqualTo("page");
			assertThat(browser.driver().findElements(By.cssSelector("#app-menu .nav-link.active"))).hasSize(1);

			browser.laptop().open("/quarantine/facilities/" + firstFacility(browser));
			assertThat(browser.find(By.id("app-menu")).isDisplayed()).as("a side menu on a laptop").isTrue();
			assertThat(browser.find(By.id("menu-button")).isDisplayed()).isFalse();
			assertThat(browser.text(By.cssSelector("#app-menu .nav-link.active"))).isEqualTo("集中隔离点");
		}
	}

	@Test
	void theBrowsersLanguageIsHonouredUntilThePersonPicksOne() {
		try (Browser browser = new Browser(baseUrl())) {
			browser.phone().acceptLanguage("en-US,en;q=0.9");
			browser.open("/login");
			assertThat(browser.text(By.id("login-submit"))).isEqualTo("Sign in");
			browser.find(By.id("lang-switch")).click();
			browser.waitFor(By.id("login-submit"));
			assertThat(browser.text(By.id("login-submit"))).isEqualTo("登录");
			browser.open("/login");
			assertThat(browser.text(By.id("login-submit"))).as("the choice outlasts the browser's language").isEqualTo("登录");
		}
	}

	@Test
	void signingInOverPlainHttpByAnAddressOtherThanLocalhostWorks() {
		// Chromium treats localhost as a secure origin; a site's server reached by another name or address is not.
		String site = "http://frontline-site.test:" + port;
		try (Browser browser = new Browser(site, List.of("--host-resolver-rules=MAP frontline-site.test 127.0.0.1"))) {
			browser.phone().login("community", DEMO_PASSWORD);
			assertThat(browser.driver().getCurrentUrl()).isEqualTo(site + "/");
			assertThat(browser.driver().findElements(By.id("error-status"))).isEmpty();
			assertThat(browser.find(By.id("home-cards")).getText()).contains("居民名册");
			browser.open("/people");
			assertThat(browser.driver().findElements(By.cssSelector("tr.person-row"))).isNotEmpty();
		}
	}

	@Test
	void aRefusedPageSaysWhoIsSignedInAndWhatToDo() {
		try (Browser browser = new Browser(baseUrl())) {
			browser.phone().login("volunteer", DEMO_PASSWORD).open("/admin/users");
			assertThat(browser.text(By.id("error-status"))).isEqualTo("403");
			assertThat(browser.text(By.id("error-help"))).contains("volunteer", "志愿者", "管理员");

			browser.login("community", DEMO_PASSWORD).open("/people/new");
			// The form's CSRF token went stale (the session it belonged to ended): the page says to sign in again.
			browser.driver().executeScript("document.querySelector('#person-form input[name=_csrf]').value = 'stale';"
					+ "document.getElementById('person-form').submit();");
			assertThat(browser.waitFor(By.id("error-help")).getText()).contains("重新登录");
			assertThat(browser.text(By.id("error-status"))).isEqualTo("403");
		}
	}

	/**
	 * The pages a person reaches from the menu's pages: a facility, a round and its not-yet-tested list, a record, a
	 * round's plan and its actual figures.
	 */
	private List<String> deeper(Browser browser, Set<String> pages) {
		List<String> more = new ArrayList<>();
		if (pages.contains("/quarantine")) {
			browser.open("/quarantine");
			browser.driver().findElements(By.cssSelector("a.facility-link")).stream().findFirst().ifPresent(a -> {
				more.add(path(a));
				more.add(path(a) + "/due");
			});
		}
		if (pages.contains("/testing/rounds")) {
			browser.open("/testing/rounds");
			browser.driver().findElements(By.cssSelector("#rounds td.card-title a")).stream().findFirst().ifPresent(a -> {
				more.add(path(a));
				more.add(path(a) + "/missing");
			});
		}
		if (pages.contains("/planning")) {
			browser.open("/planning");
			browser.driver().findElements(By.cssSelector("a.plan-link")).stream().findFirst().ifPresent(a -> {
				more.add(path(a));
				more.add(path(a) + "/actual");
			});
		}
		if (pages.contains("/enterprise")) {
			browser.open("/enterprise");
			browser.driver().findElements(By.cssSelector(".loop-row td.card-title a")).stream().findFirst()
				.ifPresent(a -> more.add(path(a)));
		}
		if (pages.contains("/workforce")) {
			browser.open("/workforce");
			browser.driver().findElements(By.cssSelector("#post-list a")).stream().findFirst()
				.ifPresent(a -> more.add(path(a)));
		}
		if (pages.contains("/workforce/workers")) {
			browser.open("/workforce/workers");
			browser.driver().findElements(By.cssSelector("#workers td.card-title a")).stream().findFirst()
				.ifPresent(a -> more.add(path(a)));
		}
		if (pages.contains("/workforce/units")) {
			browser.open("/workforce/units");
			browser.driver().findElements(By.cssSelector("#units td.card-title a, #cadres td.card-title a"))
				.stream()
				.findFirst()
				.ifPresent(a -> more.add(path(a)));
		}
		if (pages.contains("/people")) {
			browser.open("/people");
			browser.driver().findElements(By.cssSelector("a.open-person")).stream().findFirst()
				.ifPresent(a -> more.add(path(a)));
			more.add("/people/new");
		}
		return more;
	}

	private List<String> check(Browser browser, String user, String page) {
		List<String> problems = new ArrayList<>();
		String name = user + page.replaceAll("[^A-Za-z0-9]+", "-");
		browser.phone().open(page);
		browser.waitFor(By.tagName("main"));
		if (!browser.driver().findElements(By.id("error-status")).isEmpty()) {
			problems.add(user + " " + page + ": error " + browser.text(By.id("error-status")));
			return problems;
		}
		if (browser.overflow() > 0) {
			problems.add(user + " " + page + ": " + browser.overflow() + " px wider than a phone: " + browser.overflowing());
		}
		browser.saveScreenshot(name + "-390");
		browser.laptop();
		if (browser.overflow() > 0) {
			problems.add(user + " " + page + ": " + browser.overflow() + " px wider than a laptop: " + browser.overflowing());
		}
		browser.saveScreenshot(name + "-1366");
		// Data that is shown as stored (an audit entry's detail) says so with translate="no"; everything else is read.
		String text = String.valueOf(browser.driver().executeScript(
				"document.querySelectorAll('[translate=no]').forEach(function (e) { e.textContent = ''; });"
						+ "return document.body.innerText;"));
		Matcher code = CODE.matcher(text);
		while (code.find()) {
			if (CONSTANTS.contains(code.group()) || code.group().contains("_")) {
				problems.add(user + " " + page + ": raw code " + code.group());
			}
		}
		Matcher iso = ISO_TIME.matcher(text);
		if (iso.find()) {
			problems.add(user + " " + page + ": ISO time " + iso.group());
		}
		Object seen = browser.driver().executeScript("return window.pageProblems;");
		if (seen instanceof List<?> list && !list.isEmpty()) {
			problems.add(user + " " + page + ": " + list);
		}
		return problems;
	}

	private static String firstFacility(Browser browser) {
		browser.open("/quarantine");
		String href = path(browser.find(By.cssSelector("a.facility-link")));
		return href.substring(href.lastIndexOf('/') + 1);
	}

	private static String path(WebElement link) {
		return java.net.URI.create(link.getDomProperty("href")).getRawPath();
	}

	private static Set<String> enumConstants() {
		Set<String> names = new java.util.HashSet<>();
		new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.frontline")
			.stream()
			.filter(JavaClass::isEnum)
			.map(JavaClass::reflect)
			.forEach(type -> {
				for (Object constant : type.getEnumConstants()) {
					String constantName = ((Enum<?>) constant).name();
					if (constantName.length() >= 3) {
						names.add(constantName);
					}
				}
			});
		return names;
	}
}
