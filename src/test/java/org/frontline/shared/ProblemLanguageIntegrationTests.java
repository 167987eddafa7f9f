package org.frontline.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Problems answer in the caller's language with the same type and field, and never show Java's own words. */
class ProblemLanguageIntegrationTests extends IntegrationTest {

	private static Map<String, Object> person(String idNumber, Object address) {
		return Map.of("name", "王小明", "idType", "RESIDENT_ID", "idNumber", idNumber, "area", TestData.CHENYUAN_COMPOUND,
				"address", address, "tags", List.of());
	}

	private static String wrongCheckDigit() {
		String id = TestData.residentId();
		return id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
	}

	/** Issue #15, finding 12: the body parser's text named a class of ours. */
	@Test
	void anAddressPostedAsTextNamesTheFieldAndNoJavaClass() {
		var community = api().as("community");
		Map<String, Long> before = rowCounts();
		Response response = community
			.post("/api/v1/people", person(TestData.residentId(), "12幢2单元301室"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode body = response.json();
		assertThat(body.get("type").asString()).endsWith("/malformed-body");
		assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("address");
		assertThat(body.get("detail").asString()).contains("address").contains("JSON 对象");
		assertThat(response.body()).doesNotContain("org.frontline", "Cannot construct", "java.", "tools.jackson");
		assertThat(rowCounts()).isEqualTo(before);
	}

	@Test
	void anUnknownConstantOrBrokenJsonIsSaidWithoutTheParsersText() {
		Map<String, Object> alien = new java.util.HashMap<>(person(TestData.residentId(), Map.of()));
		alien.put("idType", "ALIEN");
		Response constant = api().as("community").acceptLanguage("en").post("/api/v1/people", alien);
		assertThat(constant.status()).isEqualTo(400);
		assertThat(constant.json().get("errors").get(0).get("field").asString()).isEqualTo("idType");
		assertThat(constant.json().get("detail").asString()).isEqualTo("idType is not one of: RESIDENT_ID, PASSPORT, OTHER.");

		Response broken = api().as("community").post("/api/v1/people", "{\"name\": \"王小明\",");
		assertThat(broken.status()).isEqualTo(400);
		assertThat(broken.json().get("type").asString()).endsWith("/malformed-body");
		assertThat(broken.json().get("detail").asString()).contains("不是有效的 JSON");
		assertThat(constant.body() + broken.body()).doesNotContain("org.frontline", "java.", "tools.jackson",
				"Unexpected end-of-input");
	}

	@Test
	void aProblemIsInChineseByDefaultAndInTheLanguageAcceptLanguageAsksFor() {
		String idNumber = wrongCheckDigit();
		Response chinese = api().as("community").post("/api/v1/people", person(idNumber, Map.of()));
		Response english = api().as("community").acceptLanguage("en-GB,en;q=0.8")
			.post("/api/v1/people", person(idNumber, Map.of()));
		Response asked = api().as("community").acceptLanguage("zh-CN,zh;q=0.9,en;q=0.5")
			.post("/api/v1/people", person(idNumber, Map.of()));

		for (Response response : List.of(chinese, english, asked)) {
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().get("type").asString()).endsWith("/invalid-input");
			assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("idNumber");
		}
		assertThat(chinese.json().get("title").asString()).isEqualTo("输入有误");
		assertThat(chinese.json().get("detail").asString()).isEqualTo("身份证号码的校验位不对，请核对。");
		assertThat(english.json().get("title").asString()).isEqualTo("Invalid input");
		assertThat(english.json().get("errors").get(0).get("message").asString())
			.isEqualTo("The check digit of the ID number is wrong.");
		assertThat(asked.body()).isEqualTo(chinese.body());
	}

	@Test
	void theFrameworksOwnFailuresAreProblemsInTheCallersLanguage() {
		Response wrongId = api().as("community").get("/api/v1/people/not-a-number");
		assertThat(wrongId.status()).isEqualTo(400);
		assertThat(wrongId.json().get("errors").get(0).get("field").asString()).isEqualTo("id");
		assertThat(wrongId.json().get("detail").asString()).isEqualTo("id 的值“not-a-number”无效。");

		Response nowhere = api().as("community").acceptLanguage("en").get("/api/v1/nowhere");
		assertThat(nowhere.status()).isEqualTo(404);
		assertThat(nowhere.json().get("type").asString()).endsWith("/http-404");
		assertThat(nowhere.json().get("detail").asString()).isEqualTo("There is nothing at this address.");

		Response method = api().as("community").delete("/api/v1/people");
		assertThat(method.status()).isEqualTo(405);
		assertThat(method.header("Allow")).isNotBlank();
		assertThat(method.json().get("detail").asString()).isEqualTo("此地址不支持该请求方法。");
	}

	@Test
	void aRejectedImportRowSaysWhyInTheCallersLanguage() {
		String csv = "name,id_number,area,tags\n张三," + TestData.residentId() + "," + TestData.CHENYUAN_COMPOUND
				+ ",FLYING\n";
		Response chinese = api().as("community")
			.postRaw("/api/v1/people/import", "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		Response english = api().as("community").acceptLanguage("en")
			.postRaw("/api/v1/people/import", "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(chinese.json().get("errors").get(0).get("field").asString()).isEqualTo("tags");
		assertThat(chinese.json().get("errors").get(0).get("reason").asString()).startsWith("tags 列的值“FLYING”无效");
		assertThat(english.json().get("errors").get(0).get("reason").asString())
			.startsWith("\"FLYING\" is not a value of the column tags");
	}
}
