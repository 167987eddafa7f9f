package org.frontline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class QuarantineDemoIntegrationTests extends IntegrationTest {

	private long first() {
		return jdbc.sql("SELECT id FROM quarantine_facility WHERE name = '崇川区第一集中隔离点（城东宾馆）'").query(Long.class).single();
	}

	@Test
	void demoFacilitiesHavePeopleAtEveryStage() {
		assertThat(jdbc.sql("SELECT count(*) FROM quarantine_facility WHERE name LIKE '崇川区第_集中隔离点%'")
			.query(Long.class).single()).isEqualTo(3);
		long facility = first();
		JsonNode due = api().as("facility1").get("/api/v1/facilities/" + facility + "/due-for-release").json();
		assertThat(due.findValues("ready").stream().filter(JsonNode::asBoolean)).hasSize(1);
		assertThat(due.toString()).contains("HOME_CHECK");
		JsonNode day = api().as("facility1").get("/api/v1/facilities/" + facility + "/day").json();
		assertThat(day.toString()).contains("\"registrationComplete\":false", "TEMPERATURE");
		assertThat(api().as("facility1").get("/api/v1/anomalies?status=OPEN").json().size()).isPositive();
		JsonNode capacity = api().as("facility1").get("/api/v1/quarantine/capacity").json();
		assertThat(capacity.get("facilities")).hasSize(1);
		assertThat(capacity.get("district").get("awaitingDisinfection").asLong()).isEqualTo(1);
		// The quarantine demo's three, and the enterprise demo's referrals from its loop's exceptions besides.
		assertThat(capacity.get("district").get("arrivalsNext24h").asLong()).isGreaterThanOrEqualTo(3);
		JsonNode category = api().as("commander").get("/api/v1/categories/CLOSE_CONTACT").json();
		assertThat(category.get("rules")).hasSize(2);
		assertThat(jdbc.sql("""
				SELECT count(DISTINCT r.version) FROM quarantine_stay s JOIN quarantine_rule r ON r.id = s.rule_id
				WHERE s.facility_id = :f AND s.status = 'ACTIVE' AND r.category_id = :c""")
			.param("f", facility).param("c", category.get("id").asLong()).query(Long.class).single()).isEqualTo(2);
	}
}
