package org.frontline.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.support.TestData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RoomConcurrencyIntegrationTests extends IntegrationTest {

	private static final int THREADS = 8;

	private List<Response> race(List<java.util.concurrent.Callable<Response>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Response>> futures = new ArrayList<>();
			for (var call : calls) {
				futures.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<Response> responses = new ArrayList<>();
			for (Future<Response> future : futures) {
				responses.add(future.get());
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private void assertCountsEqualRoomRows(long facility) {
		JsonNode mine = null;
		for (JsonNode f : api().as("commander").get("/api/v1/quarantine/capacity").json().get("facilities")) {
			if (f.get("facilityId").asLong() == facility) {
				mine = f;
			}
		}
		assertThat(mine).isNotNull();
		for (String status : List.of("AVAILABLE", "OCCUPIED", "AWAITING_DISINFECTION", "OUT_OF_SERVICE")) {
			long rows = jdbc.sql("SELECT count(*) FROM quarantine_room WHERE facility_id = :f AND status = :s")
				.param("f", facility).param("s", status).query(Long.class).single();
			String field = switch (status) {
				case "AVAILABLE" -> "available";
				case "OCCUPIED" -> "occupied";
				case "AWAITING_DISINFECTION" -> "awaitingDisinfection";
				default -> "outOfService";
			};
			assertThat(mine.get(field).asLong()).as(status).isEqualTo(rows);
		}
		long activeStays = jdbc.sql("SELECT count(*) FROM quarantine_stay WHERE facility_id = :f AND status = 'ACTIVE'")
			.param("f", facility).query(Long.class).single();
		assertThat(mine.get("occupied").asLong()).isEqualTo(activeStays);
	}

	@Test
	void concurrentIntakesOnTheLastFreeRoomLetExactlyOneWin() throws Exception {
		QuarantineFixture f = new QuarantineFixture(this::api);
		long facility = f.facility(3).get("id").asLong();
		String category = f.category(14, List.of(1), List.of());
		f.admit(facility, category, "101");
		f.admit(facility, category, "102");
		api().as("facility");
		List<java.util.concurrent.Callable<Response>> calls = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			String room = i % 2 == 0 ? "103" : null;
			calls.add(() -> api().as("facility").post("/api/v1/facilities/" + facility + "/stays",
					room == null ? Map.of("name", "并发", "phone", TestData.phone(), "category", category)
							: Map.of("name", "并发", "phone", TestData.phone(), "category", category, "room", room)));
		}
		List<Response> responses = race(calls);
		assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(1);
		assertThat(responses.stream().filter(r -> r.status() == 409)).hasSize(THREADS - 1);
		assertThat(jdbc.sql("SELECT count(*) FROM quarantine_stay WHERE facility_id = :f").param("f", facility)
			.query(Long.class).single()).isEqualTo(3);
		assertCountsEqualRoomRows(facility);
	}

	@Test
	void anIntakeRacingAReleaseAndDisinfectionNeverDoubleBooksTheRoom() throws Exception {
		QuarantineFixture f = new QuarantineFixture(this::api);
		JsonNode facilityJson = f.facility(1);
		long facility = facilityJson.get("id").asLong();
		long room = f.roomId(facilityJson, "101");
		String category = f.category(0, List.of(), List.of());
		for (int round = 0; round < 5; round++) {
			long stay = f.admit(facility, category, "101");
			api().as("facility").post("/api/v1/stays/" + stay + "/registration", Map.of("idNumber",
					TestData.residentId(), "community", "320602001002", "address", "晨苑"));
			List<java.util.concurrent.Callable<Response>> calls = new ArrayList<>();
			calls.add(() -> api().as("facility").post("/api/v1/stays/" + stay + "/release",
					Map.of("destination", "OTHER", "address", "外地")));
			for (int i = 0; i < 3; i++) {
				calls.add(() -> api().as("facility").post("/api/v1/facilities/" + facility + "/stays",
						Map.of("name", "抢房", "phone", TestData.phone(), "category", category, "room", "101")));
			}
			calls.add(() -> api().as("facility").post("/api/v1/rooms/" + room + "/disinfected",
					Map.of("staffId", f.disinfectionStaff(facilityJson))));
			List<Response> responses = race(calls);
			assertThat(responses.get(0).status()).as(responses.get(0).body()).isEqualTo(200);
			long activeInRoom = jdbc.sql("SELECT count(*) FROM quarantine_stay WHERE room_id = :r AND status = 'ACTIVE'")
				.param("r", room).query(Long.class).single();
			String status = jdbc.sql("SELECT status FROM quarantine_room WHERE id = :r").param("r", room)
				.query(String.class).single();
			assertThat(activeInRoom).isLessThanOrEqualTo(1);
			assertThat(status).isEqualTo(activeInRoom == 1 ? "OCCUPIED" : status);
			if (activeInRoom == 0) {
				assertThat(status).isIn("AWAITING_DISINFECTION", "AVAILABLE");
			}
			assertCountsEqualRoomRows(facility);
			// Make the room free again for the next round.
			if (activeInRoom == 1) {
				long winner = jdbc.sql("SELECT id FROM quarantine_stay WHERE room_id = :r AND status = 'ACTIVE'")
					.param("r", room).query(Long.class).single();
				api().as("facility").post("/api/v1/stays/" + winner + "/registration", Map.of("idNumber",
						TestData.residentId(), "community", "320602001002", "address", "晨苑"));
				assertThat(api().as("facility").post("/api/v1/stays/" + winner + "/release",
						Map.of("destination", "OTHER", "address", "外地")).status()).isEqualTo(200);
			}
			if (!"AVAILABLE".equals(jdbc.sql("SELECT status FROM quarantine_room WHERE id = :r").param("r", room)
				.query(String.class).single())) {
				assertThat(api().as("facility").post("/api/v1/rooms/" + room + "/disinfected",
						Map.of("staffId", f.disinfectionStaff(facilityJson))).status()).isEqualTo(200);
			}
		}
	}
}
