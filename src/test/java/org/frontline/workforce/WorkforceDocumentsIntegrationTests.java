package org.frontline.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The workforce's files: a post's QR poster, a roster as XLSX, and a certificate checked on the public page. */
class WorkforceDocumentsIntegrationTests extends IntegrationTest {

	private final WorkforceFixture fixture = new WorkforceFixture(this::api);

	@Test
	void aPostersQrCodeLeadsToCheckingInAtThatPost() throws Exception {
		long worker = fixture.volunteer().get("id").asLong();
		Instant start = clock.instant().plus(Duration.ofDays(3));
		long shift = fixture.shift(WorkforceFixture.community(WorkforceFixture.CHENYUAN), "ORDER_KEEPER", start,
				start.plus(Duration.ofHours(2)), 1);
		fixture.assigned(shift, worker);
		JsonNode post = fixture.coordinator().get("/api/v1/shifts/" + shift).json().get("post");

		Response poster = fixture.coordinator().get("/api/v1/workforce/posts/" + post.get("id").asLong() + "/poster");

		assertThat(poster.status()).isEqualTo(200);
		assertThat(poster.header("Content-Type")).isEqualTo("application/pdf");
		try (PDDocument pdf = Loader.loadPDF(poster.raw().body())) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(1);
			// Read at 100 dpi the code failed its checksum now and then (its content varies with the port and the post).
			BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 200, ImageType.GRAY);
			String url = new QRCodeReader()
				.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))),
						Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
				.getText();
			assertThat(url).isEqualTo("http://localhost:" + api().port() + "/workforce/check-in/"
					+ post.get("code").asString());
		}
	}

	@Test
	void aRosterIsExportedAsAnXlsxSheetWithTheWorkersAndTheirActualTimes() throws Exception {
		JsonNode volunteer = fixture.volunteer();
		long worker = volunteer.get("id").asLong();
		Instant start = clock.instant().minus(Duration.ofMinutes(20));
		long shift = fixture.shift(WorkforceFixture.community(WorkforceFixture.CHENYUAN), "DISINFECTION", start,
				start.plus(Duration.ofHours(2)), 1);
		fixture.assigned(shift, worker);
		assertThat(fixture.checkIn(fixture.coordinator(), shift, worker, UUID.randomUUID().toString(), null).status())
			.isEqualTo(200);
		long post = fixture.coordinator().get("/api/v1/shifts/" + shift).json().get("post").get("id").asLong();
		String day = LocalDate.ofInstant(start, clock.getZone()).toString();

		Response sheet = fixture.coordinator().get("/api/v1/workforce/posts/" + post + "/roster.xlsx?day=" + day);

		assertThat(sheet.status()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(sheet.raw().body()))) {
			Sheet rows = book.getSheetAt(0);
			assertThat(rows.getRow(0).getCell(0).getStringCellValue()).isEqualTo("岗位");
			boolean found = false;
			for (int r = 1; r <= rows.getLastRowNum(); r++) {
				if (rows.getRow(r).getCell(5) != null
						&& rows.getRow(r).getCell(5).getStringCellValue().equals(volunteer.get("name").asString())) {
					found = true;
					assertThat(rows.getRow(r).getCell(0).getStringCellValue()).isEqualTo("消杀");
					assertThat(rows.getRow(r).getCell(7).getStringCellValue()).contains("****");
					assertThat(rows.getRow(r).getCell(8).getStringCellValue()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
				}
			}
			assertThat(found).isTrue();
		}
	}

	@Test
	void aVolunteerHoursCertificateIsCheckedByItsCodeOnThePublicPage() {
		JsonNode volunteer = fixture.volunteer();
		long worker = volunteer.get("id").asLong();
		ZoneId zone = clock.getZone();
		LocalDate day = LocalDate.now(clock).minusDays(2);
		Instant start = day.atTime(9, 0).atZone(zone).toInstant();
		long shift = fixture.shift(WorkforceFixture.community(WorkforceFixture.CHENYUAN), "REGISTRAR", start,
				start.plus(Duration.ofHours(4)), 1);
		fixture.assigned(shift, worker);
		fixture.checkIn(fixture.coordinator(), shift, worker, UUID.randomUUID().toString(), start);
		fixture.checkOut(fixture.coordinator(), shift, worker, UUID.randomUUID().toString(),
				start.plus(Duration.ofMinutes(150)));

		Response issued = fixture.coordinator().post("/api/v1/workers/" + worker + "/certificates",
				Map.of("from", day.toString(), "to", day.toString()));

		assertThat(issued.status()).as(issued.body()).isEqualTo(200);
		assertThat(issued.raw().body()).startsWith("%PDF".getBytes());
		String code = issued.header("Certificate-Code");
		assertThat(code).matches("[0-9A-Z]{12}");
		Response checked = api().anonymous().get("/public/certificate?code=" + code.toLowerCase());
		assertThat(checked.status()).isEqualTo(200);
		assertThat(checked.body()).contains("证明有效", "2.5").doesNotContain(volunteer.get("name").asString());
		Response unknown = api().anonymous().get("/public/certificate?code=ABCDEFGHJKLM");
		assertThat(unknown.body()).contains("没有这个验证码的证明").doesNotContain("证明有效");
		Response cadre = fixture.coordinator().post("/api/v1/workers/" + fixture.worker(Map.of("kind", "MEDICAL",
				"licence", WorkforceFixture.unique("L"))).get("id").asLong() + "/certificates",
				Map.of("from", day.toString(), "to", day.toString()));
		assertThat(cadre.status()).isEqualTo(409);
	}
}
