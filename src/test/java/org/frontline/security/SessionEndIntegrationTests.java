package org.frontline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.frontline.support.Api;
import org.frontline.support.IntegrationTest;
import org.frontline.support.PageSession;
import org.frontline.support.TestData;
import org.junit.jupiter.api.Test;

/**
 * Disabling a user, changing their roles or scope, or resetting their password ends every page session of theirs at
 * once: the sessions are rows in PostgreSQL, so no instance finds them any more.
 */
class SessionEndIntegrationTests extends IntegrationTest {

	private static final String PASSWORD = "Sessions2022x";

	@Test
	void disablingAUserEndsTheirPageSessionsForPagesAndTheApi() {
		long id = createWorker();
		PageSession session = signedIn(id);
		PageSession other = new PageSession(baseUrl());
		other.signIn("zhongxin", DEMO_PASSWORD);

		assertThat(api().as("admin").post("/api/v1/users/" + id + "/disable", Map.of()).status()).isEqualTo(200);

		assertSignedOut(session, id);
		String idNumber = TestData.residentId();
		assertThat(session.api("POST", "/api/v1/people", Api.json(Map.of("name", "会话", "idNumber", idNumber, "area",
				TestData.CHENYUAN_COMPOUND))).statusCode()).isIn(401, 403);
		assertThat(jdbc.sql("SELECT count(*) FROM people_person WHERE id_number = :n").param("n", idNumber)
			.query(Long.class).single()).isZero();
		assertThat(other.get("/people").statusCode()).as("another user's session is untouched").isEqualTo(200);
	}

	@Test
	void changingAUsersRolesEndsTheirPageSessions() {
		long id = createWorker();
		PageSession session = signedIn(id);
		Api.Response changed = api().as("admin").put("/api/v1/users/" + id,
				Map.of("roles", List.of("VOLUNTEER"), "scope", "320602001002"));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("roles").toString()).contains("VOLUNTEER").doesNotContain("COMMUNITY_WORKER");
		assertSignedOut(session, id);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'USER_CHANGE' AND record_id = :id")
			.param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void changingAUsersScopeEndsTheirPageSessionsAndTheNewScopeAppliesAtTheNextSignIn() {
		long id = createWorker();
		PageSession session = signedIn(id);
		Api.Response changed = api().as("admin").put("/api/v1/users/" + id,
				Map.of("roles", List.of("COMMUNITY_WORKER"), "scope", "320602002001"));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertSignedOut(session, id);
		PageSession again = signedIn(id);
		assertThat(again.api("GET", "/api/v1/people?area=" + TestData.CHENYUAN_COMPOUND, null).statusCode())
			.as("the old scope is gone").isEqualTo(404);
		assertThat(again.api("GET", "/api/v1/people?area=" + TestData.ZHONGXINCUN_COMPOUND, null).statusCode())
			.isEqualTo(200);
	}

	@Test
	void resettingAPasswordEndsPageSessionsAndSignInTokensButNotDeviceTokens() {
		long id = createWorker();
		PageSession session = signedIn(id);
		Api.As signInToken = api().withToken(api().as(username(id), PASSWORD).token());
		Api.As deviceToken = api().withToken(api().as("admin")
			.post("/api/v1/users/" + id + "/tokens", Map.of("label", "scanner", "days", 1))
			.json().get("token").asString());
		assertThat(signInToken.get("/api/v1/areas").status()).isEqualTo(200);

		Api.Response reset = api().as("admin").post("/api/v1/users/" + id + "/password",
				Map.of("password", "Renewed2022y"));
		assertThat(reset.status()).as(reset.body()).isEqualTo(204);

		assertSignedOut(session, id);
		assertThat(signInToken.get("/api/v1/areas").status()).isEqualTo(401);
		assertThat(deviceToken.get("/api/v1/areas").status()).as("a device keeps working").isEqualTo(200);
		assertThat(new PageSession(baseUrl()).signIn(username(id), PASSWORD).headers().firstValue("Location").orElse(""))
			.contains("error");
		assertThat(new PageSession(baseUrl()).signIn(username(id), "Renewed2022y").headers().firstValue("Location")
			.orElse("")).doesNotContain("error");
	}

