package org.frontline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class AccessIntegrationTests extends IntegrationTest {

	@Test
	void loginAnswersATokenThatOpensTheApi() {
		Response login = api().anonymous()
			.post("/api/v1/auth/login", Map.of("username", "commander", "password", DEMO_PASSWORD));
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().get("token").asString()).startsWith("fl_");
		assertThat(login.json().get("expiresAt").asString()).isNotBlank();
		assertThat(api().withToken(login.json().get("token").asString()).get("/api/v1/areas").status()).isEqualTo(200);
	}

	@Test
	void theApiRefusesMissingForgedAndRevokedTokens() {
		assertThat(api().anonymous().get("/api/v1/people").status()).isEqualTo(401);
		Response forged = api().withToken("fl_forged").get("/api/v1/people");
		assertThat(forged.status()).isEqualTo(401);
		assertThat(forged.header("Content-Type")).startsWith("application/problem+json");

		long labUser = userId("lab");
		Response issued = api().as("admin").post("/api/v1/users/" + labUser + "/tokens", Map.of("label", "PCR-1", "days", 30));
		assertThat(issued.status()).isEqualTo(201);
		String token = issued.json().get("token").asString();
		assertThat(api().withToken(token).get("/api/v1/areas").status()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT count(*) FROM security_token WHERE token_hash = sha256(convert_to(:t, 'UTF8'))")
			.param("t", token).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM security_token t WHERE encode(t.token_hash, 'escape') LIKE '%' || :t || '%'")
			.param("t", token).query(Long.class).single()).isZero();
		assertThat(api().as("admin").delete("/api/v1/tokens/" + issued.json().get("id").asLong()).status()).isEqualTo(204);
		assertThat(api().withToken(token).get("/api/v1/areas").status()).isEqualTo(401);
	}

	@Test
	void adminsCreateAndDisableUsersWithinTheirScopeAndThePasswordPolicy() {
		Response weak = api().as("admin").post("/api/v1/users",
				Map.of("username", "weak.user", "password", "short", "roles", List.of("VOLUNTEER"), "scope", "320602"));
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.json().get("errors").toString()).contains("password");
		Response unknownArea = api().as("admin").post("/api/v1/users", Map.of("username", "lost.user", "password",
				"Cardinal-Fern-48", "roles", List.of("VOLUNTEER"), "scope", "320602999"));
		assertThat(unknownArea.status()).isEqualTo(400);
		assertThat(api().as("commander").post("/api/v1/users", Map.of("username", "x.user", "password",
				"Cardinal-Fern-48", "roles", List.of("VOLUNTEER"), "scope", "320602")).status()).isEqualTo(403);

		Response created = api().as("admin").post("/api/v1/users", Map.of("username", "worker.cy", "password",
				"Cardinal-Fern-48", "roles", List.of("COMMUNITY_WORKER"), "scope", "320602001002"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body()).doesNotContain("Cardinal-Fern-48").doesNotContain("password");
		assertThat(api().as("admin").post("/api/v1/users", Map.of("username", "worker.cy", "password",
				"Cardinal-Fern-48", "roles", List.of("COMMUNITY_WORKER"), "scope", "320602001002")).status()).isEqualTo(409);
		assertThat(api().as("worker.cy", "Cardinal-Fern-48").get("/api/v1/people").status()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT password_hash FROM security_user WHERE username = 'worker.cy'").query(String.class)
			.single()).startsWith("{bcrypt}");

		long id = created.json().get("id").asLong();
		assertThat(api().as("admin").post("/api/v1/users/" + id + "/disable", Map.of()).status()).isEqualTo(200);
		assertThat(api().anonymous().post("/api/v1/auth/login", Map.of("username", "worker.cy", "password", "Cardinal-Fern-48"))
			.status()).isEqualTo(401);
		assertThat(api().as("admin").get("/api/v1/users").body()).contains("\"username\":\"worker.cy\"");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action IN ('USER_CREATE', 'USER_DISABLE') AND detail LIKE 'worker.cy%' OR (action = 'USER_DISABLE' AND record_id = :id)")
			.param("id", String.valueOf(id)).query(Long.class).single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void theAuditLogIsAppendOnly() {
		api().as("admin").get("/api/v1/audit");
		long id = jdbc.sql("SELECT max(id) FROM audit_entry").query(Long.class).single();
		org.assertj.core.api.Assertions.assertThatThrownBy(
				() -> jdbc.sql("UPDATE audit_entry SET username = 'x' WHERE id = :id").param("id", id).update())
			.hasMessageContaining("append-only");
		org.assertj.core.api.Assertions.assertThatThrownBy(
				() -> jdbc.sql("DELETE FROM audit_entry WHERE id = :id").param("id", id).update())
			.hasMessageContaining("append-only");
	}

	@Test
	void theEmbeddedServerMakesEveryAcknowledgedWriteDurable() {
		assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
		assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
		assertThat(jdbc.sql("SHOW full_page_writes").query(String.class).single()).isEqualTo("on");
	}

	@Test
	void healthIsUpAndTheOpenApiDescriptionIsServedToSignedInUsers() {
		Response health = api().anonymous().get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
		assertThat(api().anonymous().get("/v3/api-docs").status()).isEqualTo(401);
		Response openApi = api().as("volunteer").get("/v3/api-docs");
		assertThat(openApi.status()).isEqualTo(200);
		assertThat(openApi.json().get("paths").has("/api/v1/people/{id}")).isTrue();
	}

	private long userId(String username) {
		return jdbc.sql("SELECT id FROM security_user WHERE username = :u").param("u", username).query(Long.class).single();
	}
}
