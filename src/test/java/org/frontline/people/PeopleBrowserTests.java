package org.frontline.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.frontline.support.Browser;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

class PeopleBrowserTests extends IntegrationTest {

	private Browser browser;

	@BeforeEach
	void openBrowser() {
		browser = new Browser(baseUrl());
	}

	@AfterEach
	void closeBrowser() {
		browser.close();
	}

	@Test
	void aWrongPasswordKeepsYouOnTheLoginPage() {
		browser.login("community", "not-the-password");
		assertThat(browser.currentPath()).startsWith("/login");
		assertThat(browser.text(By.id("login-error"))).contains("用户名或密码错误");
	}

	@Test
	void signingInShowsTheWorkspaceInChineseWithTheDemoBanner() {
		browser.login("community", DEMO_PASSWORD);
		assertThat(browser.currentPath()).isEqualTo("/");
		assertThat(browser.text(By.id("demo-banner"))).contains("演示环境");
		assertThat(jdbc.sql("SELECT count(*) FROM security_session WHERE principal_name = 'community'")
			.query(Long.class).single()).isPositive();
		assertThat(browser.text(By.tagName("h1"))).contains("community");
		assertThat(browser.find(By.id("home-cards")).getText()).contains("居民名册");
		browser.find(By.id("lang-switch")).click();
		browser.waitFor(By.tagName("main"));
		assertThat(browser.find(By.id("home-cards")).getText()).contains("Residents");
		browser.open("/?lang=zh_CN");
	}

	@Test
	void theResidentListIsMaskedAndScopedAndARecordPageIsFullAndAudited() {
		long own = register("community", TestData.CHENYUAN_COMPOUND, "林晓燕");
		long other = register("zhongxin", TestData.ZHONGXINCUN_COMPOUND, "周立波");
		String ownId = idNumber(own);
		String otherId = idNumber(other);

		browser.login("community", DEMO_PASSWORD);
		browser.open("/people?q=" + ownId);
		List<WebElement> rows = browser.driver().findElements(By.cssSelector("tr.person-row"));
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).getText()).contains("林晓燕").doesNotContain(ownId);
		assertThat(rows.get(0).findElement(By.cssSelector(".id-number")).getText()).matches("\\d{6}\\*{8}[\\dX]{4}");
		assertThat(rows.get(0).findElement(By.cssSelector(".phone")).getText()).matches("1\\d{2}\\*{4}\\d{4}");

		browser.open("/people");
		assertThat(browser.driver().findElements(By.cssSelector("tr.person-row td.compound"))).isNotEmpty();
		for (WebElement code : browser.driver().findElements(By.cssSelector("tr.person-row td.compound"))) {
			assertThat(code.getAttribute("title")).startsWith("320602001002");
		}

		browser.open("/people?q=" + ownId);
		browser.find(By.cssSelector("a.open-person")).click();
		assertThat(browser.waitFor(By.id("person-id-number")).getText()).isEqualTo(ownId);
		assertThat(browser.text(By.id("person-name"))).isEqualTo("林晓燕");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'PERSON_READ' AND record_id = :id AND username = 'community'")
			.param("id", String.valueOf(own)).query(Long.class).single()).isEqualTo(1);

		browser.open("/people?q=" + otherId);
		assertThat(browser.driver().findElements(By.cssSelector("tr.person-row"))).isEmpty();
		browser.open("/people/" + other);
		assertThat(browser.text(By.id("error-status"))).isEqualTo("404");
		assertThat(browser.driver().getPageSource()).doesNotContain(otherId).doesNotContain("周立波");
	}

	@Test
	void theAreaTreeShowsResidentCounts() {
		browser.login("commander", DEMO_PASSWORD);
		browser.open("/areas");
		WebElement district = browser.find(By.cssSelector("tr[data-code='320602'] .residents"));
		long expected = jdbc.sql("SELECT count(*) FROM people_person WHERE area_code LIKE '320602%'").query(Long.class).single();
		assertThat(Long.parseLong(district.getDomAttribute("data-count"))).isEqualTo(expected);
		assertThat(district.getText()).isEqualTo(String.format("%,d", expected));
		assertThat(browser.find(By.id("area-tree")).getText()).contains("碧林湾社区", "晨苑社区", "中心村社区");
	}

	@Test
	void aCommunityWorkerImportsAFileOnThePage() throws Exception {
		String id = TestData.residentId();
		java.nio.file.Path file = java.nio.file.Files.createTempFile("residents", ".csv");
		java.nio.file.Files.writeString(file, "name,id_number,phone,area,building,unit,room,tags\n" + "顾长明," + id
				+ ",13500000000," + TestData.CHENYUAN_COMPOUND + ",5,1,101,NO_SMARTPHONE\n" + "坏数据,123,1,"
				+ TestData.CHENYUAN_COMPOUND + ",,,,\n");
		browser.login("community", DEMO_PASSWORD);
		browser.open("/people/import");
		browser.find(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
		browser.find(By.id("import-submit")).click();
		assertThat(browser.waitFor(By.id("report-inserted")).getText()).isEqualTo("1");
		assertThat(browser.text(By.id("report-rejected"))).isEqualTo("1");
		assertThat(browser.text(By.id("report-errors"))).contains("3").contains("身份证号码应为 17 位数字");
		assertThat(jdbc.sql("SELECT count(*) FROM people_person WHERE id_number = :id").param("id", id).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void aFormErrorIsShownInTheLanguageOfThePage() {
		String id = TestData.residentId();
		String wrongCheck = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
		browser.login("community", DEMO_PASSWORD);
		submitNewPerson("吴小刚", wrongCheck);
		assertThat(browser.waitFor(By.id("form-error")).getText()).isEqualTo("身份证号码的校验位不对，请核对。");
		assertThat(browser.find(By.name("name")).getDomProperty("value")).isEqualTo("吴小刚");

		browser.open("/people/new?lang=en");
		submitNewPerson("Wu Xiaogang", wrongCheck);
		assertThat(browser.waitFor(By.id("form-error")).getText()).isEqualTo("The check digit of the ID number is wrong.");
		browser.open("/?lang=zh_CN");
		assertThat(jdbc.sql("SELECT count(*) FROM people_person WHERE id_number = :id").param("id", wrongCheck)
			.query(Long.class).single()).isZero();
	}

	private void submitNewPerson(String name, String idNumber) {
		browser.open("/people/new");
		browser.find(By.name("name")).sendKeys(name);
		browser.find(By.name("idNumber")).sendKeys(idNumber);
		browser.find(By.name("area")).sendKeys(TestData.CHENYUAN_COMPOUND);
		browser.find(By.cssSelector("#person-form button[type=submit]")).click();
	}

	private long register(String user, String area, String name) {
		var response = api().as(user).post("/api/v1/people", Map.of("name", name, "idNumber", TestData.residentId(), "phone",
				TestData.phone(), "area", area, "address", Map.of("building", "1", "unit", "1", "room", "101")));
		assertThat(response.status()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	private String idNumber(long id) {
		return jdbc.sql("SELECT id_number FROM people_person WHERE id = :id").param("id", id).query(String.class).single();
	}
}
