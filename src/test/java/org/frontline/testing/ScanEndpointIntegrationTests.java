package org.frontline.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frontline.testing.TestingFixture.event;
import static org.frontline.testing.TestingFixture.results;
import static org.frontline.testing.TestingFixture.send;
import static org.frontline.testing.TestingFixture.unique;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The device protocol's HTTP edges, now that {@code POST /api/v1/scans} is a servlet of its own: every refusal is a
 * problem with a stable type and stores nothing, the answer is what the API document says, and a request answered
 * later (after its group's commit) gives its admission permit back.
 */
class ScanEndpointIntegrationTests extends IntegrationTest {

	private TestingFixture fixture;

	private long round;

	private long site;

	private Api.As registrar;

	@BeforeEach
	void setUp() {
		fixture = new TestingFixture(api());
		round = fixture.openRound(10);
		site = fixture.site(TestingFixture.BILINWAN);
		registrar = fixture.asUser(fixture.siteUser(site, "REGISTRAR"));
	}

	private long tubes(String code) {
		return jdbc.sql("SELECT count(*) FROM testing_tube WHERE code = :c").param("c", code).query(Long.class).single();
	}

	private Map<String, Object> opening(String tube) {
		return event("TUBE_OPENED", "roundId", round, "siteId", site, "tubeCode", tube);
	}

	@Test
	void malformedOrMistypedBodiesAreRefusedWithAProblemAndStoreNothing() {
		String tube = unique("T");
		String body = Api.json(Map.of("deviceId", "edge", "events", List.of(opening(tube))));

		Response cut = registrar.send("POST", "/api/v1/scans", "application/json",
				BodyPublishers.ofString(body.substring(0, body.length() - 5)));
		assertThat(cut.status()).as(cut.body()).isEqualTo(400);
		assertThat(cut.header("Content-Type")).startsWith("application/problem+json");
		assertThat(cut.json().get("type").asString()).endsWith("/malformed-body");

		Response empty = registrar.send("POST", "/api/v1/scans", "application/json", BodyPublishers.noBody());
		assertThat(empty.status()).as(empty.body()).isEqualTo(400);
		assertThat(empty.json().get("type").asString()).endsWith("/malformed-body");

		Response text = registrar.send("POST", "/api/v1/scans", "text/plain",
				BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		assertThat(text.status()).as(text.body()).isEqualTo(415);
		assertThat(text.json().get("type").asString()).endsWith("/http-415");

		Response read = registrar.get("/api/v1/scans");
		assertThat(read.status()).as(read.body()).isEqualTo(405);
		assertThat(read.header("Allow")).isEqualTo("POST");

		Response none = registrar.post("/api/v1/scans", Map.of("deviceId", "edge", "events", List.of()));
		assertThat(none.status()).as(none.body()).isEqualTo(400);
		assertThat(none.json().get("type").asString()).endsWith("/invalid-input");
		assertThat(none.json().get("errors").get(0).get("field").asString()).isEqualTo("events");

		List<Map<String, Object>> tooMany = new ArrayList<>(Collections.nCopies(1_001, opening(tube)));
		Response large = registrar.post("/api/v1/scans", Map.of("deviceId", "edge", "events", tooMany));
		assertThat(large.status()).as(large.body()).isEqualTo(400);
		assertThat(large.json().get("errors").get(0).get("field").asString()).isEqualTo("events");
		assertThat(large.json().get("detail").asString()).contains("1000");

		assertThat(tubes(tube)).isZero();
	}

	@Test
	void onlySignedInScannersMayPostAndAnOutsiderStoresNothing() {
		String tube = unique("T");
		Map<String, Object> batch = Map.of("deviceId", "edge", "events", List.of(opening(tube)));

		Response anonymous = api().anonymous().post("/api/v1/scans", batch);
		assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(401);

		Response forged = api().withToken("not-a-token").post("/api/v1/scans", batch);
		assertThat(forged.status()).as(forged.body()).isEqualTo(401);

		Response community = api().as("community").post("/api/v1/scans", batch);
		assertThat(community.status()).as(community.body()).isEqualTo(403);
		assertThat(community.header("Content-Type")).startsWith("application/problem+json");

		assertThat(tubes(tube)).isZero();
	}

	@Test
	void theAnswerIsPlainJsonWithOneResultPerEventInOrder() {
		String first = unique("T");
		String second = unique("T");
		Response answer = send(registrar, List.of(opening(first),
				event("SAMPLED", "tubeCode", unique("NONE"), "personCode", "not-a-code"), opening(second)));
		assertThat(answer.header("Content-Type")).startsWith("application/json");
		assertThat(answer.header("Content-Length")).isEqualTo(Integer.toString(answer.raw().body().length));
		var results = results(answer);
		assertThat(results).extracting(r -> r.get("status").asString())
			.containsExactly("ACCEPTED", "REJECTED", "ACCEPTED");
		assertThat(tubes(first)).isEqualTo(1);
		assertThat(tubes(second)).isEqualTo(1);
		assertThat(api().as("admin").get("/v3/api-docs").json().get("paths").get("/api/v1/scans").get("post"))
			.as("the scans endpoint is in the API document").isNotNull();
	}

	@Test
	void requestsAnsweredAfterTheirCommitGiveTheirAdmissionPermitBack() {
		// 256 scan requests may be in flight at once; a permit kept after the answer would refuse the 257th.
		for (int i = 0; i < 300; i++) {
			Response answer = send(registrar, List.of(opening(unique("P"))));
			assertThat(answer.status()).as("request " + i + ": " + answer.body()).isEqualTo(200);
		}
	}
}
