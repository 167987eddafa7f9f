package org.frontline.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import tools.jackson.databind.JsonNode;

/** Facilities, categories and facility-scoped users made through the API, with unique names per test. */
final class QuarantineFixture {

	static final String STAFF_PASSWORD = "Quarantine-Staff-2026!";

	private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

	private final java.util.function.Supplier<Api> apis;

	QuarantineFixture(java.util.function.Supplier<Api> apis) {
		this.apis = apis;
	}

	static String unique(String prefix) {
		return prefix + SEQUENCE.incrementAndGet();
	}

	/** A facility in the demo district with rooms 101..10n and a team including disinfection staff. */
	JsonNode facility(int rooms) {
		List<Map<String, Object>> list = new ArrayList<>();
		for (int i = 1; i <= rooms; i++) {
			list.add(Map.of("number", String.valueOf(100 + i), "floor", 1, "type", "SINGLE"));
		}
		Response created = apis.get().as("commander")
			.post("/api/v1/facilities", Map.of("name", unique("测试隔离点"), "address", "崇川区测试路1号", "contact",
					"王主任 13900000000", "area", "320602", "rooms", list, "team",
					List.of(Map.of("name", "李消杀", "role", "DISINFECTION"), Map.of("name", "张点长", "role", "LEADER"))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	long disinfectionStaff(JsonNode facility) {
		for (JsonNode member : facility.get("team")) {
			if ("DISINFECTION".equals(member.get("role").asString())) {
				return member.get("id").asLong();
			}
		}
		throw new IllegalStateException("no disinfection staff");
	}

	/** A category whose rule has the given days in the facility and nucleic-acid test days. */
	String category(int facilityDays, List<Integer> natDays, List<Integer> antigenDays) {
		String code = unique("CAT");
		Response created = apis.get().as("commander")
			.post("/api/v1/categories", Map.of("code", code, "name", "密切接触者 " + code, "rule",
					Map.of("facilityDays", facilityDays, "homeDays", 7, "natDays", natDays, "antigenDays", antigenDays,
							"notice", "测试通告")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return code;
	}

	Response fastTrack(long facilityId, String category, String room) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "赵夜归", "phone", "13912345678", "category", category));
		if (room != null) {
			body.put("room", room);
		}
		return apis.get().as("facility").post("/api/v1/facilities/" + facilityId + "/stays", body);
	}

	long admit(long facilityId, String category, String room) {
		Response stay = fastTrack(facilityId, category, room);
		assertThat(stay.status()).as(stay.body()).isEqualTo(201);
		return stay.json().get("id").asLong();
	}

	/** A FACILITY_STAFF user limited to one facility. */
	String staffOf(long facilityId) {
		String username = unique("staff");
		Response created = apis.get().as("admin")
			.post("/api/v1/users", Map.of("username", username, "password", STAFF_PASSWORD, "roles",
					List.of("FACILITY_STAFF"), "facility", facilityId));
		assertThat(created.status()).as(created.body()).isIn(200, 201);
		return username;
	}

	Api.As as(String username) {
		return apis.get().as(username, STAFF_PASSWORD);
	}

	long roomId(JsonNode facility, String number) {
		for (JsonNode room : facility.get("rooms")) {
			if (number.equals(room.get("number").asString())) {
				return room.get("id").asLong();
			}
		}
		throw new IllegalStateException("no room " + number);
	}
}
