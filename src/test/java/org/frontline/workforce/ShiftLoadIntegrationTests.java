package org.frontline.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.ViewerPrincipal;
import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Shifts planned with their staff in one batch (as the demo loads its day): every rule holds across the batch as if
 * assigned one by one, a refusal stores nothing, and the check-ins given are recorded and published like any other.
 */
@RecordApplicationEvents
class ShiftLoadIntegrationTests extends IntegrationTest {

	private final WorkforceFixture fixture = new WorkforceFixture(this::api);

	@Autowired
	private Shifts shifts;

	@Autowired
	private ApplicationEvents events;

	private record TestPrincipal(Viewer viewer) implements ViewerPrincipal {
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aBatchBreakingTheRestRuleBetweenTwoOfItsOwnShiftsIsRefusedWhole() {
		long worker = fixture.volunteer().get("id").asLong();
		Instant morning = clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.DAYS);
		PostRef post = new PostRef(PostKind.COMMUNITY, WorkforceFixture.CHENYUAN);
		long shiftsBefore = count("SELECT count(*) FROM workforce_shift");
		signIn();

		Problem refused = catchThrowableOfType(Problem.class,
				() -> shifts.load(List.of(
						new StaffedShift(new NewShift(post, ShiftRole.ORDER_KEEPER, morning,
								morning.plus(Duration.ofHours(4)), 1, false),
								List.of(new StaffedShift.Staff(worker, null, null, null))),
						new StaffedShift(new NewShift(post, ShiftRole.ORDER_KEEPER, morning.plus(Duration.ofHours(7)),
								morning.plus(Duration.ofHours(10)), 1, false),
								List.of(new StaffedShift.Staff(worker, null, null, null)))),
						"TEST"));

		assertThat(refused.status().value()).isEqualTo(422);
		assertThat(refused.properties()).containsEntry("rule", "REST");
		assertThat(count("SELECT count(*) FROM workforce_shift")).isEqualTo(shiftsBefore);
		assertThat(count("SELECT count(*) FROM workforce_assignment WHERE worker_id = " + worker)).isZero();
	}

	@Test
	void aBatchStoresItsShiftsStaffAndCheckInsAndPublishesEachCheckIn() {
		long first = fixture.volunteer().get("id").asLong();
		long second = fixture.volunteer().get("id").asLong();
		Instant start = clock.instant().minus(Duration.ofMinutes(40)).truncatedTo(ChronoUnit.SECONDS);
		PostRef post = new PostRef(PostKind.COMMUNITY, WorkforceFixture.CHENYUAN);
		UUID eventId = UUID.randomUUID();
		signIn();

		List<Long> ids = shifts.load(List.of(new StaffedShift(new NewShift(post, ShiftRole.ORDER_KEEPER, start,
				start.plus(Duration.ofHours(4)), 2, false),
				List.of(new StaffedShift.Staff(first, null, null, new StaffedShift.CheckIn(eventId, start.plus(Duration.ofMinutes(5)))),
						new StaffedShift.Staff(second, null, null, null)))),
				"TEST");

		assertThat(ids).hasSize(1);
		Shift shift = shifts.get(ids.get(0));
		assertThat(shift.needed()).isEqualTo(2);
		assertThat(shift.assignments()).extracting(Assignment::workerId).containsExactlyInAnyOrder(first, second);
		assertThat(shift.assignments()).filteredOn(a -> a.workerId() == first)
			.singleElement()
			.satisfies(a -> assertThat(a.checkedInAt()).isEqualTo(start.plus(Duration.ofMinutes(5))));
		assertThat(shift.assignments()).filteredOn(a -> a.workerId() == second)
			.singleElement()
			.satisfies(a -> assertThat(a.checkedInAt()).isNull());
		assertThat(count("SELECT count(*) FROM workforce_attendance WHERE event_id = '" + eventId + "'")).isEqualTo(1);
		assertThat(events.stream(WorkerCheckedIn.class).filter(e -> e.shiftId() == ids.get(0)))
			.singleElement()
			.satisfies(e -> assertThat(e.workerId()).isEqualTo(first));
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static void signIn() {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
					new TestPrincipal(new Viewer(0, "admin", Set.of(Role.ADMIN), "320602")), null, List.of()));
	}
}