	@Test
	void passwordResetsFollowThePolicyAndAreNotForOnesOwnAccount() {
		long id = createWorker();
		PageSession session = signedIn(id);
		Api.Response weak = api().as("admin").post("/api/v1/users/" + id + "/password", Map.of("password", "short1"));
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
		assertThat(session.get("/people").statusCode()).as("a refused reset ends nothing").isEqualTo(200);
		long admin = jdbc.sql("SELECT id FROM security_user WHERE username = 'admin'").query(Long.class).single();
		assertThat(api().as("admin").post("/api/v1/users/" + admin + "/password", Map.of("password", "Renewed2022y"))
			.status()).isEqualTo(409);
		assertThat(api().as("admin").put("/api/v1/users/" + admin, Map.of("roles", List.of("VOLUNTEER"), "scope",
				"320602")).status()).isEqualTo(409);
		assertThat(api().as("community").post("/api/v1/users/" + id + "/password", Map.of("password", "Renewed2022y"))
			.status()).isEqualTo(403);
	}

	@Test
	void aScopedAdministratorChangesOnlyUsersOfTheirScopeAndOnlyWithinIt() {
		long id = createWorker();
		String admin = "chenyuan.admin." + System.nanoTime() % 1_000_000;
		assertThat(api().as("admin").post("/api/v1/users", Map.of("username", admin, "password", PASSWORD, "roles",
				List.of("ADMIN"), "scope", "320602001002")).status()).isEqualTo(201);
		Api.As scoped = api().as(admin, PASSWORD);
		assertThat(scoped.put("/api/v1/users/" + id, Map.of("roles", List.of("COMMUNITY_WORKER"), "scope", "320602"))
			.status()).as("not beyond their own scope").isEqualTo(400);
		long zhongxin = jdbc.sql("SELECT id FROM security_user WHERE username = 'zhongxin'").query(Long.class).single();
		assertThat(scoped.put("/api/v1/users/" + zhongxin, Map.of("roles", List.of("VOLUNTEER"), "scope",
				"320602001002")).status()).as("not a user outside their scope").isEqualTo(404);
		assertThat(scoped.post("/api/v1/users/" + zhongxin + "/password", Map.of("password", "Renewed2022y"))
			.status()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT roles::text FROM security_user WHERE id = :id").param("id", zhongxin)
			.query(String.class).single()).isEqualTo("{COMMUNITY_WORKER}");
	}

	private long createWorker() {
		String username = "session." + System.nanoTime() % 10_000_000;
		Api.Response created = api().as("admin").post("/api/v1/users", Map.of("username", username, "password",
				PASSWORD, "roles", List.of("COMMUNITY_WORKER"), "scope", "320602001002"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private PageSession signedIn(long id) {
		PageSession session = new PageSession(baseUrl());
		HttpResponse<String> signIn = session.signIn(username(id), PASSWORD);
		assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
		assertThat(session.get("/people").statusCode()).isEqualTo(200);
		assertThat(session.api("GET", "/api/v1/people", null).statusCode()).isEqualTo(200);
		assertThat(sessionRows(id)).isPositive();
		return session;
	}

	private void assertSignedOut(PageSession session, long id) {
		assertThat(sessionRows(id)).as("no session row of theirs is left for any instance to find").isZero();
		HttpResponse<String> page = session.get("/people");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
		assertThat(session.api("GET", "/api/v1/people", null).statusCode()).isEqualTo(401);
	}

	private String username(long id) {
		return jdbc.sql("SELECT username FROM security_user WHERE id = :id").param("id", id).query(String.class).single();
	}

	private long sessionRows(long id) {
		return jdbc.sql("SELECT count(*) FROM security_session WHERE principal_name = :u").param("u", username(id))
			.query(Long.class).single();
	}

}
