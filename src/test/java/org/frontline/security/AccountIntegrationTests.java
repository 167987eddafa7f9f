package org.frontline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.frontline.support.Api;
import org.frontline.support.IntegrationTest;
import org.frontline.support.PageSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A user's own account: their tokens, which they see and revoke, and the password policy they meet. */
class AccountIntegrationTests extends IntegrationTest {

	private static final String PASSWORD = "Cardinal-Fern-48";

	@Test
	void usersListAndRevokeTheirOwnTokensButNoOneElses() {
		long id = createUser();
		String username = username(id);
		Api.As signedIn = api().withToken(api().as(username, PASSWORD).token());
		long device = deviceToken(id);
		long othersDevice = deviceToken(jdbc.sql("SELECT id FROM security_user WHERE username = 'volunteer'")
			.query(Long.class).single());
		Api.As lostPhone = api().withToken(tokenOf(device));

		JsonNode own = signedIn.get("/api/v1/me/tokens").json();
		List<String> kinds = new ArrayList<>();
		own.forEach(t -> {
			kinds.add(t.get("kind").asString());
			assertThat(t.get("username").asString()).isEqualTo(username);
		});
		assertThat(kinds).containsExactlyInAnyOrder("SESSION", "DEVICE");
		assertThat(own.toString()).doesNotContain("\"token\"");

		assertThat(signedIn.delete("/api/v1/me/tokens/" + othersDevice).status()).isEqualTo(404);
		assertThat(revokedAt(othersDevice)).isNull();
		assertThat(lostPhone.get("/api/v1/areas").status()).isEqualTo(200);
		assertThat(signedIn.delete("/api/v1/me/tokens/" + device).status()).isEqualTo(204);
		assertThat(lostPhone.get("/api/v1/areas").status()).isEqualTo(401);
		assertThat(signedIn.get("/api/v1/me/tokens").json().size()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'TOKEN_REVOKE' AND record_id = :id")
			.param("id", String.valueOf(device)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theAccountPageListsTheUsersTokensAndRevokesOne() {
		long id = createUser();
		long device = deviceToken(id);
		PageSession page = new PageSession(baseUrl());
		page.signIn(username(id), PASSWORD);
		String html = page.get("/account").body();
		assertThat(html).contains("id=\"token-" + device + "\"").contains("设备");
		assertThat(page.postForm("/account/tokens/" + device + "/revoke", Map.of()).statusCode()).isEqualTo(302);
		assertThat(revokedAt(device)).isNotNull();
		assertThat(page.get("/account").body()).doesNotContain("id=\"token-" + device + "\"");
	}

	@Test
	void commonPasswordsAndOwnDataAreRefusedWithTheReasonInTheReadersLanguage() {
		Map<String, Object> weak = Map.of("username", "weak." + System.nanoTime() % 100_000, "password", "password12",
				"roles", List.of("VOLUNTEER"), "scope", "320602");
		Api.Response chinese = api().as("admin").post("/api/v1/users", weak);
		assertThat(chinese.status()).isEqualTo(400);
		assertThat(chinese.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
		assertThat(chinese.json().get("errors").get(0).get("message").asString()).contains("常见密码");
		Api.Response english = api().as("admin").acceptLanguage("en").post("/api/v1/users", weak);
		assertThat(english.json().get("errors").get(0).get("message").asString()).contains("common password");

		String name = "repeat." + System.nanoTime() % 100_000;
		Api.Response ownName = api().as("admin").post("/api/v1/users", Map.of("username", name, "password",
				name.toUpperCase() + "!x", "roles", List.of("VOLUNTEER"), "scope", "320602"));
		assertThat(ownName.status()).isEqualTo(400);
		assertThat(ownName.json().get("errors").get(0).get("message").asString()).contains("本人信息");
		assertThat(jdbc.sql("SELECT count(*) FROM security_user WHERE username IN (:a, :b)")
			.param("a", weak.get("username")).param("b", name).query(Long.class).single()).isZero();
	}

	private long createUser() {
		String username = "account." + System.nanoTime() % 10_000_000;
		Api.Response created = api().as("admin").post("/api/v1/users", Map.of("username", username, "password",
				PASSWORD, "roles", List.of("VOLUNTEER"), "scope", "320602001001"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private final Map<Long, String> issued = new java.util.HashMap<>();

	private long deviceToken(long userId) {
		Api.Response response = api().as("admin").post("/api/v1/users/" + userId + "/tokens",
				Map.of("label", "phone", "days", 1));
		assertThat(response.status()).isEqualTo(201);
		issued.put(response.json().get("id").asLong(), response.json().get("token").asString());
		return response.json().get("id").asLong();
	}

	private String tokenOf(long id) {
		return issued.get(id);
	}

	private String username(long id) {
		return jdbc.sql("SELECT username FROM security_user WHERE id = :id").param("id", id).query(String.class).single();
	}

	private Object revokedAt(long tokenId) {
		return jdbc.sql("SELECT revoked_at FROM security_token WHERE id = :id").param("id", tokenId)
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getTimestamp(1))).single().orElse(null);
	}
}
