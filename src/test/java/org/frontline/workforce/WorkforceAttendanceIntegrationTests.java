package org.frontline.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.frontline.shared.AlertRaised;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.ViewerPrincipal;
import org.frontline.support.Api;
import org.frontline.support.Api.Response;
import org.frontline.support.IntegrationTest;
import org.frontline.workforce.internal.StaffingAlerts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/**
 * Check-in and check-out over HTTP and in the services: idempotent by event id, only one's own shifts for a
 * volunteer, the event other modules react to, hours from the actual times, and the no-show alert.
 */
@RecordApplicationEvents
class WorkforceAttendanceIntegrationTests extends IntegrationTest {

	private final WorkforceFixture fixture = new WorkforceFixture(this::api);

	@Autowired
	private Attendance attendance;

	@Autowired
	private StaffingAlerts alerts;

	@Autowired
	private ApplicationEvents events;

	/** Signs the test's own thread in, as the demo loads, to call the services directly. */
	private record TestPrincipal(Viewer viewer) implements ViewerPrincipal {
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aCheckInSentTwiceIsRecordedOnceAndAnEventIdUsedForSomethingElseIsAConflict() {
		long worker = fixture.volunteer().get("id").asLong();
		Instant start = clock.instant().minus(Duration.ofMinutes(30));
		long shift = fixture.shift(WorkforceFixture.community(WorkforceFixture.CHENYUAN), "ORDER_KEEPER", start,
				start.plus(Duration.ofHours(3)), 1);
		fixture.assigned(shift, worker);
		String eventId = UUID.randomUUID().toString();
		Instant arrived = start.plus(Duration.ofMinutes(2));

		Response first = fixture.checkIn(fixture.coordinator(), shift, worker, eventId, arrived);
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().get("status").asString()).isEqualTo("RECORDED");
		Response again = fixture.checkIn(fixture.coordinator(), shift, worker, eventId, arrived);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("status").asString()).isEqualTo("DUPLICATE");
		assertThat(again.json().get("assignment").get("checkedInAt").asString())
			.isEqualTo(first.json().get("assignment").get("checkedInAt").asString());
		Response later = fixture.checkIn(fixture.coordinator(), shift, worker, UUID.randomUUID().toString(),
				arrived.plus(Duration.ofMinutes(5)));
		assertThat(later.json().get("status").asString()).isEqualTo("UNCHANGED");
		Response reused = fixture.checkOut(fixture.coordinator(), shift, worker, eventId, null);
		assertThat(reused.status()).isEqualTo(409);
		assertThat(reused.json().get("type").asString()).endsWith("/event-id-reused");

