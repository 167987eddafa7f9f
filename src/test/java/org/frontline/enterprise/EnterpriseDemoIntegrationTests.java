package org.frontline.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import org.frontline.support.Api;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EnterpriseDemoIntegrationTests extends IntegrationTest {

	@Test
	void nanyaIsInClosedLoopWith690StaffInThreeShiftGroupsAndTodaysTestsPartlyDone() {
		Api.As liaison = api().as("enterprise1");
		JsonNode loops = liaison.get("/api/v1/loops").json();
		assertThat(loops).hasSize(1);
		JsonNode nanya = loops.get(0);
		assertThat(nanya.get("enterpriseName").asString()).startsWith("南亚塑胶");
		assertThat(nanya.get("notice").asString()).contains("37");
		assertThat(nanya.get("headcount").asLong()).isEqualTo(690);
		assertThat(nanya.get("testedToday").asLong()).isBetween(1L, 689L);
		long loop = nanya.get("loopId").asLong();
		JsonNode day = liaison.get("/api/v1/loops/" + loop).json();
		assertThat(day.get("meals").asLong()).isEqualTo(2070);
		assertThat(day.get("untested").asLong()).isEqualTo(690 - nanya.get("testedToday").asLong());
		assertThat(day.get("beddingNeeded").asLong()).isZero();
		assertThat(jdbc.sql("SELECT sets FROM enterprise_bedding_request WHERE loop_id = :l").param("l", loop)
			.query(Integer.class).single()).isEqualTo(300);
		assertThat(jdbc.sql("SELECT count(DISTINCT shift_group) FROM enterprise_member WHERE loop_id = :l")
			.param("l", loop).query(Long.class).single()).isEqualTo(3);
		assertThat(jdbc.sql("SELECT count(DISTINCT building) FROM enterprise_member WHERE loop_id = :l")
			.param("l", loop).query(Long.class).single()).isEqualTo(2);
		assertThat(liaison.get("/api/v1/loops/" + loop + "/untested?size=5").json().get("total").asLong())
			.isEqualTo(day.get("untested").asLong());
	}

	@Test
	void threeMoreEnterprisesOneOfThemWithAMissingReport() {
		JsonNode loops = api().as("commander").get("/api/v1/loops").json();
		int demo = 0;
		java.util.Set<String> missing = new java.util.HashSet<>();
		for (JsonNode loop : loops) {
			String name = loop.get("enterpriseName").asString();
			if (name.equals("崇川精密机械有限公司") || name.equals("江海纺织有限公司") || name.equals("濠河食品有限公司")) {
				demo++;
				if (loop.get("reportMissing").asBoolean()) {
					missing.add(name);
				}
			}
			if (name.equals("崇川精密机械有限公司")) {
				assertThat(loop.get("reportFiled").asBoolean()).isTrue();
				assertThat(loop.get("testedToday").asLong()).isEqualTo(120);
			}
		}
		assertThat(demo).isEqualTo(3);
		// 江海纺织 missed yesterday's report; after 18:00 in the district a loop without today's is missing too.
		assertThat(missing).contains("江海纺织有限公司").doesNotContain("崇川精密机械有限公司");
	}
}
