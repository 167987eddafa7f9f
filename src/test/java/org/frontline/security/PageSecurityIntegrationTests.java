package org.frontline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Pages: CSRF on forms, session cookies, security headers, a new session id at sign-in. */
class PageSecurityIntegrationTests extends IntegrationTest {

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private HttpResponse<String> get(String path, String cookie) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> postForm(String path, String cookie, String form) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String sessionCookie(HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("FRONTLINE_SESSION="))
			.findFirst()
			.orElse(null);
	}

	private static String csrf(String html) {
		Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(matcher.find()).as("CSRF field in form").isTrue();
		return matcher.group(1);
	}

	@Test
	void staticFilesAreNamedByContentKeptForAYearAndSentCompressed() throws Exception {
		HttpResponse<String> login = get("/login", null);
		Matcher css = Pattern.compile("href=\"(/css/frontline-[0-9a-f]{32}\\.css)\"").matcher(login.body());
		assertThat(css.find()).as("stylesheet named by its content hash in " + login.body()).isTrue();
		HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + css.group(1)))
			.header("Accept-Encoding", "gzip")
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000");
		assertThat(file.headers().firstValue("Content-Encoding")).hasValue("gzip");
		String text = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(file.body()))
			.readAllBytes(), StandardCharsets.UTF_8);
		HttpResponse<String> plain = get("/css/frontline.css", null);
		assertThat(text).isEqualTo(plain.body());
	}

	@Test
	void pagesCarrySecurityHeaders() throws Exception {
		HttpResponse<String> login = get("/login", null);
		assertThat(login.headers().firstValue("Content-Security-Policy").orElse(""))
			.contains("default-src 'self'", "frame-ancestors 'none'", "script-src 'self'");
		assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(login.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
	}

	@Test
	void sessionCookiesAreSecureWhenTheRequestCameOverHttpsThroughAProxyThatSaysSo() throws Exception {
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
			.header("X-Forwarded-Proto", "https")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(cookie(page, "FRONTLINE_CSRF")).isNotNull().contains("Secure").contains("HttpOnly");
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
			.header("X-Forwarded-Proto", "https")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", cookie(page, "FRONTLINE_CSRF").split(";")[0])
			.POST(HttpRequest.BodyPublishers.ofString(signInForm("community", page)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(sessionCookie(signedIn)).isNotNull().contains("Secure").contains("HttpOnly");
		// Over plain HTTP (a site's own server reached by its address) a Secure cookie would never come back.
		assertThat(sessionCookie(signIn("community"))).isNotNull().doesNotContain("Secure").contains("HttpOnly");
	}

	@Test
	void sessionCookiesAreHttpOnlyAndRenewedAtSignIn() throws Exception {
		String first = sessionCookie(signIn("volunteer"));
		assertThat(first).isNotNull().contains("HttpOnly").contains("SameSite=Lax");
		String planted = first.substring(0, first.indexOf(';'));
		// A session id planted in a victim's browser (here: the attacker's own) is replaced when the victim signs in.
		HttpResponse<String> page = get("/login", planted);
		HttpResponse<String> signedIn = postForm("/login", planted + "; " + cookie(page, "FRONTLINE_CSRF").split(";")[0],
				signInForm("community", page));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
		String renewed = sessionCookie(signedIn);
		assertThat(renewed).as("a new session id after sign-in (no session fixation)").isNotNull();
		assertThat(renewed.substring(0, renewed.indexOf(';'))).isNotEqualTo(planted);
		assertThat(get("/people", planted).statusCode()).as("the planted session id is not signed in").isEqualTo(302);
		assertThat(get("/people", renewed.substring(0, renewed.indexOf(';'))).statusCode()).isEqualTo(200);
	}

	@Test
	void anonymousVisitorsCreateNoSession() throws Exception {
		long before = sessions();
		for (int i = 0; i < 200; i++) {
			HttpResponse<String> visit = get("/public/code", null);
			assertThat(visit.statusCode()).isEqualTo(200);
			assertThat(sessionCookie(visit)).isNull();
		}
		FromAddress visitor = new FromAddress("127.0.0.1", port);
		assertThat(visitor.get("/login").status()).isEqualTo(200);
		assertThat(visitor.get("/people").status()).as("a page that needs a sign-in").isEqualTo(302);
		visitor.get("/public/code");
		assertThat(visitor.postForm("/public/code", java.util.Map.of("name", "无此人", "idNumber",
				org.frontline.support.TestData.residentId(), "phone", "13900000000")).status()).isEqualTo(200);
		assertThat(visitor.get("/public/result").status()).isEqualTo(200);
		assertThat(api().anonymous().get("/api/v1/people").status()).isEqualTo(401);
		assertThat(visitor.cookies()).doesNotContainKey("FRONTLINE_SESSION");
		assertThat(sessions()).isEqualTo(before);
		// The page asked for before signing in is where the sign-in leads, without a session to remember it.
		visitor.get("/people");
		assertThat(visitor.signIn("community", DEMO_PASSWORD).header("Location")).isEqualTo("/people");
	}

	private long sessions() {
		return jdbc.sql("SELECT count(*) FROM security_session").query(Long.class).single();
	}

	private HttpResponse<String> signIn(String username) throws Exception {
		HttpResponse<String> page = get("/login", null);
		return postForm("/login", cookie(page, "FRONTLINE_CSRF").split(";")[0], signInForm(username, page));
	}

	private static String signInForm(String username, HttpResponse<String> page) {
		return "username=" + username + "&password=" + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ csrf(page.body());
	}

	private static String cookie(HttpResponse<?> response, String name) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith(name + "="))
			.findFirst()
			.orElse(null);
	}

	@Test
	void aFormPostWithoutItsCsrfTokenIsRefusedAndWritesNothing() throws Exception {
		String session = sessionCookie(signIn("admin")).split(";")[0];
		HttpResponse<String> forged = postForm("/admin/users", session,
				"username=csrf.victim&password=Cardinal-Fern-48&roles=ADMIN&scope=320600");
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT count(*) FROM security_user WHERE username = 'csrf.victim'").query(Long.class).single())
			.isZero();
		HttpResponse<String> apiWithCookie = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/users"))
			.header("Cookie", session)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"username\":\"csrf.victim\",\"password\":\"Cardinal-Fern-48\",\"roles\":[\"ADMIN\"],\"scope\":\"320600\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(apiWithCookie.statusCode()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT count(*) FROM security_user WHERE username = 'csrf.victim'").query(Long.class).single())
			.isZero();
		// The device protocol has a filter chain of its own; a session without the CSRF token is refused there too.
		String eventId = java.util.UUID.randomUUID().toString();
		HttpResponse<String> scanWithCookie = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/scans"))
			.header("Cookie", session)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"deviceId\":\"csrf\",\"events\":[{\"eventId\":\"" + eventId
					+ "\",\"type\":\"TUBE_OPENED\",\"roundId\":1,\"siteId\":1,\"tubeCode\":\"CSRF01\"}]}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(scanWithCookie.statusCode()).isEqualTo(403);
		// With a bearer token the device chain checks no CSRF token, so it never falls back to the session: a
		// wrong token beside a signed-in session is refused.
		HttpResponse<String> wrongTokenWithCookie = http.send(HttpRequest
			.newBuilder(URI.create(baseUrl() + "/api/v1/scans"))
			.header("Cookie", session)
			.header("Authorization", "Bearer not-a-token")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"deviceId\":\"csrf\",\"events\":[{\"eventId\":\"" + eventId
					+ "\",\"type\":\"TUBE_OPENED\",\"roundId\":1,\"siteId\":1,\"tubeCode\":\"CSRF01\"}]}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(wrongTokenWithCookie.statusCode()).isEqualTo(401);
		assertThat(jdbc.sql("SELECT count(*) FROM testing_scan_event WHERE event_id = :id::uuid")
			.param("id", eventId)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void deviceProtocolAnswersAreNotSniffedOrCached() throws Exception {
		String token = api().as("registrar").token();
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/scans"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"deviceId\":\"headers\",\"events\":[]}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
		assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(answer.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
	}
}
