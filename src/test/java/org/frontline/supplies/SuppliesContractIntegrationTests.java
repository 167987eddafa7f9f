package org.frontline.supplies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What supplies shares with others: the tubes of every pool size testing takes, and API schemas of its own names. */
class SuppliesContractIntegrationTests extends IntegrationTest {

	@Test
	void theCatalogueHasATubeForEveryPoolSizeTestingAndZonesAllow() {
		List<Integer> poolSizes = jdbc.sql("""
				SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
				WHERE c.conname IN ('testing_tube_pool_size_check', 'testing_round_pool_size_check')
				   OR t.relname = 'zones_rule' AND pg_get_constraintdef(c.oid) LIKE '%pool_size%'""")
			.query(String.class).list().stream()
			.flatMap(check -> Arrays.stream(check.replaceAll(".*IN \\(|\\).*|ARRAY\\[|\\]|::integer", "")
				.replaceAll("[^0-9,]", "").split(",")))
			.filter(s -> !s.isEmpty())
			.map(Integer::valueOf)
			.distinct()
			.sorted()
			.toList();
		assertThat(poolSizes).containsExactly(1, 5, 10, 20);
		List<String> tubes = jdbc.sql("SELECT code FROM supplies_item WHERE code LIKE 'TUBE-%' ORDER BY code")
			.query(String.class).list();
		assertThat(tubes).containsExactlyInAnyOrderElementsOf(poolSizes.stream().map(n -> "TUBE-" + n).toList());
	}

	@Test
	void theApiDocumentNamesSuppliesMovementsAndArrivalsApartFromEnterpriseAndQuarantine() {
		JsonNode schemas = api().as("admin").get("/v3/api-docs").json().get("components").get("schemas");
		assertThat(schemas.get("SupplyMovement").get("properties").has("lot")).isTrue();
		assertThat(schemas.get("SupplyArrival").get("properties").has("lines")).isTrue();
		if (schemas.has("Movement")) {
			assertThat(schemas.get("Movement").get("properties").has("lot")).isFalse();
		}
		if (schemas.has("Arrival")) {
			assertThat(schemas.get("Arrival").get("properties").has("lines")).isFalse();
		}
	}
}
