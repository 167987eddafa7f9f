package org.frontline.zones;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A testing round over a fixture's subdistrict with a site in its compound and a lab: people sampled through the
 * device protocol (as the administrator), their tubes handed to the lab, results posted by the lab's staff.
 */
final class ZoneRound {

	final long id;

	final long site;

	final long lab;

	private final Api api;

	private final Api.As labStaff;

	ZoneRound(Api api, ZonesFixture fixture) {
		this.api = api;
		Instant now = Instant.now();
		Response created = api.as("admin").post("/api/v1/rounds", Map.of("name", ZonesFixture.unique("分区轮次-"),
				"areas", List.of(fixture.subdistrict), "startsAt", now.minus(1, ChronoUnit.HOURS).toString(), "endsAt",
				now.plus(1, ChronoUnit.DAYS).toString(), "poolSize", 10));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		id = created.json().get("id").asLong();
		assertThat(api.as("admin").post("/api/v1/rounds/" + id + "/open", "").status()).isEqualTo(200);
		Response madeSite = api.as("admin").post("/api/v1/sites", Map.of("name", ZonesFixture.unique("分区采样点-"),
				"kind", "FIXED", "area", fixture.compound, "location", "南门", "stations", 2));
		assertThat(madeSite.status()).as(madeSite.body()).isEqualTo(201);
		site = madeSite.json().get("id").asLong();
		Response madeLab = api.as("admin").post("/api/v1/labs", Map.of("name", ZonesFixture.unique("分区实验室-")));
		assertThat(madeLab.status()).as(madeLab.body()).isEqualTo(201);
		lab = madeLab.json().get("id").asLong();
		String username = ZonesFixture.unique("zones-lab-");
		Response user = api.as("admin").post("/api/v1/users", Map.of("username", username, "password",
				IntegrationTest.DEMO_PASSWORD + "-Strong!9", "roles", List.of("LAB"), "lab", lab));
		assertThat(user.status()).as(user.body()).isEqualTo(201);
		labStaff = api.as(username, IntegrationTest.DEMO_PASSWORD + "-Strong!9");
	}

	String code(long person) {
		return api.as("admin").get("/api/v1/people/" + person + "/code").json().get("payload").asString();
	}

	static Map<String, Object> event(String type, Object... pairs) {
		Map<String, Object> event = new HashMap<>();
		event.put("eventId", Api.uuid());
		event.put("type", type);
		event.put("at", Instant.now().toString());
		for (int i = 0; i < pairs.length; i += 2) {
			event.put((String) pairs[i], pairs[i + 1]);
		}
		return event;
	}

	List<JsonNode> send(Api.As as, List<Map<String, Object>> events) {
		Response response = as.post("/api/v1/scans", Map.of("deviceId", "zones-test", "events", events));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<JsonNode> results = new ArrayList<>();
		response.json().get("results").forEach(results::add);
		return results;
	}

	/**
	 * Opens a tube and samples the people into it (the group path when nothing else is in the request; a check-in
	 * added to it sends it down the per-event path); answers each sample's status and reason.
	 */
	List<String> sample(int poolSize, boolean groupPath, long... people) {
		String tube = ZonesFixture.unique("ZT");
		List<Map<String, Object>> events = new ArrayList<>();
		events.add(event("TUBE_OPENED", "roundId", id, "siteId", site, "tubeCode", tube, "poolSize", poolSize));
		for (long person : people) {
			events.add(event("SAMPLED", "tubeCode", tube, "personCode", code(person)));
		}
		if (!groupPath) {
			events.add(event("CHECKED_IN", "roundId", id, "siteId", site, "personCode", code(people[0]),
					"temperature", 36.5));
		}
		List<JsonNode> answers = send(api.as("admin"), events);
		assertThat(answers.get(0).get("status").asString()).as(answers.toString()).isEqualTo("ACCEPTED");
		return answers.subList(1, 1 + people.length)
			.stream()
			.map(a -> a.get("status").asString() + (a.get("reason").isNull() ? "" : " " + a.get("reason").asString()))
			.toList();
	}

	/** One person alone in a tube, sealed by its sample, handed to the lab and received; answers the tube's code. */
	String singleTube(long person) {
		String tube = ZonesFixture.unique("ZS");
		String box = ZonesFixture.unique("ZB");
		List<JsonNode> answers = send(api.as("admin"), List.of(
				event("TUBE_OPENED", "roundId", id, "siteId", site, "tubeCode", tube, "poolSize", 1),
				event("SAMPLED", "tubeCode", tube, "personCode", code(person)),
				event("BOXED", "boxCode", box, "tubeCode", tube),
				event("BOX_DISPATCHED", "boxCode", box, "courier", "李师傅", "labId", lab)));
		assertThat(answers).as(answers.toString()).extracting(a -> a.get("status").asString()).containsOnly("ACCEPTED");
		List<JsonNode> received = send(labStaff,
				List.of(event("BOX_RECEIVED", "boxCode", box, "labId", lab, "tubeCodes", List.of(tube))));
		assertThat(received.get(0).get("status").asString()).as(received.toString()).isEqualTo("ACCEPTED");
		return tube;
	}

	void result(String tube, String outcome) {
		Map<String, Object> item = new HashMap<>(Map.of("tubeCode", tube, "outcome", outcome, "testedAt",
				Instant.now().minusSeconds(60).toString()));
		if (!"NEGATIVE".equals(outcome)) {
			item.put("ctOrf1ab", 28.4);
			item.put("ctN", 27.9);
		}
		Response posted = labStaff.post("/api/v1/results", Map.of("results", List.of(item)));
		assertThat(posted.status()).as(posted.body()).isEqualTo(200);
	}
}
