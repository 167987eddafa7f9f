package org.frontline.supplies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** A warehouse keeper's warehouse is part of their scope, and editing the user keeps it. */
class KeeperScopeIntegrationTests extends IntegrationTest {

	@Test
	void editingAWarehouseKeeperKeepsTheirWarehouseScope() {
		SuppliesFixture fixture = new SuppliesFixture(api(), jdbc);
		String own = fixture.warehouse();
		String other = fixture.warehouse();
		long warehouse = Long.parseLong(own.substring("WAREHOUSE:".length()));
		String username = SuppliesFixture.unique("keeper");
		Response created = api().as("admin").post("/api/v1/users", Map.of("username", username, "password",
				SuppliesFixture.PASSWORD, "roles", List.of("WAREHOUSE_KEEPER"), "warehouse", warehouse));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();

		Response changed = api().as("admin").put("/api/v1/users/" + id,
				Map.of("roles", List.of("WAREHOUSE_KEEPER", "VOLUNTEER"), "warehouse", warehouse));

		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("places").get("warehouse").asLong()).isEqualTo(warehouse);
		assertThat(changed.json().get("roles").toString()).contains("VOLUNTEER");
		assertThat(jdbc.sql("SELECT places ->> 'warehouse' FROM security_user WHERE id = :id").param("id", id)
			.query(String.class).single()).isEqualTo(Long.toString(warehouse));
		assertThat(fixture.as(username).get("/api/v1/stock?place=" + own).status()).isEqualTo(200);
		assertThat(fixture.as(username).get("/api/v1/stock?place=" + other).status())
			.as("a keeper still sees only their own warehouse").isEqualTo(404);
	}
}
