package org.frontline.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

class AreaApiIntegrationTests extends IntegrationTest {

	@Test
	void theTreeIsNestedFromTheCallersScope() {
		JsonNode tree = api().as("commander").get("/api/v1/areas").json();
		assertThat(tree.get("code").asString()).isEqualTo("320602");
		assertThat(tree.get("name").asString()).isEqualTo("崇川区");
		assertThat(tree.get("level").asString()).isEqualTo("DISTRICT");
		List<String> subdistricts = new ArrayList<>();
		tree.get("children").forEach(c -> subdistricts.add(c.get("name").asString()));
		assertThat(subdistricts).contains("城东街道", "钟秀街道", "任港街道");
		JsonNode chengdong = tree.get("children").get(0);
		assertThat(chengdong.get("children").toString()).contains("碧林湾社区", "晨苑社区");
		assertThat(chengdong.get("children").get(0).get("children").get(0).get("level").asString()).isEqualTo("COMPOUND");
	}

	@Test
	void aCommunityWorkerSeesOnlyTheirCommunity() {
		JsonNode tree = api().as("community").get("/api/v1/areas").json();
		assertThat(tree.get("code").asString()).isEqualTo("320602001002");
		assertThat(tree.toString()).doesNotContain("中心村社区");
		assertThat(api().as("community").get("/api/v1/areas/320602002001").status()).isEqualTo(404);
		assertThat(api().as("community").get("/api/v1/areas/320602").status()).isEqualTo(404);
	}

	@Test
	void oneAreaComesWithItsChildren() {
		Response response = api().as("commander").get("/api/v1/areas/320602002");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("name").asString()).isEqualTo("钟秀街道");
		assertThat(response.json().get("children").toString()).contains("中心村社区");
	}

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void insideAnAreaIsAnIndexedRangeScan() {
		String plan = transactions.execute(status -> {
			jdbc.sql("SET LOCAL enable_seqscan = off").update();
			return String.join("\n", jdbc.sql("EXPLAIN SELECT * FROM people_person "
					+ "WHERE area_code >= '320602001002' AND area_code < '320602001003'").query(String.class).list());
		});
		// Either index that leads with the area code: (area_code, id) or the address order (area_code, building, ...).
		assertThat(plan).containsAnyOf("people_person_area", "people_person_address").doesNotContain("Seq Scan");
	}

	@Test
	void onlyAnAdminAddsAreasAndBadCodesAreRefused() {
		Map<String, Object> compound = Map.of("code", "320602005002009", "name", "测试小区", "parent", "320602005002");
		assertThat(api().as("commander").post("/api/v1/areas", compound).status()).isEqualTo(403);
		Response created = api().as("admin").post("/api/v1/areas", compound);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("level").asString()).isEqualTo("COMPOUND");
		assertThat(api().as("admin").post("/api/v1/areas", compound).status()).isEqualTo(409);
		Response bad = api().as("admin").post("/api/v1/areas", Map.of("code", "12AB", "name", "x"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").toString()).contains("code");
		Response orphan = api().as("admin")
			.post("/api/v1/areas", Map.of("code", "320602001002777", "name", "x", "parent", "320602002001"));
		assertThat(orphan.status()).isEqualTo(400);
	}
}
