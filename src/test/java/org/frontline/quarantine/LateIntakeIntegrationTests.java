package org.frontline.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.support.IntegrationTest;
import org.frontline.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class LateIntakeIntegrationTests extends IntegrationTest {

	private static final Viewer STAFF = new Viewer(0, "late-intake", Set.of(Role.FACILITY_STAFF), "320602");

	@Autowired
	Intakes intakes;

	@Autowired
	Categories categories;

	private final QuarantineFixture fixture = new QuarantineFixture(this::api);

	/** A category with ten days under the rule of twenty days ago and five under today's. */
	private String category() {
		String code = QuarantineFixture.unique("LATE");
		Instant now = clock.instant();
		SignedIn.as(new Viewer(0, "late-intake", Set.of(Role.ADMIN), "320602"), () -> {
			categories.create(new NewCategory(code, "补录 " + code,
					new NewRule(now.minus(Duration.ofDays(20)), 10, 0, List.of(1), List.of(), false, null)));
			return categories.addRule(code, new NewRule(now, 5, 0, List.of(1), List.of(), false, null));
		});
		return code;
	}

	@Test
	void aLateIntakeRunsFromWhenThePersonArrivedUnderTheRuleInForceThen() {
		long facility = fixture.facility(2).get("id").asLong();
		String category = category();
		Instant arrived = clock.instant().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MILLIS);
		Stay stay = SignedIn.as(STAFF, () -> intakes.intakeRecordedLate(facility,
				new Intake(null, "钱补录", "13912340001", category, "101", null, null, null, null, null), arrived));
		LocalDate day = LocalDate.ofInstant(arrived, clock.getZone());
		assertThat(stay.admittedAt()).isEqualTo(arrived);
		assertThat(stay.admittedOn()).isEqualTo(day);
		assertThat(stay.ruleVersion()).isEqualTo(1);
		assertThat(stay.plannedRelease()).isEqualTo(day.plusDays(10));
		Stay today = SignedIn.as(STAFF, () -> intakes.intake(facility,
				new Intake(null, "孙今日", "13912340002", category, "102", null, null, null, null, null)));
		assertThat(today.ruleVersion()).isEqualTo(2);
	}

	@Test
	void aLateIntakeInTheFutureOrMoreThanThirtyDaysBackIsRefusedAndChangesNothing() {
		long facility = fixture.facility(1).get("id").asLong();
		String category = category();
		Intake intake = new Intake(null, "钱补录", "13912340003", category, "101", null, null, null, null, null);
		for (Instant when : List.of(clock.instant().plus(Duration.ofHours(1)), clock.instant().minus(Duration.ofDays(31)))) {
			assertThatThrownBy(() -> SignedIn.as(STAFF, () -> intakes.intakeRecordedLate(facility, intake, when)))
				.isInstanceOfSatisfying(Problem.class,
						p -> assertThat(p.errors()).extracting(Problem.FieldError::field).containsExactly("admittedAt"));
		}
		assertThat(jdbc.sql("SELECT count(*) FROM quarantine_stay WHERE facility_id = :f").param("f", facility)
			.query(Long.class).single()).isZero();
	}
}
