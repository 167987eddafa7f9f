package org.frontline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.Test;

/**
 * Users limited to a place see the people that place has to do with, not the area around it: a facility's staff its
 * stays' people, a sampling site's registrar and leader nobody in the registry (the scanning answer shows them what they
 * need). Sampling codes are read and re-issued only by community workers and administrators.
 */
class PlaceScopedUsersIntegrationTests extends IntegrationTest {

	private long firstFacility() {
		return jdbc.sql("SELECT id FROM quarantine_facility WHERE name = '崇川区第一集中隔离点（城东宾馆）'").query(Long.class).single();
	}

	private Set<Long> stayPeople(long facility) {
		return Set.copyOf(jdbc.sql("SELECT DISTINCT person_id FROM quarantine_stay WHERE facility_id = :f AND person_id IS NOT NULL")
			.param("f", facility).query(Long.class).list());
	}

	private long personWithoutStayIn(String areaPrefix) {
		return jdbc.sql("""
				SELECT id FROM people_person p WHERE area_code LIKE :prefix
				  AND NOT EXISTS (SELECT 1 FROM quarantine_stay s WHERE s.person_id = p.id) ORDER BY id LIMIT 1""")
			.param("prefix", areaPrefix + "%").query(Long.class).single();
	}

	private static Set<Long> ids(Response list) {
		return StreamSupport.stream(list.json().get("items").spliterator(), false)
			.map(item -> item.get("id").asLong())
			.collect(Collectors.toSet());
	}

	@Test
	void aFacilitysStaffSeeOnlyThePeopleOfItsStays() {
		long facility = firstFacility();
		Set<Long> own = stayPeople(facility);
		assertThat(own).isNotEmpty();
		Response list = api().as("facility1").get("/api/v1/people?size=500");
		assertThat(list.status()).isEqualTo(200);
		assertThat(ids(list)).isEqualTo(own);
		assertThat(list.json().get("total").asLong()).isEqualTo(own.size());
		long stranger = personWithoutStayIn("320602");
		assertThat(api().as("facility1").get("/api/v1/people/" + stranger).status()).isEqualTo(404);
		assertThat(api().as("facility1").get("/api/v1/people/" + stranger + "/results").status()).isEqualTo(404);
		assertThat(api().as("facility1").get("/fhir/Patient/" + stranger).status()).isEqualTo(404);
		long guest = own.iterator().next();
		Response record = api().as("facility1").get("/api/v1/people/" + guest);
		assertThat(record.status()).isEqualTo(200);
		assertThat(record.json().get("idNumber").asString()).doesNotContain("*");
		// The same role over the whole district still reads the district.
		assertThat(api().as("facility").get("/api/v1/people/" + stranger).status()).isEqualTo(200);
	}

	@Test
	void aFacilitysStaffStillTakeInAPersonOfTheirAreaAndThenSeeThem() {
		long facility = firstFacility();
		Response person = api().as("community").post("/api/v1/people", Map.of("name", "孙入住", "idType", "RESIDENT_ID",
				"idNumber", TestData.residentId(), "phone", TestData.phone(), "area", TestData.CHENYUAN_COMPOUND));
		long personId = person.json().get("id").asLong();
		assertThat(api().as("facility1").get("/api/v1/people/" + personId).status()).isEqualTo(404);
		String category = "CLOSE_CONTACT";
		Response stay = api().as("facility1").post("/api/v1/facilities/" + facility + "/stays",
				Map.of("personId", personId, "category", category));
		assertThat(stay.status()).as(stay.body()).isEqualTo(201);
		assertThat(api().as("facility1").get("/api/v1/people/" + personId).status()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'PERSON_READ' AND record_id = :id AND detail = 'intake'")
			.param("id", Long.toString(personId)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aSamplingSitesRegistrarAndLeaderSeeNobodyInTheRegistry() {
		long resident = personWithoutStayIn("320602001001");
		for (String user : List.of("registrar1", "leader1")) {
			Response list = api().as(user).get("/api/v1/people?size=500");
			assertThat(list.status()).as(user).isIn(200, 403);
			if (list.status() == 200) {
				assertThat(list.json().get("items")).as(user).isEmpty();
			}
			assertThat(api().as(user).get("/api/v1/people/" + resident).status()).as(user).isIn(403, 404);
			assertThat(api().as(user).get("/api/v1/people/" + resident + "/results").status()).as(user).isIn(403, 404);
		}
		// Registrars and leaders of the whole community keep reading it.
		assertThat(api().as("registrar").get("/api/v1/people/" + resident).status()).isEqualTo(200);
	}

	@Test
	void onlyCommunityWorkersAndAdministratorsReadAndReissueSamplingCodes() {
		long resident = personWithoutStayIn("320602001001");
		int version = version(resident);
		for (String user : List.of("leader", "leader1", "registrar", "facility", "commander")) {
			assertThat(api().as(user).post("/api/v1/people/" + resident + "/code/reissue", Map.of()).status()).as(user)
				.isEqualTo(403);
			assertThat(api().as(user).get("/api/v1/people/" + resident + "/code").status()).as(user).isEqualTo(403);
		}
		assertThat(version(resident)).isEqualTo(version);
		Response code = api().as("admin").get("/api/v1/people/" + resident + "/code");
		assertThat(code.status()).isEqualTo(200);
		assertThat(api().as("admin").post("/api/v1/people/" + resident + "/code/reissue", Map.of()).status()).isEqualTo(200);
		assertThat(version(resident)).isEqualTo(version + 1);
	}

	private int version(long person) {
		return jdbc.sql("SELECT coalesce(max(version), 1) FROM people_sampling_code WHERE person_id = :id")
			.param("id", person).query(Integer.class).single();
	}
}