		Response out = fixture.checkOut(fixture.coordinator(), shift, worker, UUID.randomUUID().toString(),
				arrived.plus(Duration.ofMinutes(25)));
		assertThat(out.json().get("status").asString()).isEqualTo("RECORDED");
		assertThat(jdbc.sql("SELECT count(*) FROM workforce_attendance a JOIN workforce_assignment s"
				+ " ON s.id = a.assignment_id WHERE s.shift_id = :shift").param("shift", shift).query(Long.class).single())
			.isEqualTo(3);
		JsonNode hours = fixture.coordinator().get("/api/v1/workers/" + worker + "/hours").json();
		assertThat(hours.get("minutes").asLong()).as("hours come from the actual times, not the 3 h plan").isEqualTo(25);
	}

	@Test
	void aVolunteerSeesOnlyTheirOwnShiftsAndChecksInOnlyThemselves() {
		Map.Entry<JsonNode, String> own = fixture.signedInVolunteer();
		long me = own.getKey().get("id").asLong();
		long other = fixture.volunteer().get("id").asLong();
		Instant start = clock.instant().plus(Duration.ofMinutes(20));
		Map<String, Object> post = WorkforceFixture.community(WorkforceFixture.CHENYUAN);
		long mine = fixture.shift(post, "REGISTRAR", start, start.plus(Duration.ofHours(2)), 2);
		fixture.assigned(mine, me);
		fixture.assigned(mine, other);
		Instant tomorrow = start.plus(Duration.ofDays(1));
		long theirs = fixture.shift(post, "ORDER_KEEPER", tomorrow, tomorrow.plus(Duration.ofHours(2)), 1);
		fixture.assigned(theirs, other);
		Api.As volunteer = fixture.as(own.getValue());

		JsonNode shifts = volunteer.get("/api/v1/workforce/me/shifts").json();
		assertThat(shifts).hasSize(1);
		assertThat(shifts.get(0).get("id").asLong()).isEqualTo(mine);
		assertThat(shifts.get(0).get("assignments")).hasSize(1);
		assertThat(shifts.get(0).get("assignments").get(0).get("workerId").asLong()).isEqualTo(me);
		assertThat(volunteer.get("/api/v1/shifts/" + theirs).status()).isEqualTo(404);
		assertThat(volunteer.get("/api/v1/workers/" + other).status()).isEqualTo(404);
		assertThat(volunteer.get("/api/v1/workers").status()).isEqualTo(403);
		assertThat(fixture.checkIn(volunteer, theirs, other, UUID.randomUUID().toString(), null).status()).isEqualTo(404);
		assertThat(fixture.checkIn(volunteer, mine, other, UUID.randomUUID().toString(), null).status()).isEqualTo(404);
		Response self = fixture.checkIn(volunteer, mine, me, UUID.randomUUID().toString(), null);
		assertThat(self.status()).as(self.body()).isEqualTo(200);
		assertThat(self.json().get("status").asString()).isEqualTo("RECORDED");
	}

	@Test
	void aSamplersCheckInAtASiteIsPublishedWithTheRoleAndThePostForSupplies() {
		Map<String, Object> site = fixture.site();
		long medic = fixture.medic().get("id").asLong();
		Instant start = clock.instant().minus(Duration.ofMinutes(5));
		fixture.tested(medic, start.minus(Duration.ofHours(10)), "NEGATIVE");
		long shift = fixture.shift(site, "SAMPLER", start, start.plus(Duration.ofHours(3)), 1);
		fixture.assigned(shift, medic);
		signIn(new Viewer(1, "admin", Set.of(Role.ADMIN), "320600"));

		AttendanceAnswer answer = attendance.checkIn(shift, new AttendanceEvent(UUID.randomUUID(), medic, null), "TEST");
		attendance.checkIn(shift, new AttendanceEvent(UUID.randomUUID(), medic, null), "TEST");

		assertThat(answer.status()).isEqualTo(AttendanceStatus.RECORDED);
		List<WorkerCheckedIn> published = events.stream(WorkerCheckedIn.class).toList();
		assertThat(published).as("a second check-in changes nothing and tells nobody").hasSize(1);
		WorkerCheckedIn in = published.get(0);
		assertThat(in.workerId()).isEqualTo(medic);
		assertThat(in.role()).isEqualTo(ShiftRole.SAMPLER);
		assertThat(in.postKind()).isEqualTo(PostKind.SITE);
		assertThat(in.postRef()).isEqualTo(site.get("id"));
		assertThat(in.area()).isEqualTo(WorkforceFixture.BILINWAN);
		attendance.checkOut(shift, new AttendanceEvent(UUID.randomUUID(), medic, null), "TEST");
		assertThat(events.stream(WorkerCheckedOut.class).filter(e -> e.shiftId() == shift)).hasSize(1);
	}

	@Test
	void anAssignedWorkerNotCheckedInFifteenMinutesAfterTheStartRaisesANoShowAlertOnceUntilTheyCheckIn() {
		clock.freeze();
		try {
			long worker = fixture.volunteer().get("id").asLong();
			Instant start = clock.instant().minus(Duration.ofMinutes(14));
			long shift = fixture.shift(WorkforceFixture.community(WorkforceFixture.CHENYUAN), "ORDER_KEEPER", start,
					start.plus(Duration.ofHours(2)), 1);
			fixture.assigned(shift, worker);
			long assignment = jdbc.sql("SELECT id FROM workforce_assignment WHERE shift_id = :s")
				.param("s", shift)
				.query(Long.class)
				.single();
			String key = "no-show:" + assignment;

			alerts.check();
			assertThat(raised(key)).as("14 min after the start is not yet a no-show").isEmpty();
			clock.advance(Duration.ofMinutes(1));
			alerts.check();
			alerts.check();
			List<AlertRaised> noShow = raised(key);
			assertThat(noShow).as("raised at 15 min, once however often the job runs").hasSize(1);
			assertThat(noShow.get(0).area()).isEqualTo(WorkforceFixture.CHENYUAN);
			assertThat(noShow.get(0).titleKey()).isEqualTo("workforce.alert.no-show");
			assertThat(noShow.get(0).href()).startsWith("/workforce/posts/");
			Response in = fixture.checkIn(fixture.coordinator(), shift, worker, UUID.randomUUID().toString(), null);
			assertThat(in.status()).as(in.body()).isEqualTo(200);
			assertThat(jdbc.sql("SELECT count(*) FROM workforce_alert WHERE key = :k AND cleared_at IS NULL")
				.param("k", key).query(Long.class).single()).isZero();
		}
		finally {
			clock.reset();
		}
	}

	private List<AlertRaised> raised(String key) {
		return events.stream(AlertRaised.class).filter(a -> a.key().equals(key)).toList();
	}

	private static void signIn(Viewer viewer) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new TestPrincipal(viewer), null, List.of()));
	}
}
