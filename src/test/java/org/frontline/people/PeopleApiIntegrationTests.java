package org.frontline.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PeopleApiIntegrationTests extends IntegrationTest {

	private Map<String, Object> person(String idNumber, String area) {
		return Map.of("name", "王小明", "idType", "RESIDENT_ID", "idNumber", idNumber, "phone", TestData.phone(), "area",
				area, "address", Map.of("building", "3", "unit", "2", "room", "501"), "tags",
				List.of("NO_SMARTPHONE", "HYPERTENSION"));
	}

	private long register(String user, String area) {
		Response created = api().as(user).post("/api/v1/people", person(TestData.residentId(), area));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	@Test
	void registersAPersonWithBirthDateAndSexFromTheIdNumber() {
		Response created = api().as("community")
			.post("/api/v1/people", person(TestData.residentId(),
					TestData.CHENYUAN_COMPOUND));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode body = created.json();
		assertThat(created.header("Location")).endsWith("/api/v1/people/" + body.get("id").asLong());
		assertThat(body.get("birthDate").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
		assertThat(body.get("sex").asString()).isIn("M", "F");
		assertThat(body.get("address").get("room").asString()).isEqualTo("501");
		assertThat(body.get("tags").toString()).contains("NO_SMARTPHONE", "HYPERTENSION");
	}

	@Test
	void aSecondPersonWithTheSameDocumentIsAConflictAndNoRow() {
		String idNumber = TestData.residentId();
		assertThat(api().as("community").post("/api/v1/people", person(idNumber, TestData.CHENYUAN_COMPOUND)).status())
			.isEqualTo(201);
		Response second = api().as("community")
			.post("/api/v1/people", person(idNumber.toLowerCase(), TestData.CHENYUAN_COMPOUND));
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.header("Content-Type")).startsWith("application/problem+json");
		assertThat(second.json().get("type").asString()).endsWith("/duplicate-person");
		assertThat(jdbc.sql("SELECT count(*) FROM people_person WHERE id_number = :n")
			.param("n", idNumber)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void badInputIsAProblemNamingTheFieldAndWritesNothing() {
		long before = count();
		String wrongCheck = TestData.residentId();
		wrongCheck = wrongCheck.substring(0, 17) + (wrongCheck.charAt(17) == '0' ? '1' : '0');
		assertProblem(person(wrongCheck, TestData.CHENYUAN_COMPOUND), "idNumber", "校验位");
		String impossible = "11010519900230123";
		assertProblem(person(impossible + ResidentIdNumber.checkCharacter(impossible), TestData.CHENYUAN_COMPOUND),
				"idNumber", "出生日期");
		Map<String, Object> tenDigitPhone = new java.util.HashMap<>(person(TestData.residentId(), TestData.CHENYUAN_COMPOUND));
		tenDigitPhone.put("phone", "1381234567");
		assertProblem(tenDigitPhone, "phone", "11 位");
		assertProblem(person(TestData.residentId(), "320602001002999"), "area", "不是已登记的小区");
		assertThat(api().as("community").post("/api/v1/people", "{\"name\": \"x\", ").status()).isEqualTo(400);
		Response wrongType = api().as("community").post("/api/v1/people", "{\"name\":\"x\",\"tags\":5}");
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.json().get("type").asString()).endsWith("/malformed-body");
		assertThat(count()).isEqualTo(before);
	}

	private void assertProblem(Map<String, Object> body, String field, String detail) {
		Response response = api().as("community").post("/api/v1/people", body);
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("errors").toString()).contains("\"field\":\"" + field + "\"");
		assertThat(response.json().get("detail").asString()).contains(detail);
	}

	@Test
	void listsMaskIdNumbersAndPhones() {
		long id = register("community", TestData.CHENYUAN_COMPOUND);
		Response list = api().as("community").get("/api/v1/people?area=" + TestData.CHENYUAN_COMPOUND + "&size=500");
		assertThat(list.status()).isEqualTo(200);
		JsonNode items = list.json().get("items");
		assertThat(list.json().get("total").asLong()).isGreaterThanOrEqualTo(items.size());
		assertThat(items.size()).isPositive();
		for (JsonNode item : items) {
			if (item.get("idType").asString().equals("RESIDENT_ID")) {
				assertThat(item.get("idNumber").asString()).matches("\\d{6}\\*{8}[\\dX]{4}");
			}
			else {
				assertThat(item.get("idNumber").asString()).contains("*");
			}
			if (!item.get("phone").isNull()) {
				assertThat(item.get("phone").asString()).matches("1\\d{2}\\*{4}\\d{4}");
			}
		}
		String full = jdbc.sql("SELECT id_number FROM people_person WHERE id = :id").param("id", id).query(String.class).single();
		Response search = api().as("community").get("/api/v1/people?q=" + full);
		assertThat(search.json().get("total").asLong()).isEqualTo(1);
		assertThat(search.body()).doesNotContain(full);
	}

	@Test
	void readingAFullRecordIsAuditedWithWhoWhatAndWhere() {
		long id = register("community", TestData.CHENYUAN_COMPOUND);
		Response full = api().as("community").get("/api/v1/people/" + id);
		assertThat(full.status()).isEqualTo(200);
		assertThat(full.json().get("idNumber").asString()).doesNotContain("*");
		List<Map<String, Object>> rows = jdbc
			.sql("SELECT username, remote_address FROM audit_entry WHERE action = 'PERSON_READ' AND record_id = :id")
			.param("id", String.valueOf(id))
			.query()
			.listOfRows();
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).get("username")).isEqualTo("community");
		assertThat(rows.get(0).get("remote_address")).isNotNull();
		Response audit = api().as("admin").get("/api/v1/audit?user=community&action=PERSON_READ");
		assertThat(audit.body()).contains("\"recordId\":\"" + id + "\"");
		assertThat(api().as("community").get("/api/v1/audit").status()).isEqualTo(403);
	}

	@Test
	void aCommunityWorkerNeverSeesAnotherCommunitysResident() {
		long other = register("zhongxin", TestData.ZHONGXINCUN_COMPOUND);
		String idNumber = jdbc.sql("SELECT id_number FROM people_person WHERE id = :id").param("id", other).query(String.class).single();

		Response byId = api().as("community").get("/api/v1/people/" + other);
		assertThat(byId.status()).isEqualTo(404);
		assertThat(byId.body()).doesNotContain(idNumber);
		assertThat(api().as("community").get("/api/v1/people?q=" + idNumber).json().get("total").asLong()).isZero();
		Response all = api().as("community").get("/api/v1/people?size=500");
		assertThat(all.json().get("total").asLong()).isEqualTo(jdbc
			.sql("SELECT count(*) FROM people_person WHERE area_code LIKE '320602001002%'").query(Long.class).single());
		for (JsonNode item : all.json().get("items")) {
			assertThat(item.get("area").asString()).startsWith("320602001002");
		}
		assertThat(api().as("community").get("/api/v1/people?area=" + TestData.ZHONGXINCUN_COMPOUND).status())
			.isEqualTo(404);
		assertThat(api().as("community").put("/api/v1/people/" + other, person(idNumber, TestData.CHENYUAN_COMPOUND))
			.status()).isEqualTo(404);
		assertThat(api().as("zhongxin").get("/api/v1/people/" + other).status()).isEqualTo(200);
		assertThat(api().as("commander").get("/api/v1/people/" + other).status()).isEqualTo(200);
	}

	@Test
	void rolesWithoutResidentAccessAreForbidden() {
		assertThat(api().as("lab").get("/api/v1/people").status()).isEqualTo(403);
		assertThat(api().as("commander").post("/api/v1/people", person(TestData.residentId(), TestData.CHENYUAN_COMPOUND))
			.status()).isEqualTo(403);
	}

	@Test
	void updatesAPersonAndAuditsIt() {
		long id = register("community", TestData.CHENYUAN_COMPOUND);
		String idNumber = jdbc.sql("SELECT id_number FROM people_person WHERE id = :id").param("id", id).query(String.class).single();
		Map<String, Object> changed = new java.util.HashMap<>(person(idNumber, "320602001002002"));
		changed.put("name", "王晓明");
		Response updated = api().as("community").put("/api/v1/people/" + id, changed);
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.json().get("name").asString()).isEqualTo("王晓明");
		assertThat(updated.json().get("area").asString()).isEqualTo("320602001002002");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'PERSON_UPDATE' AND record_id = :id")
			.param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
	}

	private long count() {
		return jdbc.sql("SELECT count(*) FROM people_person").query(Long.class).single();
	}
}
