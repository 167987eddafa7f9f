package org.frontline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.frontline.support.Api;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An administrator scoped to one community sees and acts on the tokens and audit entries of that community only. */
class ScopedAdministratorIntegrationTests extends IntegrationTest {

	private static final String PASSWORD = "Scoped2022admin";

	private static final String CHENYUAN = "320602001002";

	@Test
	void aScopedAdministratorListsAndRevokesOnlyTokensOfUsersInTheirScope() {
		Api.As scoped = scopedAdmin();
		long cityAdminToken = deviceToken("admin");
		long registrarToken = deviceToken("registrar");
		long communityToken = deviceToken("community");

		JsonNode listed = scoped.get("/api/v1/tokens").json();
		Set<Long> ids = new HashSet<>();
		listed.forEach(t -> ids.add(t.get("id").asLong()));
		assertThat(ids).contains(communityToken).doesNotContain(cityAdminToken, registrarToken);
		listed.forEach(t -> assertThat(scopeOf(t.get("username").asString())).startsWith(CHENYUAN));

		assertThat(scoped.delete("/api/v1/tokens/" + cityAdminToken).status()).isEqualTo(404);
		assertThat(scoped.delete("/api/v1/tokens/" + registrarToken).status()).isEqualTo(404);
		assertThat(revokedAt(cityAdminToken)).isNull();
		assertThat(revokedAt(registrarToken)).isNull();
		assertThat(scoped.delete("/api/v1/tokens/" + communityToken).status()).isEqualTo(204);
		assertThat(revokedAt(communityToken)).isNotNull();

		assertThat(api().as("admin").get("/api/v1/tokens").body()).contains("\"id\":" + registrarToken);
	}

	@Test
	void aScopedAdministratorReadsOnlyAuditEntriesOfTheirScope() {
		Api.As scoped = scopedAdmin();
		api().as("commander").get("/api/v1/areas");
		api().as("community").get("/api/v1/people");
		long communityPerson = jdbc.sql("SELECT id FROM people_person WHERE area_code LIKE :p || '%' LIMIT 1")
			.param("p", CHENYUAN).query(Long.class).single();
		assertThat(api().as("community").get("/api/v1/people/" + communityPerson).status()).isEqualTo(200);

		JsonNode entries = scoped.get("/api/v1/audit?size=500").json().get("items");
		assertThat(entries.size()).isPositive();
		Set<String> users = new HashSet<>();
		entries.forEach(e -> users.add(e.get("username").asString()));
		assertThat(users).contains("community").doesNotContain("admin", "commander", "zhongxin", "system");
		assertThat(scoped.get("/api/v1/audit?user=commander").json().get("total").asLong()).isZero();
		assertThat(scoped.get("/api/v1/audit?user=community&action=PERSON_READ").json().get("total").asLong())
			.isPositive();

		JsonNode everything = api().as("admin").get("/api/v1/audit?user=commander").json();
		assertThat(everything.get("total").asLong()).as("the city administrator sees the district's entries")
			.isPositive();
	}

	private Api.As scopedAdmin() {
		String username = "cy.admin." + System.nanoTime() % 1_000_000;
		Api.Response created = api().as("admin").post("/api/v1/users", Map.of("username", username, "password",
				PASSWORD, "roles", List.of("ADMIN"), "scope", CHENYUAN));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return api().as(username, PASSWORD);
	}

	private long deviceToken(String username) {
		long userId = jdbc.sql("SELECT id FROM security_user WHERE username = :u").param("u", username)
			.query(Long.class).single();
		Api.Response issued = api().as("admin").post("/api/v1/users/" + userId + "/tokens",
				Map.of("label", "scope test", "days", 1));
		assertThat(issued.status()).isEqualTo(201);
		return issued.json().get("id").asLong();
	}

	private String scopeOf(String username) {
		return jdbc.sql("SELECT scope_area FROM security_user WHERE username = :u").param("u", username)
			.query(String.class).single();
	}

	private Object revokedAt(long tokenId) {
		return jdbc.sql("SELECT revoked_at FROM security_token WHERE id = :id").param("id", tokenId)
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getTimestamp(1))).single().orElse(null);
	}
}
