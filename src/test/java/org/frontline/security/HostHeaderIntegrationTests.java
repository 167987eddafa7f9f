package org.frontline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.frontline.security.FromAddress.Answer;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * A forged Host header is written nowhere: not into redirects (a cache in front would hand them to others) and not
 * into the API description. The description itself is for signed-in users.
 */
class HostHeaderIntegrationTests extends IntegrationTest {

	private static final Map<String, String> FORGED = Map.of("Host", "evil.example");

	@Test
	void redirectsNameAPathAndNoHostFromTheRequest() {
		FromAddress client = new FromAddress("127.0.0.1", port);
		Answer toLogin = client.send("GET", "/people", FORGED, null, 0);
		assertThat(toLogin.status()).isEqualTo(302);
		assertThat(toLogin.header("Location")).isEqualTo("/login");
		client.get("/login");
		Answer failed = signIn(client, "community", "wrong-" + DEMO_PASSWORD);
		assertThat(failed.status()).isEqualTo(302);
		assertThat(failed.header("Location")).isEqualTo("/login?error");
		client.get("/login");
		Answer signedIn = signIn(client, "community", DEMO_PASSWORD);
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).isEqualTo("/people");
	}

	private static Answer signIn(FromAddress client, String username, String password) {
		byte[] form = ("username=" + username + "&password=" + password + "&_csrf=" + client.csrf())
			.getBytes(StandardCharsets.UTF_8);
		return client.send("POST", "/login", Map.of("Host", "evil.example", "Content-Type",
				"application/x-www-form-urlencoded", "Content-Length", Integer.toString(form.length)), form, 0);
	}

	@Test
	void theApiDescriptionNamesTheConfiguredAddressAndOnlySignedInUsersReadIt() {
		FromAddress client = new FromAddress("127.0.0.1", port);
		Answer anonymous = client.send("GET", "/v3/api-docs", FORGED, null, 0);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.body()).doesNotContain("/api/v1/people");
		Answer withToken = client.send("GET", "/v3/api-docs",
				Map.of("Host", "evil.example", "Authorization", "Bearer " + api().as("volunteer").token()), null, 0);
		assertThat(withToken.status()).isEqualTo(200);
		assertThat(withToken.body()).contains("/api/v1/people").doesNotContain("evil.example");
		assertThat(api().as("volunteer").get("/v3/api-docs").json().get("servers").get(0).get("url").asString())
			.isEqualTo("/");
		client.signIn("community", DEMO_PASSWORD);
		Answer withSession = client.send("GET", "/v3/api-docs", FORGED, null, 0);
		assertThat(withSession.status()).isEqualTo(200);
		assertThat(withSession.body()).contains("/api/v1/people").doesNotContain("evil.example");
	}
}
