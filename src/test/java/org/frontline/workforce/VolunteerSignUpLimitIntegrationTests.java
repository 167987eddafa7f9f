package org.frontline.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.Test;

/**
 * The public volunteer sign-up is limited per source address: five sign-ups pass, the sixth within the minute is
 * refused on the page with how long to wait and stores nothing, whoever it names; another address is not held back,
 * and after the wait the address may sign up again.
 */
class VolunteerSignUpLimitIntegrationTests extends IntegrationTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

	private static final Pattern ERROR = Pattern.compile("id=\"signup-error\"><span>([^<]*)</span>");

	@Test
	void theSixthSignUpFromOneAddressWithinTheMinuteIsRefusedAndStoresNothing() throws Exception {
		// Addresses of the documentation range, given by the proxy header the server trusts from the loopback.
		String address = "198.51.100.61";
		for (int i = 0; i < 5; i++) {
			String idNumber = TestData.residentId();
			assertThat(signUp(address, idNumber, "zh-CN")).contains("id=\"signup-done\"");
			assertThat(workers(idNumber)).containsExactly("PENDING");
		}
		long counted = failures(address);
		assertThat(counted).isEqualTo(5);

		String refused = TestData.residentId();
		String page = signUp(address, refused, "zh-CN");
		assertThat(page).doesNotContain("id=\"signup-done\"");
		assertThat(error(page)).isEqualTo("提交次数过多，请 1 分钟后再试。");
		assertThat(error(signUp(address, TestData.residentId(), "en"))).isEqualTo("Too many sign-ups; try again in 1 min.");
		// A form that would be wrong is refused by the limit all the same: nothing is checked, nothing told.
		assertThat(error(signUp(address, "320602199001011234", "zh-CN"))).isEqualTo("提交次数过多，请 1 分钟后再试。");
		assertThat(workers(refused)).isEmpty();
		assertThat(failures(address)).as("refused attempts are not counted").isEqualTo(counted);

		String elsewhere = TestData.residentId();
		assertThat(signUp("198.51.100.62", elsewhere, "zh-CN")).contains("id=\"signup-done\"");
		assertThat(workers(elsewhere)).containsExactly("PENDING");

		clock.advance(Duration.ofSeconds(61));
		try {
			assertThat(signUp(address, refused, "zh-CN")).contains("id=\"signup-done\"");
			assertThat(workers(refused)).containsExactly("PENDING");
			assertThat(error(signUp(address, TestData.residentId(), "zh-CN")))
				.as("each sign-up past the free ones doubles the wait")
				.isEqualTo("提交次数过多，请 2 分钟后再试。");
		}
		finally {
			clock.reset();
		}
	}

	private String signUp(String address, String idNumber, String language) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String form = send(http, HttpRequest.newBuilder(uri()).header("X-Forwarded-For", address).GET(), language);
		Matcher csrf = CSRF.matcher(form);
		assertThat(csrf.find()).as("the form carries its CSRF token").isTrue();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", csrf.group(1));
		fields.put("name", "限流测试");
		fields.put("idNumber", idNumber);
		fields.put("phone", TestData.phone());
		fields.put("community", WorkforceFixture.CHENYUAN);
		fields.put("skills", "REGISTRATION");
		String body = fields.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(http, HttpRequest.newBuilder(uri())
			.header("X-Forwarded-For", address)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)), language);
	}

	private static String send(HttpClient http, HttpRequest.Builder request, String language)
			throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(request.header("Accept-Language", language).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private URI uri() {
		return URI.create(baseUrl() + "/public/volunteer");
	}

	private static String error(String page) {
		Matcher matcher = ERROR.matcher(page);
		assertThat(matcher.find()).as("an error on the page").isTrue();
		return matcher.group(1).strip();
	}

	private List<String> workers(String idNumber) {
		return jdbc.sql("SELECT status FROM workforce_worker WHERE id_number = :id")
			.param("id", idNumber)
			.query(String.class)
			.list();
	}

	private long failures(String address) {
		return jdbc.sql("SELECT coalesce(max(failures), 0) FROM security_attempt_limit WHERE key = :key")
			.param("key", "volunteer:address:" + address)
			.query(Long.class)
			.single();
	}
}
