package org.frontline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.Test;

/**
 * Registering an ID number that belongs to a resident of another area tells nothing of that resident: a neutral
 * answer, audited, and limited per user, as registration and as a line of an import.
 */
class DocumentElsewhereIntegrationTests extends IntegrationTest {

	private static final String PASSWORD = "Ledger-Finch-62-Wharf";

	private String elsewhere(String name) {
		String idNumber = TestData.residentId();
		Response created = api().as("zhongxin").post("/api/v1/people", Map.of("name", name, "idNumber", idNumber,
				"phone", "13700000000", "area", TestData.ZHONGXINCUN_COMPOUND));
		assertThat(created.status()).isEqualTo(201);
		return idNumber;
	}

	private String newCommunityWorker() {
		String username = "docs." + System.nanoTime() % 1_000_000_000L;
		Response created = api().as("admin").post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
				"roles", List.of("COMMUNITY_WORKER"), "scope", "320602001002"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return username;
	}

	private long audited(String username) {
		return jdbc.sql("SELECT count(*) FROM audit_entry WHERE username = :u AND action = 'PERSON_DOCUMENT_ELSEWHERE'")
			.param("u", username).query(Long.class).single();
	}

	@Test
	void registeringAnotherAreasDocumentRevealsNothingAndIsAuditedAndLimited() {
		String worker = newCommunityWorker();
		List<String> documents = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			documents.add(elsewhere("外区甲" + i));
		}
		long people = jdbc.sql("SELECT count(*) FROM people_person").query(Long.class).single();
		Response first = api().as(worker, PASSWORD).post("/api/v1/people", Map.of("name", "冒名", "idNumber",
				documents.get(0), "area", TestData.CHENYUAN_COMPOUND));
		assertThat(first.status()).isEqualTo(409);
		assertThat(first.json().get("type").asString()).endsWith("/document-not-available");
		assertThat(first.body()).doesNotContain("外区甲").doesNotContain("320602002").doesNotContain("13700000000");
		assertThat(audited(worker)).isEqualTo(1);
		for (int i = 1; i < 10; i++) {
			assertThat(api().as(worker, PASSWORD).post("/api/v1/people", Map.of("name", "冒名", "idNumber",
					documents.get(i), "area", TestData.CHENYUAN_COMPOUND)).status()).isEqualTo(409);
		}
		Response limited = api().as(worker, PASSWORD).post("/api/v1/people", Map.of("name", "冒名", "idNumber",
				documents.get(10), "area", TestData.CHENYUAN_COMPOUND));
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).isNotBlank();
		assertThat(jdbc.sql("SELECT count(*) FROM people_person").query(Long.class).single()).isEqualTo(people);
		assertThat(audited(worker)).isEqualTo(11);
	}

	@Test
	void anImportLineWithAnotherAreasDocumentRevealsNothingAndIsAudited() {
		String worker = newCommunityWorker();
		String document = elsewhere("外区乙");
		byte[] csv = ("name,id_type,id_number,phone,area,building,unit,room,tags\n冒名,RESIDENT_ID," + document
				+ ",13600000000," + TestData.CHENYUAN_COMPOUND + ",1,1,101,\n").getBytes(StandardCharsets.UTF_8);
		Response report = api().as(worker, PASSWORD).postRaw("/api/v1/people/import", "text/csv", csv);
		assertThat(report.status()).isEqualTo(200);
		assertThat(report.json().get("rejected").asInt()).isEqualTo(1);
		assertThat(report.body()).doesNotContain("外区乙").doesNotContain("320602002").doesNotContain("管辖范围以外");
		assertThat(report.json().get("errors").get(0).get("reason").asString()).contains("无法在此登记");
		assertThat(audited(worker)).isEqualTo(1);
	}
}
