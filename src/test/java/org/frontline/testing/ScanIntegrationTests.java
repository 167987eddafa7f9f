package org.frontline.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.frontline.testing.TestingFixture.event;
import static org.frontline.testing.TestingFixture.results;
import static org.frontline.testing.TestingFixture.send;
import static org.frontline.testing.TestingFixture.unique;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ScanIntegrationTests extends IntegrationTest {

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

	private String openTube(int poolSize) {
		String tube = unique("T");
		List<JsonNode> opened = results(send(registrar,
				List.of(event("TUBE_OPENED", "roundId", round, "siteId", site, "tubeCode", tube, "poolSize", poolSize))));
		assertThat(opened.get(0).get("status").asString()).as(opened.toString()).isEqualTo("ACCEPTED");
		return tube;
	}

	private JsonNode sample(String tube, String code) {
		return results(send(registrar, List.of(event("SAMPLED", "tubeCode", tube, "personCode", code)))).get(0);
	}

	private long samplesOf(long person) {
		return jdbc.sql("SELECT count(*) FROM testing_sample WHERE person_id = :p AND removed_at IS NULL")
			.param("p", person)
			.query(Long.class)
			.single();
	}

	@Test
	void aSampleAnswersWithTheMaskedNameAndTheCountInTheTube() {
		String tube = openTube(10);
		long person = fixture.person(TestData.BILINWAN_COMPOUND);
		JsonNode answer = sample(tube, fixture.code(person));
		assertThat(answer.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(answer.get("name").asString()).isEqualTo("王*明");
		assertThat(answer.get("count").asInt()).isEqualTo(1);
		assertThat(answer.get("poolSize").asInt()).isEqualTo(10);
		Response read = registrar.get("/api/v1/tubes/" + tube);
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		assertThat(read.json().get("people").get(0).get("personId").asLong()).isEqualTo(person);
	}

	@Test
	void theDatabaseKeepsASamplesRoundAndSiteThoseOfItsTube() {
		String tube = openTube(10);
		long person = fixture.person(TestData.BILINWAN_COMPOUND);
		assertThat(sample(tube, fixture.code(person)).get("status").asString()).isEqualTo("ACCEPTED");
		Map<String, Object> stored = jdbc.sql("SELECT tube_id, round_id, site_id FROM testing_sample WHERE person_id = :p")
			.param("p", person)
			.query()
			.singleRow();
		long otherRound = fixture.openRound(10);
		long otherSite = fixture.site(TestingFixture.BILINWAN);
		long other = fixture.person(TestData.BILINWAN_COMPOUND);
		for (Object[] wrong : List.of(new Object[] { otherRound, stored.get("site_id") },
				new Object[] { stored.get("round_id"), otherSite })) {
			assertThatThrownBy(() -> jdbc.sql("""
					INSERT INTO testing_sample (tube_id, round_id, site_id, person_id, sampled_at, sampled_by)
					VALUES (:tube, :round, :site, :person, now(), 'test')
					""")
				.param("tube", stored.get("tube_id"))
				.param("round", wrong[0])
				.param("site", wrong[1])
				.param("person", other)
				.update()).hasMessageContaining("testing_sample_tube_fkey");
		}
		assertThat(samplesOf(other)).isZero();
	}

	@Test
	void forgedRevokedAndUnknownCodesAreRejectedWithTheirReason() {
		String tube = openTube(10);
		long person = fixture.person(TestData.BILINWAN_COMPOUND);
		String code = fixture.code(person);
		int mac = code.lastIndexOf('.') + 1;
		String forged = code.substring(0, mac) + (code.charAt(mac) == 'A' ? 'B' : 'A') + code.substring(mac + 1);
		assertThat(forged).isNotEqualTo(code);
		String otherPerson = code.replaceFirst("FL1\\.\\d+\\.", "FL1." + (person + 1) + ".");
		assertThat(sample(tube, forged).get("reason").asString()).isEqualTo("CODE_FORGED");
		assertThat(sample(tube, otherPerson).get("reason").asString()).isEqualTo("CODE_FORGED");
		assertThat(sample(tube, "https://example.com/not-a-code").get("reason").asString()).isEqualTo("CODE_UNREADABLE");
		Response reissued = api().as("admin").post("/api/v1/people/" + person + "/code/reissue", "");
		assertThat(reissued.status()).as(reissued.body()).isEqualTo(200);
		assertThat(reissued.json().get("version").asInt()).isEqualTo(2);
		JsonNode revoked = sample(tube, code);
		assertThat(revoked.get("status").asString()).isEqualTo("REJECTED");
		assertThat(revoked.get("reason").asString()).isEqualTo("CODE_REVOKED");
		assertThat(samplesOf(person)).isZero();
		assertThat(sample(tube, reissued.json().get("payload").asString()).get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'PERSON_CODE_REISSUE' AND record_id = :id")
			.param("id", String.valueOf(person))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aFullTubeSealsItselfAndRejectsFurtherSamples() {
		String tube = openTube(1);
		JsonNode first = sample(tube, fixture.code(fixture.person(TestData.BILINWAN_COMPOUND)));
		assertThat(first.get("tubeStatus").asString()).isEqualTo("SEALED");
		long second = fixture.person(TestData.BILINWAN_COMPOUND);
		JsonNode full = sample(tube, fixture.code(second));
		assertThat(full.get("status").asString()).isEqualTo("REJECTED");
		assertThat(full.get("reason").asString()).isEqualTo("TUBE_FULL");
		assertThat(samplesOf(second)).isZero();
	}

	@Test
	void aSealedTubeRejectsFurtherSamplesAndTheSameScanTwiceIsAlreadyInTheTube() {
		String tube = openTube(10);
		String code = fixture.code(fixture.person(TestData.BILINWAN_COMPOUND));
		assertThat(sample(tube, code).get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(sample(tube, code).get("reason").asString()).isEqualTo("ALREADY_IN_TUBE");
		assertThat(results(send(registrar, List.of(event("TUBE_SEALED", "tubeCode", tube)))).get(0).get("status")
			.asString()).isEqualTo("ACCEPTED");
		JsonNode sealed = sample(tube, fixture.code(fixture.person(TestData.BILINWAN_COMPOUND)));
		assertThat(sealed.get("reason").asString()).isEqualTo("TUBE_SEALED");
		assertThat(jdbc.sql("SELECT samples FROM testing_tube WHERE code = :c").param("c", tube).query(Integer.class).single())
			.isEqualTo(1);
	}

	@Test
	void sealingATubeThatAlreadySealedItselfIsADuplicateThatChangesNothing() {
		String tube = openTube(1);
		long person = fixture.person(TestData.BILINWAN_COMPOUND);
		assertThat(sample(tube, fixture.code(person)).get("tubeStatus").asString()).isEqualTo("SEALED");
		String sealedAt = jdbc.sql("SELECT sealed_at::text FROM testing_tube WHERE code = :c")
			.param("c", tube)
			.query(String.class)
			.single();
		Map<String, Object> seal = event("TUBE_SEALED", "tubeCode", tube);
		JsonNode again = results(send(registrar, List.of(seal))).get(0);
		assertThat(again.get("status").asString()).as(again.toString()).isEqualTo("DUPLICATE");
		assertThat(again.get("reason").asString()).isEqualTo("ALREADY_SEALED");
		assertThat(again.get("tubeStatus").asString()).isEqualTo("SEALED");
		assertThat(jdbc.sql("SELECT sealed_at::text FROM testing_tube WHERE code = :c")
			.param("c", tube)
			.query(String.class)
			.single()).isEqualTo(sealedAt);
		JsonNode resent = results(send(registrar, List.of(seal))).get(0);
		assertThat(resent.get("status").asString()).isEqualTo("DUPLICATE");
		assertThat(resent.get("reason").asString()).isEqualTo("ACCEPTED: ALREADY_SEALED");
	}

	@Test
	void eventTimesOutsideTheRoundOrFarInTheFutureAreRejectedWithAReasonAndStoredOnce() {
		String tube = openTube(10);
		List<String> times = List.of("0000-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "-200000-01-01T00:00:00Z",
				"+200000-01-01T00:00:00Z", Instant.now().plus(Duration.ofDays(1)).toString(),
				Instant.now().minus(Duration.ofDays(3)).toString(), "yesterday at noon");
		List<Map<String, Object>> batch = new ArrayList<>();
		List<Long> people = new ArrayList<>();
		for (String at : times) {
			long person = fixture.person(TestData.BILINWAN_COMPOUND);
			people.add(person);
			Map<String, Object> sampled = event("SAMPLED", "tubeCode", tube, "personCode", fixture.code(person));
			sampled.put("at", at);
			batch.add(sampled);
		}
		Map<String, Object> opened = event("TUBE_OPENED", "roundId", round, "siteId", site, "tubeCode", unique("T"));
		opened.put("at", "1970-01-01T00:00:00Z");
		batch.add(opened);
		Map<String, Object> checkIn = event("CHECKED_IN", "roundId", round, "siteId", site, "personCode",
				fixture.code(fixture.person(TestData.BILINWAN_COMPOUND)), "temperature", 36.5);
		checkIn.put("at", "-200000-01-01T00:00:00Z");
		batch.add(checkIn);
		for (int attempt = 0; attempt < 2; attempt++) {
			List<JsonNode> answers = results(send(registrar, batch));
			assertThat(answers).as(answers.toString())
				.extracting(r -> r.get("status").asString())
				.containsOnly(attempt == 0 ? "REJECTED" : "DUPLICATE");
			assertThat(answers).extracting(r -> r.get("reason").asString())
				.containsOnly(attempt == 0 ? "INVALID_TIME" : "REJECTED: INVALID_TIME");
		}
		for (long person : people) {
			assertThat(samplesOf(person)).isZero();
		}
		assertThat(jdbc.sql("SELECT count(*) FROM testing_scan_event WHERE event_id::text IN (:ids) AND reason = 'INVALID_TIME'")
			.param("ids", batch.stream().map(e -> (String) e.get("eventId")).toList())
			.query(Long.class)
			.single()).isEqualTo(batch.size());
	}

	@Test
	void aCheckInByIdNumberAnswersNothingAboutSomeoneOutsideTheCallersArea() {
		String inside = TestData.residentId();
		fixture.person(TestData.BILINWAN_COMPOUND, "李小红", inside, TestData.phone(), List.of());
		String outside = TestData.residentId();
		long elsewhere = fixture.person(TestData.CHENYUAN_COMPOUND, "赵大海", outside, TestData.phone(), List.of());
		String nobody = TestData.residentId();
		List<JsonNode> answers = results(send(registrar, List.of(
				event("CHECKED_IN", "roundId", round, "siteId", site, "idNumber", inside, "temperature", 36.5),
				event("CHECKED_IN", "roundId", round, "siteId", site, "idNumber", outside, "temperature", 36.5),
				event("CHECKED_IN", "roundId", round, "siteId", site, "idNumber", nobody, "temperature", 36.5))));
		assertThat(answers.get(0).get("name").asString()).isEqualTo("李*红");
		JsonNode unknown = answers.get(2);
		JsonNode foreign = answers.get(1);
		assertThat(foreign.get("status").asString()).isEqualTo("REJECTED");
		assertThat(foreign.get("reason").asString()).isEqualTo(unknown.get("reason").asString());
		assertThat(foreign.get("message").asString()).isEqualTo(unknown.get("message").asString());
		assertThat(foreign.toString()).doesNotContain("赵").doesNotContain("*海");
		assertThat(jdbc.sql("SELECT count(*) FROM testing_checkin WHERE person_id = :p")
			.param("p", elsewhere)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anEventOfATypeTheProtocolDoesNotKnowIsRejectedOnItsOwn() {
		String tube = openTube(10);
		long person = fixture.person(TestData.BILINWAN_COMPOUND);
		List<JsonNode> answers = results(send(registrar, List.of(event("TUBE_SHAKEN", "tubeCode", tube),
				event("SAMPLED", "tubeCode", tube, "personCode", fixture.code(person)))));
		assertThat(answers).extracting(r -> r.get("status").asString()).containsExactly("REJECTED", "ACCEPTED");
		assertThat(answers.get(0).get("reason").asString()).isEqualTo("INVALID_EVENT");
		assertThat(send(registrar, List.of(event("SAMPLED", "tubeCode", tube)).stream().map(e -> {
			Map<String, Object> numbered = new java.util.HashMap<>(e);
			numbered.put("type", 1);
			return numbered;
		}).toList()).status()).isEqualTo(400);
	}

	@Test
	void aSecondSampleInTheRoundNeedsConfirmationAndIsRecordedAsResampleAsOftenAsConfirmed() {
		String first = openTube(10);
		String second = openTube(10);
		long person = fixture.person(TestData.BILINWAN_COMPOUND);
		String code = fixture.code(person);
		assertThat(sample(first, code).get("status").asString()).isEqualTo("ACCEPTED");
		JsonNode unconfirmed = sample(second, code);
		assertThat(unconfirmed.get("reason").asString()).isEqualTo("ALREADY_SAMPLED");
		JsonNode confirmed = results(send(registrar,
				List.of(event("SAMPLED", "tubeCode", second, "personCode", code, "resample", true)))).get(0);
		assertThat(confirmed.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(confirmed.get("reason").asString()).isEqualTo("RESAMPLED");
		assertThat(jdbc.sql("SELECT count(*) FROM testing_sample WHERE person_id = :p AND resample")
			.param("p", person)
			.query(Long.class)
			.single()).isEqualTo(1);
		// A third sample (a second re-sample): the unique rule holds first samples only.
		String third = openTube(10);
		assertThat(results(send(registrar,
				List.of(event("SAMPLED", "tubeCode", third, "personCode", code, "resample", true)))).get(0)
			.get("reason")
			.asString()).isEqualTo("RESAMPLED");
		assertThat(jdbc.sql("SELECT count(*) FILTER (WHERE resample) || '/' || count(*) FROM testing_sample WHERE person_id = :p")
			.param("p", person)
			.query(String.class)
			.single()).isEqualTo("2/3");
	}

	@Test
	void aBatchSentTwiceIsStoredOnceAndAnsweredDuplicate() {
		String tube = openTube(10);
		List<Map<String, Object>> batch = new ArrayList<>();
		List<Long> people = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			long person = fixture.person(TestData.BILINWAN_COMPOUND);
			people.add(person);
			batch.add(event("SAMPLED", "tubeCode", tube, "personCode", fixture.code(person)));
		}
		List<JsonNode> first = results(send(registrar, batch));
		assertThat(first).extracting(r -> r.get("status").asString()).containsOnly("ACCEPTED");
		assertThat(first).extracting(r -> r.get("count").asInt()).containsExactly(1, 2, 3, 4, 5);
		List<JsonNode> again = results(send(registrar, batch));
		assertThat(again).extracting(r -> r.get("status").asString()).containsOnly("DUPLICATE");
		assertThat(again).extracting(r -> r.get("eventId").asString())
			.containsExactlyElementsOf(batch.stream().map(e -> (String) e.get("eventId")).toList());
		for (long person : people) {
			assertThat(samplesOf(person)).isEqualTo(1);
		}
		assertThat(jdbc.sql("SELECT samples FROM testing_tube WHERE code = :c").param("c", tube).query(Integer.class).single())
			.isEqualTo(5);
	}

	@Test
	void aBatchCutInTheMiddleAndSentAgainStoresEveryEventExactlyOnce() {
		String tube = unique("T");
		List<Map<String, Object>> batch = new ArrayList<>();
		batch.add(event("TUBE_OPENED", "roundId", round, "siteId", site, "tubeCode", tube));
		for (int i = 0; i < 6; i++) {
			batch.add(event("SAMPLED", "tubeCode", tube, "personCode", fixture.code(fixture.person(TestData.BILINWAN_COMPOUND))));
		}
		List<JsonNode> half = results(send(registrar, batch.subList(0, 4)));
		assertThat(half).extracting(r -> r.get("status").asString()).containsOnly("ACCEPTED");
		List<JsonNode> whole = results(send(registrar, batch));
		assertThat(whole).extracting(r -> r.get("status").asString())
			.containsExactly("DUPLICATE", "DUPLICATE", "DUPLICATE", "DUPLICATE", "ACCEPTED", "ACCEPTED", "ACCEPTED");
		assertThat(whole.get(6).get("count").asInt()).isEqualTo(6);
		assertThat(jdbc.sql("SELECT count(*) FROM testing_scan_event WHERE event_id::text IN (:ids)")
			.param("ids", batch.stream().map(e -> (String) e.get("eventId")).toList())
			.query(Long.class)
			.single()).isEqualTo(7);
	}

	@Test
	void oneRejectedEventDoesNotUndoTheOthers() {
		String tube = openTube(10);
		long good = fixture.person(TestData.BILINWAN_COMPOUND);
		long alsoGood = fixture.person(TestData.BILINWAN_COMPOUND);
		List<JsonNode> answers = results(send(registrar,
				List.of(event("SAMPLED", "tubeCode", tube, "personCode", fixture.code(good)),
						event("SAMPLED", "tubeCode", tube, "personCode", "garbage"),
						event("SAMPLED", "tubeCode", tube, "personCode", fixture.code(alsoGood)))));
		assertThat(answers).extracting(r -> r.get("status").asString())
			.containsExactly("ACCEPTED", "REJECTED", "ACCEPTED");
		assertThat(samplesOf(good) + samplesOf(alsoGood)).isEqualTo(2);
	}

	@Test
	void aFeverAtCheckInFlagsThePersonAlertsTheLeaderAndKeepsThemOutOfPooledTubes() {
		long person = fixture.person(TestData.BILINWAN_COMPOUND);
		String code = fixture.code(person);
		JsonNode checkIn = results(send(registrar, List.of(event("CHECKED_IN", "roundId", round, "siteId", site,
				"personCode", code, "temperature", 37.6)))).get(0);
		assertThat(checkIn.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(checkIn.get("reason").asString()).isEqualTo("FEVER");
		assertThat(jdbc.sql("SELECT count(*) FROM testing_checkin WHERE person_id = :p AND fever")
			.param("p", person)
			.query(Long.class)
			.single()).isEqualTo(1);
		Response alerts = registrar.get("/api/v1/sites/" + site + "/alerts");
		assertThat(alerts.body()).contains("37.6");
		JsonNode pooled = sample(openTube(10), code);
		assertThat(pooled.get("reason").asString()).isEqualTo("FEVER_FLAGGED");
		assertThat(sample(openTube(1), code).get("status").asString()).isEqualTo("ACCEPTED");
		JsonNode normal = results(send(registrar, List.of(event("CHECKED_IN", "roundId", round, "siteId", site,
				"personCode", fixture.code(fixture.person(TestData.BILINWAN_COMPOUND)), "temperature", 36.6)))).get(0);
		assertThat(normal.get("reason").isNull() || normal.get("reason").isMissingNode()).isTrue();
	}

	@Test
	void aRegistrarOfOneSiteCannotWriteToAnotherSitesTubes() {
		String tube = openTube(10);
		long other = fixture.site(TestingFixture.BILINWAN);
		Api.As stranger = fixture.asUser(fixture.siteUser(other, "REGISTRAR"));
		long person = fixture.person(TestData.BILINWAN_COMPOUND);
		List<JsonNode> answers = results(send(stranger,
				List.of(event("SAMPLED", "tubeCode", tube, "personCode", fixture.code(person)),
						event("TUBE_SEALED", "tubeCode", tube),
						event("TUBE_OPENED", "roundId", round, "siteId", site, "tubeCode", unique("T")))));
		assertThat(answers).extracting(r -> r.get("reason").asString()).containsOnly("FORBIDDEN");
		assertThat(samplesOf(person)).isZero();
		assertThat(stranger.get("/api/v1/tubes/" + tube).status()).isEqualTo(404);
		assertThat(stranger.get("/api/v1/sites/" + site + "/live").status()).isEqualTo(404);
	}

	@Test
	void aMistakenScanIsRemovedUntilTheTubeIsSealedAndTheRemovalIsAudited() {
		String tube = openTube(10);
		long person = fixture.person(TestData.BILINWAN_COMPOUND);
		String code = fixture.code(person);
		sample(tube, code);
		JsonNode removed = results(send(registrar, List.of(event("SAMPLE_REMOVED", "tubeCode", tube, "personCode", code))))
			.get(0);
		assertThat(removed.get("status").asString()).as(removed.toString()).isEqualTo("ACCEPTED");
		assertThat(removed.get("count").asInt()).isZero();
		assertThat(samplesOf(person)).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'SAMPLE_REMOVE' AND record_id = :t")
			.param("t", tube)
			.query(Long.class)
			.single()).isEqualTo(1);
		sample(tube, code);
		send(registrar, List.of(event("TUBE_SEALED", "tubeCode", tube)));
		JsonNode tooLate = results(send(registrar, List.of(event("SAMPLE_REMOVED", "tubeCode", tube, "personCode", code))))
			.get(0);
		assertThat(tooLate.get("reason").asString()).isEqualTo("TUBE_SEALED");
	}

	@Test
	void aBoxCarriesItsTubesToTheLabAndMissingOrExtraTubesAreFlagged() {
		String first = openTube(10);
		String second = openTube(10);
		for (String tube : List.of(first, second)) {
			sample(tube, fixture.code(fixture.person(TestData.BILINWAN_COMPOUND)));
			send(registrar, List.of(event("TUBE_SEALED", "tubeCode", tube)));
		}
		Response lab = api().as("admin").post("/api/v1/labs", Map.of("name", unique("检测实验室-")));
		assertThat(lab.status()).as(lab.body()).isEqualTo(201);
		long labId = lab.json().get("id").asLong();
		Response labUser = api().as("admin").post("/api/v1/users", Map.of("username", unique("lab-"), "password",
				DEMO_PASSWORD + "-Strong!9", "roles", List.of("LAB"), "lab", labId));
		assertThat(labUser.status()).as(labUser.body()).isEqualTo(201);
		Api.As labStaff = fixture.asUser(labUser.json().get("username").asString());
		String box = unique("B");
		List<JsonNode> packed = results(send(registrar, List.of(event("BOXED", "boxCode", box, "tubeCode", first),
				event("BOXED", "boxCode", box, "tubeCode", second),
				event("BOX_DISPATCHED", "boxCode", box, "courier", "李师傅", "labId", labId))));
		assertThat(packed).extracting(r -> r.get("status").asString()).containsOnly("ACCEPTED");
		assertThat(packed).extracting(r -> r.get("boxStatus").asString())
			.containsExactly("PACKING", "PACKING", "DISPATCHED");
		assertThat(packed.get(1).get("count").asInt()).isEqualTo(2);
		Response onItsWay = labStaff.get("/api/v1/boxes/" + box);
		assertThat(onItsWay.status()).as(onItsWay.body()).isEqualTo(200);
		assertThat(onItsWay.json().get("status").asString()).isEqualTo("DISPATCHED");
		JsonNode received = results(send(labStaff,
				List.of(event("BOX_RECEIVED", "boxCode", box, "labId", labId, "tubeCodes", List.of(first, "T-STRAY")))))
			.get(0);
		assertThat(received.get("status").asString()).as(received.toString()).isEqualTo("ACCEPTED");
		assertThat(received.get("reason").asString()).isEqualTo("DISCREPANCY");
		JsonNode read = labStaff.get("/api/v1/boxes/" + box).json();
		assertThat(read.get("missing").toString()).contains(second);
		assertThat(read.get("extra").toString()).contains("T-STRAY");
		assertThat(read.get("courier").asString()).isEqualTo("李师傅");
		assertThat(labStaff.get("/api/v1/tubes/" + first).status()).isEqualTo(200);
		assertThat(labStaff.get("/api/v1/tubes/" + openTube(10)).status()).isEqualTo(404);
	}

	@Test
	void aUserCanBeLimitedToASiteOrALabThatExists() {
		Response noSuchSite = api().as("admin").post("/api/v1/users", Map.of("username", unique("x-"), "password",
				DEMO_PASSWORD + "-Strong!9", "roles", List.of("REGISTRAR"), "site", 999_999_999L));
		assertThat(noSuchSite.status()).isEqualTo(400);
		Response created = api().as("admin").post("/api/v1/users", Map.of("username", unique("x-"), "password",
				DEMO_PASSWORD + "-Strong!9", "roles", List.of("SITE_LEADER"), "site", site));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("scope").asString()).isEqualTo(TestingFixture.BILINWAN);
	}

}
