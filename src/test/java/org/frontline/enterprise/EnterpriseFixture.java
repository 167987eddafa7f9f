package org.frontline.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import tools.jackson.databind.JsonNode;

/** Enterprises, loops and liaison users made through the API, with unique names and credit codes. */
final class EnterpriseFixture {

	static final String COMPOUND = TestData.BILINWAN_COMPOUND;

	static final String PASSWORD = IntegrationTest.DEMO_PASSWORD + "-Strong!9";

	private final Api api;

	EnterpriseFixture(Api api) {
		this.api = api;
	}

	/** A valid credit code nobody has: random body, its check character. */
	static String creditCode() {
		String alphabet = CreditCode.ALPHABET;
		StringBuilder code = new StringBuilder("91320602");
		for (int i = 0; i < 9; i++) {
			code.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
		}
		return code.append(CreditCode.checkCharacter(code.toString())).toString();
	}

	static String unique(String prefix) {
		return prefix + Long.toString(System.nanoTime() % 100_000_000L, 36);
	}

	long enterprise() {
		Response created = api.as("commander").post("/api/v1/enterprises", Map.of("name", unique("测试企业-"),
				"creditCode", creditCode(), "address", "崇川区测试路 1 号", "area", COMPOUND, "industry", "制造业",
				"staffCount", 100));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	long loop(long enterprise) {
		Response started = api.as("commander").post("/api/v1/enterprises/" + enterprise + "/loops",
				Map.of("notice", "第37号通告"));
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		return started.json().get("id").asLong();
	}

	long loop(long enterprise, java.time.Instant from) {
		Response started = api.as("commander").post("/api/v1/enterprises/" + enterprise + "/loops",
				Map.of("notice", "第37号通告", "from", from.toString()));
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		return started.json().get("id").asLong();
	}

	String liaison(long enterprise) {
		String username = unique("liaison-");
		Response user = api.as("admin").post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
				"roles", List.of("ENTERPRISE_LIAISON"), "enterprise", enterprise));
		assertThat(user.status()).as(user.body()).isEqualTo(201);
		return username;
	}

	Api.As as(String username) {
		return api.as(username, PASSWORD);
	}

	/** A staff member from elsewhere, by ID document. */
	static Map<String, Object> newcomer(String name, String group, String room) {
		Map<String, Object> row = new HashMap<>();
		row.put("name", name);
		row.put("idType", "RESIDENT_ID");
		row.put("idNumber", TestData.residentId());
		row.put("phone", TestData.phone());
		row.put("shiftGroup", group);
		row.put("building", "1号楼");
		row.put("room", room);
		return row;
	}

	List<JsonNode> roster(Api.As as, long loop, List<Map<String, Object>> staff) {
		Response answer = as.post("/api/v1/loops/" + loop + "/roster", Map.of("staff", staff));
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		List<JsonNode> rows = new java.util.ArrayList<>();
		answer.json().forEach(rows::add);
		return rows;
	}
}
