package org.frontline.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The start-up warm-up (off in the other tests) sends the instance the requests a surge is made of and writes
 * nothing: while it runs every scan is turned away with Retry-After, after it scans are taken again.
 */
class WarmupIntegrationTests extends IntegrationTest {

	@Autowired
	private Warmup warmup;

	@Autowired
	private IngestAdmission admission;

	@Test
	void theWarmUpTurnsScansAwayWhileItRunsWritesNothingAndTakesScansAgainAfter() throws Exception {
		Map<String, Long> rows = rowCounts();
		long sessions = jdbc.sql("SELECT count(*) FROM security_session").query(Long.class).single();
		long shed = admission.shed("/api/v1/scans");

		Warmup.Answers answers = warmup.warm(300);

		assertThat(answers.statuses()).containsExactlyInAnyOrderEntriesOf(Map.of("refused scans", Map.of(429, 300),
				"scans without a token", Map.of(401, 300), "scans with an unknown token", Map.of(401, 300), "health",
				Map.of(200, 30), "sign-in page", Map.of(200, 30)));
		assertThat(admission.shed("/api/v1/scans")).isEqualTo(shed + 300);
		assertThat(rowCounts()).isEqualTo(rows);
		assertThat(jdbc.sql("SELECT count(*) FROM security_session").query(Long.class).single()).isEqualTo(sessions);
		// Taken again: past the admission filter, a scan without credentials meets the security filters.
		assertThat(scan().statusCode()).isEqualTo(401);
	}

	@Test
	void aScanThatComesWhileTheInstanceWarmsUpIsTurnedAwayWithRetryAfter() throws Exception {
		admission.close();
		HttpResponse<String> refused;
		try {
			refused = scan();
		}
		finally {
			admission.open();
		}
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After").orElseThrow()).matches("[1-9]\\d*");
		assertThat(refused.body()).contains("/busy");
		assertThat(scan().statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> scan() throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/scans"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"deviceId\":\"d\",\"events\":[]}"))
				.build(), HttpResponse.BodyHandlers.ofString());
	}
}
