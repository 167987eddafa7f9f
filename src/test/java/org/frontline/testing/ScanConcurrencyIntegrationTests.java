package org.frontline.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frontline.testing.TestingFixture.event;
import static org.frontline.testing.TestingFixture.results;
import static org.frontline.testing.TestingFixture.send;
import static org.frontline.testing.TestingFixture.unique;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ScanConcurrencyIntegrationTests extends IntegrationTest {

	@Autowired
	private DataSource dataSource;

	/** A registrar at a site of an open round, and a tube of 10 they opened there. */
	private record Opened(TestingFixture fixture, Api.As registrar, String tube) {

		/** The registrar scans a person's code into the tube. */
		Response sample(String personCode) {
			return send(registrar, List.of(event("SAMPLED", "tubeCode", tube, "personCode", personCode)));
		}
	}

	private Opened openedTube() {
		TestingFixture fixture = new TestingFixture(api());
		long round = fixture.openRound(10);
		long site = fixture.site(TestingFixture.BILINWAN);
		Api.As registrar = fixture.asUser(fixture.siteUser(site, "REGISTRAR"));
		String tube = unique("T");
		results(send(registrar, List.of(event("TUBE_OPENED", "roundId", round, "siteId", site, "tubeCode", tube))));
		return new Opened(fixture, registrar, tube);
	}

	@Test
	void concurrentRequestsFillATubeExactlyToItsPoolSize() throws Exception {
		Opened opened = openedTube();
		TestingFixture fixture = opened.fixture();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			codes.add(fixture.code(fixture.person(TestData.BILINWAN_COMPOUND)));
		}
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<CompletableFuture<JsonNode>> answers = codes.stream()
				.map(code -> CompletableFuture.supplyAsync(
						() -> results(opened.sample(code)).get(0),
						pool))
				.toList();
			List<String> statuses = new ArrayList<>();
			for (CompletableFuture<JsonNode> answer : answers) {
				JsonNode result = answer.get(60, TimeUnit.SECONDS);
				statuses.add(result.get("status").asString() + ":" + (result.get("reason") == null ? "" : result.get("reason").asString()));
			}
			assertThat(statuses.stream().filter(s -> s.startsWith("ACCEPTED"))).hasSize(10);
			assertThat(statuses.stream().filter(s -> s.equals("REJECTED:TUBE_FULL"))).hasSize(6);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("SELECT samples || '/' || status FROM testing_tube WHERE code = :c")
			.param("c", opened.tube())
			.query(String.class)
			.single()).isEqualTo("10/SEALED");
	}

	@Test
	void aFirstSampleWrittenByAnotherInstanceAtTheSameTimeWinsThroughTheUniqueConstraint() throws Exception {
		TestingFixture fixture = new TestingFixture(api());
		long round = fixture.openRound(10);
		long site = fixture.site(TestingFixture.BILINWAN);
		Api.As registrar = fixture.asUser(fixture.siteUser(site, "REGISTRAR"));
		String ours = unique("T");
		String theirs = unique("T");
		results(send(registrar, List.of(event("TUBE_OPENED", "roundId", round, "siteId", site, "tubeCode", ours),
				event("TUBE_OPENED", "roundId", round, "siteId", site, "tubeCode", theirs))));
		long person = fixture.person(TestData.BILINWAN_COMPOUND);
		String code = fixture.code(person);
		long theirTube = jdbc.sql("SELECT id FROM testing_tube WHERE code = :c").param("c", theirs).query(Long.class).single();
		try (Connection other = dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (PreparedStatement insert = other.prepareStatement("""
					INSERT INTO testing_sample (tube_id, round_id, site_id, person_id, sampled_at, sampled_by)
					VALUES (?, ?, ?, ?, now(), 'other-instance')
					""")) {
				insert.setLong(1, theirTube);
				insert.setLong(2, round);
				insert.setLong(3, site);
				insert.setLong(4, person);
				insert.executeUpdate();
			}
			CompletableFuture<JsonNode> answer = CompletableFuture.supplyAsync(
					() -> results(send(registrar, List.of(event("SAMPLED", "tubeCode", ours, "personCode", code)))).get(0));
			Thread.sleep(700);
			assertThat(answer).isNotDone();
			other.commit();
			JsonNode result = answer.get(30, TimeUnit.SECONDS);
			assertThat(result.get("status").asString()).isEqualTo("REJECTED");
			assertThat(result.get("reason").asString()).isEqualTo("ALREADY_SAMPLED");
		}
		assertThat(jdbc.sql("SELECT count(*) FROM testing_sample WHERE person_id = :p").param("p", person)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT samples FROM testing_tube WHERE code = :c").param("c", ours).query(Integer.class).single())
			.isZero();
	}

	@Test
	void aScanNotCommittedInTimeIsAnsweredSendAgainAndStoredOnceWhenSentAgain() throws Exception {
		Opened opened = openedTube();
		long person = opened.fixture().person(TestData.BILINWAN_COMPOUND);
		// One event, sent twice: the same event id.
		List<Map<String, Object>> scan = List.of(event("SAMPLED", "tubeCode", opened.tube(), "personCode",
				opened.fixture().code(person)));
		Response late;
		try (Connection other = dataSource.getConnection()) {
			// Another writer holds the tube (a long transaction, a stuck disk): the group cannot commit.
			other.setAutoCommit(false);
			try (PreparedStatement lock = other.prepareStatement("SELECT id FROM testing_tube WHERE code = ? FOR UPDATE")) {
				lock.setString(1, opened.tube());
				lock.executeQuery().close();
			}
			long sent = System.nanoTime();
			late = send(opened.registrar(), scan);
			assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent)).isBetween(9_000L, 25_000L);
			other.commit();
		}
		assertThat(late.status()).as(late.body()).isEqualTo(503);
		assertThat(late.json().get("type").asString()).endsWith("scans-unavailable");
		JsonNode again = results(send(opened.registrar(), scan)).get(0);
		assertThat(again.get("status").asString()).isIn("ACCEPTED", "DUPLICATE");
		assertThat(jdbc.sql("SELECT count(*) FROM testing_sample WHERE person_id = :p").param("p", person)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT samples FROM testing_tube WHERE code = :c").param("c", opened.tube()).query(Integer.class).single())
			.isEqualTo(1);
	}
}
