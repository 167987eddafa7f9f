package org.frontline.supplies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class DonationsIntegrationTests extends IntegrationTest {

	@Test
	void aDonationEntersStockGetsANumberedLetterAndThePublicListShowsNoContact() throws Exception {
		SuppliesFixture fixture = new SuppliesFixture(api(), jdbc);
		long before = fixture.usable("leader", SuppliesFixture.BILINWAN, "SUIT");
		String company = SuppliesFixture.unique("南通爱心企业");
		String person = SuppliesFixture.unique("王");
		String clientId = Api.uuid();
		Map<String, Object> body = Map.of("clientId", clientId, "donorKind", "COMPANY", "donorName", company, "contact",
				"李经理", "phone", "13800001111", "to", SuppliesFixture.BILINWAN, "receivedBy", "周主任", "items",
				List.of(Map.of("item", "SUIT", "quantity", 90, "lot", "D-2204", "expiresOn",
						LocalDate.now(clock).plusYears(1).toString())));

		Response recorded = api().as("leader").post("/api/v1/donations", body);
		Response resent = api().as("leader").post("/api/v1/donations", body);

		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
		String number = recorded.json().get("number").asString();
		assertThat(number).matches("JZ\\d{4}-\\d{4,}");
		assertThat(resent.json().get("id").asLong()).isEqualTo(recorded.json().get("id").asLong());
		assertThat(fixture.usable("leader", SuppliesFixture.BILINWAN, "SUIT")).isEqualTo(before + 90);

		Response letter = api().as("leader").get("/api/v1/donations/" + recorded.json().get("id").asLong() + "/letter.pdf");
		assertThat(letter.status()).isEqualTo(200);
		try (PDDocument document = Loader.loadPDF(letter.raw().body())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("捐赠接收证明").contains(number).contains(company).contains("碧林湾社区");
			PDFont font = document.getPage(0).getResources().getFont(
					document.getPage(0).getResources().getFontNames().iterator().next());
			assertThat(font.isEmbedded()).as("the CJK font is embedded").isTrue();
		}

		Response person1 = api().as("leader").post("/api/v1/donations", Map.of("donorKind", "PERSON", "donorName", person,
				"phone", "13900002222", "to", SuppliesFixture.BILINWAN, "receivedBy", "周主任", "items",
				List.of(Map.of("item", "WATER", "quantity", 24))));
		assertThat(person1.status()).as(person1.body()).isEqualTo(201);

		Response page = api().anonymous().get("/public/donations");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(number).contains(company).contains("碧林湾社区")
			.doesNotContain("13800001111").doesNotContain("李经理").doesNotContain(person).doesNotContain("13900002222")
			.doesNotContain("周主任");
		assertThat(api().as("lab").get("/api/v1/donations").status()).isEqualTo(403);
	}

	@Test
	void aDonationWithAWrongItemIsRefusedAndWritesNothing() {
		long rows = jdbc.sql("SELECT count(*) FROM supplies_donation").query(Long.class).single();
		Response refused = api().as("leader").acceptLanguage("en").post("/api/v1/donations",
				Map.of("donorKind", "COMPANY", "donorName", "X", "to", SuppliesFixture.BILINWAN, "receivedBy", "周主任",
						"items", List.of(Map.of("item", "SUIT", "quantity", 5))));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("lot");
		assertThat(jdbc.sql("SELECT count(*) FROM supplies_donation").query(Long.class).single()).isEqualTo(rows);
	}
}
