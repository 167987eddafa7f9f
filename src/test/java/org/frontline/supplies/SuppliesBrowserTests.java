package org.frontline.supplies;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.Browser;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

class SuppliesBrowserTests extends IntegrationTest {

	@Test
	void aKeeperSeesTheWarehouseStockByLotWithDaysOfCoverAndRecordsAnIssueOnAPhone() {
		SuppliesFixture fixture = new SuppliesFixture(api(), jdbc);
		String warehouse = fixture.warehouse();
		String keeper = fixture.keeper(warehouse);
		fixture.receive(warehouse, "N95", 300, "N-EARLY", LocalDate.now(clock).plusDays(20));
		fixture.receive(warehouse, "N95", 200, "N-LATE", LocalDate.now(clock).plusDays(200));
		try (Browser browser = new Browser(baseUrl())) {
			browser.phone().login(keeper, SuppliesFixture.PASSWORD).open("/supplies");
			WebElement row = browser.waitFor(By.id("item-N95"));
			assertThat(row.getText()).contains("N95口罩", "500", "N-EARLY", "N-LATE");
			assertThat(browser.overflow()).as(browser.overflowing()).isZero();

			new Select(browser.find(By.cssSelector("#issue-form select[name=item]"))).selectByValue("N95");
			browser.find(By.cssSelector("#issue-form input[name=quantity]")).sendKeys("120");
			browser.find(By.cssSelector("#issue-form button")).click();
			browser.waitFor(By.id("done"));
			assertThat(browser.text(By.cssSelector("#item-N95 .usable"))).contains("380");
			assertThat(browser.text(By.cssSelector("#item-N95 .days"))).as("120 used today; no history yet")
				.isEqualTo("无消耗");
			assertThat(browser.overflow()).as(browser.overflowing()).isZero();

			// The item's movements: a receipt comes from nowhere and an issue goes nowhere, and an empty side stays empty.
			browser.open("/supplies/movements?item=N95&place=" + warehouse);
			browser.waitFor(By.cssSelector("tr.movement-row"));
			List<WebElement> rows = browser.driver().findElements(By.cssSelector("tr.movement-row"));
			assertThat(rows).hasSize(3);
			List<String> types = new ArrayList<>();
			for (WebElement movement : rows) {
				List<WebElement> cells = movement.findElements(By.tagName("td"));
				String type = cells.get(1).getText();
				types.add(type);
				String from = cells.get(3).getText();
				String to = cells.get(4).getText();
				if (type.contains("领用")) {
					assertThat(from).as("an issue leaves the warehouse").isNotBlank();
					assertThat(to).as("an issue goes to no place").isEmpty();
				}
				else {
					assertThat(type).contains("采购入库");
					assertThat(from).as("a receipt comes from no place").isEmpty();
					assertThat(to).as("a receipt goes into the warehouse").isNotBlank();
				}
			}
			assertThat(types).filteredOn(t -> t.contains("领用")).hasSize(1);
			assertThat(browser.overflow()).as(browser.overflowing()).isZero();

			browser.laptop().acceptLanguage("en").open("/supplies?lang=en");
			assertThat(browser.text(By.tagName("h1"))).isEqualTo("Supplies stock");
			assertThat(browser.text(By.id("item-N95"))).contains("N95 respirator");
		}
		assertThat(fixture.usable("admin", warehouse, "N95")).isEqualTo(380);
		assertThat(jdbc.sql("SELECT sum(quantity) FROM supplies_stock WHERE place = :p AND lot = 'N-EARLY'")
			.param("p", warehouse).query(Long.class).single()).as("earliest expiry first").isEqualTo(180);
	}

	@Test
	void thePostScansTheDeliveryNotesQrCodeCountsAndConfirmsOnItsPhone() throws Exception {
		SuppliesFixture fixture = new SuppliesFixture(api(), jdbc);
		String warehouse = fixture.warehouse();
		fixture.receive(warehouse, "SUIT", 100, "S-1", LocalDate.now(clock).plusDays(300));
		long before = fixture.usable("community", SuppliesFixture.CHENYUAN, "SUIT");
		Response created = api().as("community").post("/api/v1/requests", Map.of("clientId", Api.uuid(), "place",
				SuppliesFixture.CHENYUAN, "warehouse", warehouse, "neededBy", OffsetDateTime.now(clock).plusHours(4).toString(),
				"lines", List.of(Map.of("item", "SUIT", "quantity", 40))));
		long id = created.json().get("id").asLong();
		api().as("admin").post("/api/v1/requests/" + id + "/approve", null);
		String code = api().as("admin").post("/api/v1/requests/" + id + "/dispatch", null).json().get("shipment")
			.asString();
		byte[] note = api().as("admin").get("/api/v1/shipments/" + code + "/note.pdf").raw().body();
		String scanned;
		try (PDDocument document = Loader.loadPDF(note)) {
			BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
			scanned = new MultiFormatReader()
				.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))))
				.getText();
		}
		assertThat(scanned).endsWith("/supplies/receive/" + code);

		try (Browser browser = new Browser(baseUrl())) {
			browser.phone().login("community", DEMO_PASSWORD);
			browser.driver().get(scanned);
			browser.waitFor(By.id("shipment-lines"));
			assertThat(browser.text(By.id("shipment-lines"))).contains("防护服", "S-1", "40");
			assertThat(browser.overflow()).as(browser.overflowing()).isZero();
			WebElement counted = browser.find(By.cssSelector(".shipment-line .counted"));
			counted.clear();
			counted.sendKeys("38");
			browser.find(By.id("note")).sendKeys("两套破损");
			browser.find(By.id("confirm")).click();
			browser.waitFor(By.id("done"));
			assertThat(browser.text(By.id("received"))).isEqualTo("已签收");
			assertThat(browser.overflow()).as(browser.overflowing()).isZero();
		}
		assertThat(fixture.usable("community", SuppliesFixture.CHENYUAN, "SUIT")).isEqualTo(before + 38);
		assertThat(api().as("community").get("/api/v1/requests/" + id).json().get("status").asString())
			.isEqualTo("RECEIVED");
	}

	@Test
	void thePublicDonationsPageListsWhatWasGivenAndWhereWithoutContactsOnAPhone() {
		String company = SuppliesFixture.unique("南通捐赠测试公司");
		Response recorded = api().as("leader").post("/api/v1/donations", Map.of("donorKind", "COMPANY", "donorName",
				company, "contact", "赵联系", "phone", "13700007777", "to", SuppliesFixture.BILINWAN, "receivedBy", "居委会",
				"items", List.of(Map.of("item", "BEDDING", "quantity", 30))));
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
		try (Browser browser = new Browser(baseUrl())) {
			browser.phone().open("/public/donations");
			browser.waitFor(By.id("public-donations"));
			String text = browser.text(By.id("public-donations"));
			assertThat(text).contains(company, "被褥套装", "30", "碧林湾社区").doesNotContain("赵联系", "13700007777");
			assertThat(browser.overflow()).as(browser.overflowing()).isZero();
		}
	}
}
