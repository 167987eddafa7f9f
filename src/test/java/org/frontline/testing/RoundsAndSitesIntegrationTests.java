package org.frontline.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frontline.testing.TestingFixture.unique;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class RoundsAndSitesIntegrationTests extends IntegrationTest {

	private long rounds() {
		return jdbc.sql("SELECT count(*) FROM testing_round").query(Long.class).single();
	}

	@Test
	void aRoundIsPlannedOpenedAndClosedInThatOrder() {
		Instant now = Instant.now();
		Response created = api().as("commander").post("/api/v1/rounds", Map.of("name", unique("崇川区第4轮-"), "areas",
				List.of("320602001001", "320602001002"), "startsAt", now.toString(), "endsAt",
				now.plus(1, ChronoUnit.DAYS).toString(), "poolSize", 20));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("status").asString()).isEqualTo("PLANNED");
		assertThat(created.json().get("poolSize").asInt()).isEqualTo(20);
		long id = created.json().get("id").asLong();
		Response closeEarly = api().as("commander").post("/api/v1/rounds/" + id + "/close", "");
		assertThat(closeEarly.status()).isEqualTo(409);
		assertThat(api().as("commander").post("/api/v1/rounds/" + id + "/open", "").json().get("status").asString())
			.isEqualTo("OPEN");
		assertThat(api().as("commander").post("/api/v1/rounds/" + id + "/close", "").json().get("status").asString())
			.isEqualTo("CLOSED");
		assertThat(api().as("commander").post("/api/v1/rounds/" + id + "/open", "").status()).isEqualTo(409);
		assertThat(api().as("registrar").post("/api/v1/rounds/" + id + "/open", "").status()).isEqualTo(403);
	}

	@Test
	void aBadRoundIsAProblemNamingTheFieldAndWritesNothing() {
		long before = rounds();
		Instant now = Instant.now();
		Response badPool = api().as("commander").post("/api/v1/rounds", Map.of("name", "x", "areas", List.of("320602"),
				"startsAt", now.toString(), "endsAt", now.plus(1, ChronoUnit.DAYS).toString(), "poolSize", 7));
		assertThat(badPool.status()).isEqualTo(400);
		assertThat(badPool.json().get("errors").get(0).get("field").asString()).isEqualTo("poolSize");
		Response backwards = api().as("commander").post("/api/v1/rounds", Map.of("name", "x", "areas", List.of("320602"),
				"startsAt", now.toString(), "endsAt", now.minus(1, ChronoUnit.DAYS).toString()));
		assertThat(backwards.json().get("errors").get(0).get("field").asString()).isEqualTo("endsAt");
		Response unknownArea = api().as("commander").post("/api/v1/rounds", Map.of("name", "x", "areas",
				List.of("320602999"), "startsAt", now.toString(), "endsAt", now.plus(1, ChronoUnit.DAYS).toString()));
		assertThat(unknownArea.json().get("errors").get(0).get("field").asString()).isEqualTo("areas");
		assertThat(rounds()).isEqualTo(before);
	}

	@Test
	void aRoundWithEveryFieldWrongNamesEachFieldInTheCallersLanguageAndWritesNothing() {
		long before = rounds();
		Map<String, Object> body = Map.of("name", "", "areas", List.of("320602999"), "poolSize", 7);

		Response chinese = api().as("commander").post("/api/v1/rounds", body);
		assertThat(chinese.status()).as(chinese.body()).isEqualTo(400);
		assertThat(chinese.json().get("errors").findValuesAsString("field"))
			.containsExactly("endsAt", "name", "startsAt", "areas", "poolSize");
		assertThat(chinese.json().get("errors").findValuesAsString("message")).containsExactly("请填写结束时间。",
				"请填写轮次名称。", "请填写开始时间。", "找不到区域 320602999。", "每管人数须为 1、5、10 或 20。");

		Response english = api().as("commander").acceptLanguage("en").post("/api/v1/rounds", body);
		assertThat(english.json().get("errors").findValuesAsString("field"))
			.isEqualTo(chinese.json().get("errors").findValuesAsString("field"));
		assertThat(english.json().get("errors").get(1).get("message").asString()).isEqualTo("Round name is required.");
		assertThat(english.json().get("errors").get(4).get("message").asString())
			.isEqualTo("A tube pools 1, 5, 10 or 20 people.");

		Response missing = api().as("commander").post("/api/v1/rounds/999999999/open", Map.of());
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.json().get("detail").asString()).isEqualTo("未找到检测轮次 999999999。");
		Response site = api().as("commander").post("/api/v1/sites", Map.of("name", "x", "kind", "FIXED", "area",
				"320602001001", "stations", 0, "stops", List.of(Map.of("name", "a"))));
		assertThat(site.json().get("errors").findValuesAsString("message"))
			.containsExactly("采样台数须在 1 到 200 之间。", "只有流动采样点才有停靠点。");
		assertThat(rounds()).isEqualTo(before);
	}

	@Test
	void aSiteIsCreatedInsideTheCreatorsScopeAndStopsBelongToMobileSites() {
		Response mobile = api().as("commander").post("/api/v1/sites", Map.of("name", unique("流动队-"), "kind", "MOBILE",
				"area", "320602002001", "stations", 1, "stops",
				List.of(Map.of("name", "村委会"), Map.of("name", "晒场"), Map.of("name", "小学门口"))));
		assertThat(mobile.status()).as(mobile.body()).isEqualTo(201);
		assertThat(mobile.json().get("stops").get(2).get("position").asInt()).isEqualTo(3);
		assertThat(mobile.json().get("stops").get(2).get("name").asString()).isEqualTo("小学门口");
		Response fixedWithStops = api().as("commander").post("/api/v1/sites", Map.of("name", "x", "kind", "FIXED",
				"area", "320602001001", "stops", List.of(Map.of("name", "a"))));
		assertThat(fixedWithStops.status()).isEqualTo(400);
		Response badKind = api().as("commander").post("/api/v1/sites", Map.of("name", "x", "kind", "BOAT", "area",
				"320602001001"));
		assertThat(badKind.status()).isEqualTo(400);
		Response outside = api().as("commander").post("/api/v1/sites", Map.of("name", "x", "kind", "FIXED", "area",
				"320601"));
		assertThat(outside.status()).isEqualTo(400);
		Response lab = api().as("commander").post("/api/v1/labs", Map.of("name", unique("实验室-")));
		assertThat(lab.status()).isEqualTo(201);
		assertThat(api().as("commander").post("/api/v1/labs", Map.of("name", lab.json().get("name").asString())).status())
			.isEqualTo(409);
	}

	@Test
	void aCodeIsReadAndReissuedOnlyInsideTheViewersScope() {
		TestingFixture fixture = new TestingFixture(api());
		long person = fixture.person(org.frontline.support.TestData.CHENYUAN_COMPOUND);
		assertThat(api().as("community").get("/api/v1/people/" + person + "/code").status()).isEqualTo(200);
		assertThat(api().as("zhongxin").get("/api/v1/people/" + person + "/code").status()).isEqualTo(404);
		assertThat(api().as("zhongxin").post("/api/v1/people/" + person + "/code/reissue", "").status()).isEqualTo(404);
		assertThat(api().as("registrar").post("/api/v1/people/" + person + "/code/reissue", "").status()).isEqualTo(403);
		String code = api().as("community").get("/api/v1/people/" + person + "/code").json().get("payload").asString();
		assertThat(code).matches("FL1\\." + person + "\\.1\\.[A-Za-z0-9_-]{22}").doesNotContain("3206");
	}
}
