package org.frontline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class TestingDemoIntegrationTests extends IntegrationTest {

	@Test
	void theDemoHasAnOpenRoundAndARegistrarLimitedToTheBilinwanSquare() {
		Response rounds = api().as("registrar1").get("/api/v1/rounds");
		assertThat(rounds.body()).contains("崇川区第3轮全员核酸检测").contains("OPEN");
		Response sites = api().as("registrar1").get("/api/v1/sites");
		assertThat(sites.json().size()).isEqualTo(1);
		assertThat(sites.json().get(0).get("name").asString()).isEqualTo("碧林湾中心广场");
		Response all = api().as("commander").get("/api/v1/sites");
		assertThat(all.body()).contains("中心村流动采样队").contains("中心村小学门口");
		long mobile = 0;
		for (var site : all.json()) {
			if (site.get("kind").asString().equals("MOBILE") && site.get("name").asString().equals("中心村流动采样队")) {
				mobile = site.get("id").asLong();
				assertThat(site.get("stops").size()).isEqualTo(5);
				assertThat(site.get("stops").get(0).get("arrivedAt").isNull()).isFalse();
			}
		}
		assertThat(mobile).isPositive();
		Response arrived = api().as("commander").post("/api/v1/sites/" + mobile + "/stops/2/arrive", "");
		assertThat(arrived.status()).as(arrived.body()).isEqualTo(200);
		assertThat(arrived.json().get("stops").get(0).get("leftAt").isNull()).isFalse();
		assertThat(api().as("lab1").get("/api/v1/labs").json().size()).isEqualTo(1);
	}
}
