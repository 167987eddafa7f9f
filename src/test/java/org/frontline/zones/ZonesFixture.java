package org.frontline.zones;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import tools.jackson.databind.JsonNode;

/**
 * Areas of their own for each test (a subdistrict with a community and two compounds, under the demo district), so
 * that the zones a test sets never touch another test's residents; residents, rules, notices and zones through the API.
 */
final class ZonesFixture {

	private static final AtomicInteger SUBDISTRICT = new AtomicInteger(900 + (int) (System.nanoTime() % 40));

	private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

	final String subdistrict;

	final String community;

	final String compound;

	final String otherCompound;

	private final Api api;

	ZonesFixture(Api api) {
		this.api = api;
		int n = SUBDISTRICT.incrementAndGet();
		subdistrict = "320602" + n;
		community = subdistrict + "001";
		compound = community + "001";
		otherCompound = community + "002";
		area(subdistrict, "测试" + n + "街道", "320602");
		area(community, "测试" + n + "社区", subdistrict);
		area(compound, "测试" + n + "花园", community);
		area(otherCompound, "测试" + n + "新村", community);
	}

	static String unique(String prefix) {
		return prefix + SEQUENCE.incrementAndGet();
	}

	private void area(String code, String name, String parent) {
		Response created = api.as("admin").post("/api/v1/areas", Map.of("code", code, "name", name, "parent", parent));
		assertThat(created.status()).as(created.body()).isIn(200, 201);
	}

	long resident(String compound, String building) {
		Map<String, Object> body = new HashMap<>(Map.of("name", "张小燕", "idType", "RESIDENT_ID", "idNumber",
				TestData.residentId(), "phone", TestData.phone(), "area", compound));
		body.put("address", Map.of("building", building, "unit", "1", "room", "101"));
		Response created = api.as("admin").post("/api/v1/people", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	/** A new version of a level's rules, in force from an hour ago (before the zones a test sets now). */
	JsonNode rule(String level, int poolSize, int cleanDays, Integer negativeRoundDays, String liftTo) {
		return rule(level, poolSize, cleanDays, negativeRoundDays, liftTo, Instant.now().minusSeconds(3600));
	}

	JsonNode rule(String level, int poolSize, int cleanDays, Integer negativeRoundDays, String liftTo, Instant from) {
		Map<String, Object> body = new HashMap<>(Map.of("poolSize", poolSize, "testEveryDays", 1, "doorToDoor",
				"LOCKDOWN".equals(level), "movement", "测试管控要求", "cleanDays", cleanDays, "liftTo", liftTo));
		if (negativeRoundDays != null) {
			body.put("negativeRoundDays", negativeRoundDays);
		}
		body.put("effectiveFrom", from.toString());
		Response added = api.as("commander").post("/api/v1/zone-rules/" + level, body);
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		return added.json();
	}

	/** A notice in force from {@code from} setting these zones (each: area, buildings, level). */
	JsonNode notice(Instant from, List<Map<String, Object>> zones) {
		Map<String, Object> body = new HashMap<>(Map.of("title", unique("关于划定风险区域的通告"), "text", "通告正文",
				"effectiveFrom", from.toString(), "zones", zones));
		Response published = api.as("commander").post("/api/v1/notices", body);
		assertThat(published.status()).as(published.body()).isEqualTo(201);
		return published.json();
	}

	static Map<String, Object> zone(String area, List<String> buildings, String level) {
		return Map.of("area", area, "buildings", buildings, "level", level);
	}

	/** The zone in force on exactly this area and these buildings. */
	JsonNode zoneOn(String area, List<String> buildings) {
		Response zones = api.as("commander").get("/api/v1/zones?area=" + area);
		assertThat(zones.status()).as(zones.body()).isEqualTo(200);
		for (JsonNode zone : zones.json()) {
			List<String> on = new ArrayList<>();
			zone.get("buildings").forEach(b -> on.add(b.asString()));
			if (zone.get("area").asString().equals(area) && on.equals(buildings)) {
				return zone;
			}
		}
		throw new AssertionError("No zone on " + area + " " + buildings + ": " + zones.body());
	}

	/** The lifting board's row of a zone. */
	JsonNode boardRow(long zoneId) {
		Response board = api.as("commander").get("/api/v1/zones/board?area=" + subdistrict);
		assertThat(board.status()).as(board.body()).isEqualTo(200);
		for (JsonNode row : board.json()) {
			if (row.get("zone").get("id").asLong() == zoneId) {
				return row;
			}
		}
		throw new AssertionError("Zone " + zoneId + " is not on the board: " + board.body());
	}

	/** A community worker scoped to this fixture's community. */
	Api.As communityWorker() {
		String username = unique("zones-worker-");
		Response created = api.as("admin").post("/api/v1/users", Map.of("username", username, "password",
				IntegrationTest.DEMO_PASSWORD + "-Strong!9", "roles", Set.of("COMMUNITY_WORKER"), "scope", community));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return api.as(username, IntegrationTest.DEMO_PASSWORD + "-Strong!9");
	}
}
