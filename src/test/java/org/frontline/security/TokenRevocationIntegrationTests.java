package org.frontline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.frontline.support.Api;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Tokens are remembered briefly for speed; a revocation or a disabled user still takes effect at once. */
class TokenRevocationIntegrationTests extends IntegrationTest {

	@Test
	void aDeviceTokenInUseStopsWorkingTheMomentItIsRevoked() {
		long userId = jdbc.sql("SELECT id FROM security_user WHERE username = 'volunteer'").query(Long.class).single();
		Api.Response issued = api().as("admin").post("/api/v1/users/" + userId + "/tokens",
				Map.of("label", "revoked in use", "days", 1));
		assertThat(issued.status()).isEqualTo(201);
		Api.As device = api().withToken(issued.json().get("token").asString());
		assertThat(device.get("/api/v1/areas").status()).isEqualTo(200);
		assertThat(device.get("/api/v1/areas").status()).isEqualTo(200);

		assertThat(api().as("admin").delete("/api/v1/tokens/" + issued.json().get("id").asLong()).status()).isEqualTo(204);

		assertThat(device.get("/api/v1/areas").status()).isEqualTo(401);
	}

	@Test
	void theTokenOfAUserInUseStopsWorkingTheMomentTheUserIsDisabled() {
		String username = "disabled." + System.nanoTime() % 1_000_000;
		Api.Response created = api().as("admin").post("/api/v1/users", Map.of("username", username, "password",
				"Willow7-Harbor", "roles", List.of("COMMUNITY_WORKER"), "scope", "320602001001"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		Api.As user = api().withToken(api().as(username, "Willow7-Harbor").token());
		assertThat(user.get("/api/v1/areas").status()).isEqualTo(200);

		assertThat(api().as("admin").post("/api/v1/users/" + created.json().get("id").asLong() + "/disable", Map.of())
			.status()).isEqualTo(200);

		assertThat(user.get("/api/v1/areas").status()).isEqualTo(401);
		assertThat(api().as("admin").post("/api/v1/users/" + created.json().get("id").asLong() + "/enable", Map.of())
			.status()).isEqualTo(200);
		assertThat(user.get("/api/v1/areas").status()).isEqualTo(200);
	}
}
