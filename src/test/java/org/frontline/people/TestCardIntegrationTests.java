package org.frontline.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.frontline.support.Api.Response;
import org.frontline.support.Browser;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

class TestCardIntegrationTests extends IntegrationTest {

	@Autowired
	private SamplingCodes codes;

	private long person(String name, String idNumber, String phone, List<String> tags) {
		Response created = api().as("community")
			.post("/api/v1/people", Map.of("name", name, "idType", "RESIDENT_ID", "idNumber", idNumber, "phone", phone,
					"area", TestData.CHENYUAN_COMPOUND, "address", Map.of("building", "7", "unit", "1", "room", "202"),
					"tags", tags));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private String currentCode(long id) {
		return api().as("community").get("/api/v1/people/" + id + "/code").json().get("payload").asString();
	}

	@Test
	void everyQrCodeOnTheCardSheetDecodesToThatPersonsCurrentCode() throws Exception {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			ids.add(person("张秀英", TestData.residentId(), TestData.phone(), List.of("NO_SMARTPHONE")));
		}
		Response reissued = api().as("community").post("/api/v1/people/" + ids.get(0) + "/code/reissue", "");
		assertThat(reissued.status()).isEqualTo(200);

		Response pdf = api().as("community").post("/api/v1/cards", Map.of("personIds", ids));
		assertThat(pdf.status()).as(pdf.body()).isEqualTo(200);
		assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
		List<String> decoded = decodeCards(pdf.raw().body());
		List<String> expected = ids.stream().map(this::currentCode).toList();
		assertThat(decoded).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(decoded).contains(reissued.json().get("payload").asString());
		try (PDDocument document = Loader.loadPDF(pdf.raw().body())) {
			assertThat(document.getNumberOfPages()).isEqualTo(2);
		}
	}

	@Test
	void byDefaultTheCardsAreForEveryoneWithoutASmartphoneInTheArea() throws Exception {
		long without = person("赵建华", TestData.residentId(), TestData.phone(), List.of("NO_SMARTPHONE"));
		long with = person("钱伟", TestData.residentId(), TestData.phone(), List.of());
		Response pdf = api().as("community").post("/api/v1/cards", Map.of("area", TestData.CHENYUAN_COMPOUND));
		assertThat(pdf.status()).as(pdf.body()).isEqualTo(200);
		List<String> decoded = decodeCards(pdf.raw().body());
		assertThat(decoded).contains(currentCode(without)).doesNotContain(currentCode(with));
		Response outside = api().as("community").post("/api/v1/cards", Map.of("area", TestData.ZHONGXINCUN_COMPOUND));
		assertThat(outside.status()).isEqualTo(404);
	}

	@Test
	void aResidentSeesTheirCodeOnlyWhenNameIdNumberAndPhoneAllMatch() throws Exception {
		String idNumber = TestData.residentId();
		String phone = TestData.phone();
		long id = person("孙丽", idNumber, phone, List.of());
		try (Browser browser = new Browser(baseUrl())) {
			browser.open("/public/code");
			browser.find(By.id("code-name")).sendKeys("孙丽");
			browser.find(By.id("code-id")).sendKeys(idNumber);
			browser.find(By.id("code-phone")).sendKeys(TestData.phone());
			browser.find(By.id("code-submit")).click();
			browser.waitFor(By.id("code-mismatch"));
			assertThat(browser.driver().findElements(By.id("code-image"))).isEmpty();
			assertThat(browser.driver().getPageSource()).doesNotContain("孙*").doesNotContain("FL1.");

			browser.open("/public/code");
			browser.find(By.id("code-name")).sendKeys("孙丽");
			browser.find(By.id("code-id")).sendKeys(idNumber);
			browser.find(By.id("code-phone")).sendKeys(phone);
			browser.find(By.id("code-submit")).click();
			String src = browser.waitFor(By.id("code-image")).getAttribute("src");
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(
					Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1))));
			assertThat(decode(image)).isEqualTo(currentCode(id));
		}
	}

	@Test
	void publicLookupsAreLimitedPerClient() {
		String client = "203.0.113." + (System.nanoTime() % 200);
		// Stopped, so that the one-second wait after the tenth wrong try cannot run out on a slow machine.
		clock.freeze();
		try {
			for (int i = 0; i < 10; i++) {
				assertThat(codes.forResident(client, "某人", TestData.residentId(), TestData.phone())).isEmpty();
			}
			org.assertj.core.api.Assertions
				.assertThatThrownBy(() -> codes.forResident(client, "某人", TestData.residentId(), TestData.phone()))
				.isInstanceOfSatisfying(org.frontline.shared.Problem.class, problem -> {
					assertThat(problem.status().value()).isEqualTo(429);
					assertThat(problem.detail().key()).isEqualTo("people.lookup.too-many");
				});
		}
		finally {
			clock.reset();
		}
	}

	/** Renders every page and decodes the QR code of every card slot (2 columns, 4 rows, as printed). */
	static List<String> decodeCards(byte[] pdf) throws Exception {
		List<String> found = new ArrayList<>();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFRenderer renderer = new PDFRenderer(document);
			float dpi = 150;
			float scale = dpi / 72f;
			for (int page = 0; page < document.getNumberOfPages(); page++) {
				BufferedImage image = renderer.renderImageWithDPI(page, dpi, ImageType.GRAY);
				float width = document.getPage(page).getMediaBox().getWidth();
				float height = document.getPage(page).getMediaBox().getHeight();
				float marginX = (width - 2 * 270) / 2;
				float marginY = (height - 4 * 190) / 2;
				for (int slot = 0; slot < 8; slot++) {
					int x = Math.round((marginX + (slot % 2) * 270) * scale);
					int y = Math.round((marginY + (slot / 2) * 190) * scale);
					BufferedImage card = image.getSubimage(x, y, Math.round(270 * scale), Math.round(190 * scale));
					try {
						found.add(decode(card));
					}
					catch (NotFoundException empty) {
						// an empty slot on the last page
					}
				}
			}
		}
		return found;
	}

	static String decode(BufferedImage image) throws Exception {
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
		return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
	}
}
