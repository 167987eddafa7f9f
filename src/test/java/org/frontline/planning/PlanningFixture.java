package org.frontline.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.TestData;
import tools.jackson.databind.JsonNode;

/**
 * A subdistrict of its own for each test (new codes under the demo district, so no other test's residents or sites
 * are in it), with communities, compounds, residents imported as CSV, sites and a round over it.
 */
final class PlanningFixture {

	private static final AtomicInteger SUBDISTRICTS = new AtomicInteger(600 + (int) (System.nanoTime() % 300));

	final Api api;

	final String subdistrict;

	PlanningFixture(Api api) {
		this.api = api;
		this.subdistrict = "320602" + "%03d".formatted(SUBDISTRICTS.incrementAndGet());
		area(subdistrict, "规划测试街道" + subdistrict.substring(6), "320602");
	}

	String community(int n, String name) {
		String code = subdistrict + "%03d".formatted(n);
		area(code, name, subdistrict);
		return code;
	}

	String compound(String community, int n, String name) {
		String code = community + "%03d".formatted(n);
		area(code, name, community);
		return code;
	}

	private void area(String code, String name, String parent) {
		Response created = api.as("admin").post("/api/v1/areas", Map.of("code", code, "name", name, "parent", parent));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

	/** Imports residents of a compound, {@code bedridden} of them tagged so, and answers their ID numbers. */
	List<String> residents(String compound, int count, int bedridden) {
		StringBuilder csv = new StringBuilder("name,id_type,id_number,phone,area,building,unit,room,tags\n");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String id = TestData.residentId();
			ids.add(id);
			csv.append("居民").append(i).append(",RESIDENT_ID,").append(id).append(",,").append(compound)
				.append(",1,1,").append(100 + i % 900).append(',').append(i < bedridden ? "BEDRIDDEN" : "").append('\n');
		}
		Response imported = api.as("admin")
			.postRaw("/api/v1/people/import", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("rejected").asInt()).as(imported.body()).isZero();
		return ids;
	}

	long site(String name, String kind, String area, int stations) {
		Response created = api.as("admin")
			.post("/api/v1/sites", Map.of("name", name, "kind", kind, "area", area, "location", "规划测试", "stations", stations));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	long round(Instant startsAt) {
		Response created = api.as("admin")
			.post("/api/v1/rounds", Map.of("name", "规划测试轮次" + subdistrict, "areas", List.of(subdistrict), "startsAt",
					startsAt.toString(), "endsAt", startsAt.plusSeconds(86_400).toString(), "poolSize", 10));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	/** Plans the round with a fixed seed, rate and arrival profile (so no learned figure changes the test). */
	JsonNode plan(long round) {
		Response planned = api.as("commander").post("/api/v1/rounds/" + round + "/plan",
				Map.of("seed", 5, "runs", 20, "stationRate", 200, "arrivalProfile", List.of(24, 26, 20, 16, 14)));
		assertThat(planned.status()).as(planned.body()).isEqualTo(201);
		return planned.json();
	}

	static JsonNode site(JsonNode plan, long siteId) {
		for (JsonNode site : plan.get("sites")) {
			if (site.get("siteId").asLong() == siteId) {
				return site;
			}
		}
		throw new AssertionError("Site " + siteId + " is not in the plan");
	}
}
