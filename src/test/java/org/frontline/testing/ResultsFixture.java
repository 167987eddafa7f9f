package org.frontline.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frontline.testing.TestingFixture.event;
import static org.frontline.testing.TestingFixture.results;
import static org.frontline.testing.TestingFixture.send;
import static org.frontline.testing.TestingFixture.unique;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** A round with a site, a registrar, a lab and its staff; tubes sampled, sealed, boxed and received by the lab. */
public final class ResultsFixture {

	public final TestingFixture testing;

	public final long round;

	public final long site;

	public final long lab;

	final Api.As registrar;

	public final Api.As labStaff;

	final String labUsername;

	private final Api api;

	public ResultsFixture(Api api, int poolSize) {
		this.api = api;
		this.testing = new TestingFixture(api);
		this.round = testing.openRound(poolSize);
		this.site = testing.site(TestingFixture.BILINWAN);
		this.registrar = testing.asUser(testing.siteUser(site, "REGISTRAR"));
		Response created = api.as("admin").post("/api/v1/labs", Map.of("name", unique("检测实验室-")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		this.lab = created.json().get("id").asLong();
		this.labUsername = labUsername(lab);
		this.labStaff = testing.asUser(labUsername);
	}

	Api.As labUser(long labId) {
		return testing.asUser(labUsername(labId));
	}

	String labUsername(long labId) {
		Response user = api.as("admin").post("/api/v1/users", Map.of("username", unique("lab-"), "password",
				IntegrationTest.DEMO_PASSWORD + "-Strong!9", "roles", List.of("LAB"), "lab", labId));
		assertThat(user.status()).as(user.body()).isEqualTo(201);
		return user.json().get("username").asString();
	}

	/** A tube in this round with these people in it, sealed and sent; received by the lab when {@code receive}. */
	public String tube(List<Long> people, int poolSize, boolean receive) {
		return tube(people, poolSize, receive, false);
	}

	/** A tube of people sampled again in this round (a single-tube retest is a confirmed re-sample). */
	String tube(List<Long> people, int poolSize, boolean receive, boolean resample) {
		return tube(round, people, poolSize, receive, resample);
	}

	/** A tube of another round (a closed-loop enterprise's daily round) sampled at this fixture's site. */
	public String tube(long roundId, List<Long> people, int poolSize, boolean receive, boolean resample) {
		String tube = unique("T");
		List<Map<String, Object>> events = new ArrayList<>();
		events.add(event("TUBE_OPENED", "roundId", roundId, "siteId", site, "tubeCode", tube, "poolSize", poolSize));
		for (long person : people) {
			events.add(resample ? event("SAMPLED", "tubeCode", tube, "personCode", testing.code(person), "resample", true)
					: event("SAMPLED", "tubeCode", tube, "personCode", testing.code(person)));
		}
		if (people.size() < poolSize) {
			events.add(event("TUBE_SEALED", "tubeCode", tube));
		}
		String box = unique("B");
		events.add(event("BOXED", "boxCode", box, "tubeCode", tube));
		events.add(event("BOX_DISPATCHED", "boxCode", box, "courier", "李师傅", "labId", lab));
		List<JsonNode> answers = results(send(registrar, events));
		assertThat(answers).as(answers.toString()).extracting(a -> a.get("status").asString()).containsOnly("ACCEPTED");
		if (receive) {
			List<JsonNode> received = results(send(labStaff,
					List.of(event("BOX_RECEIVED", "boxCode", box, "labId", lab, "tubeCodes", List.of(tube)))));
			assertThat(received.get(0).get("status").asString()).as(received.toString()).isEqualTo("ACCEPTED");
		}
		return tube;
	}

	List<Long> people(String compound, int count) {
		List<Long> people = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			people.add(testing.person(compound));
		}
		return people;
	}

	public static Map<String, Object> result(String tube, String outcome) {
		return result(tube, outcome, Instant.now().minusSeconds(60).toString());
	}

	static Map<String, Object> result(String tube, String outcome, String testedAt) {
		Map<String, Object> item = new HashMap<>();
		item.put("tubeCode", tube);
		item.put("outcome", outcome);
		item.put("testedAt", testedAt);
		if (!"NEGATIVE".equals(outcome)) {
			item.put("ctOrf1ab", 31.2);
			item.put("ctN", 30.8);
		}
		return item;
	}

	public List<JsonNode> post(Api.As as, List<Map<String, Object>> items) {
		return results(as.post("/api/v1/results", Map.of("results", items)));
	}
}
