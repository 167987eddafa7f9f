package org.frontline.workforce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.frontline.testing.Outcome;
import org.frontline.workforce.PostKind;
import org.frontline.workforce.ShiftLimits;
import org.frontline.workforce.ShiftLimits.KindHours;
import org.frontline.workforce.ShiftRole;
import org.frontline.workforce.ShiftRule;
import org.frontline.workforce.WorkerKind;
import org.frontline.workforce.WorkerStatus;
import org.frontline.workforce.internal.AssignmentRules.Candidate;
import org.frontline.workforce.internal.AssignmentRules.Deployed;
import org.frontline.workforce.internal.AssignmentRules.LatestTest;
import org.frontline.workforce.internal.AssignmentRules.Proposal;
import org.frontline.workforce.internal.AssignmentRules.Taken;
import org.frontline.workforce.internal.AssignmentRules.Violation;
import org.junit.jupiter.api.Test;

class AssignmentRulesTests {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final ShiftLimits LIMITS = new ShiftLimits(1, 1, Instant.EPOCH, 480, 240, 120, 2880,
			Map.of(WorkerKind.VOLUNTEER, new KindHours(480, 2400), WorkerKind.OTHER, new KindHours(600, 3000),
					WorkerKind.MEDICAL, new KindHours(600, 3000)),
			null, "test", Instant.EPOCH);

	private static final Candidate MEDIC = new Candidate(WorkerKind.MEDICAL, WorkerStatus.ACTIVE, true);

	private static final Candidate VOLUNTEER = new Candidate(WorkerKind.VOLUNTEER, WorkerStatus.ACTIVE, false);

	private static final String COMMUNITY = "320602001001";

	private static final LocalDate DAY = LocalDate.of(2022, 4, 7);

	private static Instant at(int hour, int minute) {
		return DAY.atTime(hour, minute).atZone(ZONE).toInstant();
	}

	private static Proposal duty(Instant start, Instant end) {
		return new Proposal(1, PostKind.COMMUNITY, COMMUNITY, ShiftRole.DUTY, false, false, start, end);
	}

	private static Proposal sampling(Instant start, Instant end) {
		return new Proposal(2, PostKind.SITE, COMMUNITY, ShiftRole.SAMPLER, true, true, start, end);
	}

	private static List<Violation> check(Candidate worker, Proposal proposal, List<Taken> others) {
		return AssignmentRules.check(worker, proposal, others, List.of(), null, LIMITS, Set.of(), ZONE);
	}

	private static List<ShiftRule> rules(List<Violation> violations) {
		return violations.stream().map(Violation::rule).toList();
	}

	@Test
	void exactlyEightHoursOfRestPassesAndSevenHoursFiftyNineMinutesDoesNot() {
		List<Taken> earlier = List.of(new Taken(10, at(0, 0), at(4, 0)));
		assertThat(check(VOLUNTEER, duty(at(12, 0), at(16, 0)), earlier)).isEmpty();
		List<Violation> short1 = check(VOLUNTEER, duty(at(11, 59), at(15, 59)), earlier);
		assertThat(rules(short1)).containsExactly(ShiftRule.REST);
		assertThat(short1.get(0).figures()).containsEntry("restMinutes", 479L)
			.containsEntry("requiredMinutes", 480)
			.containsEntry("shiftId", 10L);
	}

	@Test
	void restCountsTowardsALaterShiftToo() {
		List<Taken> later = List.of(new Taken(11, at(20, 0), at(23, 0)));
		assertThat(check(VOLUNTEER, duty(at(8, 0), at(12, 0)), later)).isEmpty();
		assertThat(rules(check(VOLUNTEER, duty(at(8, 0), at(12, 1)), later))).containsExactly(ShiftRule.REST);
	}

	@Test
	void overlappingShiftsAreRefusedAndTouchingOnesNeedRest() {
		List<Taken> taken = List.of(new Taken(12, at(8, 0), at(12, 0)));
		List<Violation> overlap = check(VOLUNTEER, duty(at(11, 0), at(13, 0)), taken);
		assertThat(rules(overlap)).containsExactly(ShiftRule.OVERLAP);
		assertThat(overlap.get(0).figures()).containsEntry("shiftId", 12L);
		assertThat(rules(check(VOLUNTEER, duty(at(12, 0), at(13, 0)), taken))).containsExactly(ShiftRule.REST);
	}

	@Test
	void aSamplerShiftIsOnlyForMedicalStaffWhoMaySample() {
		LatestTest fresh = new LatestTest(at(6, 0), Outcome.NEGATIVE);
		Proposal proposal = sampling(at(8, 0), at(12, 0));
		assertThat(AssignmentRules.check(MEDIC, proposal, List.of(), List.of(), fresh, LIMITS, Set.of(), ZONE)).isEmpty();
		assertThat(rules(AssignmentRules.check(new Candidate(WorkerKind.MEDICAL, WorkerStatus.ACTIVE, false), proposal,
				List.of(), List.of(), fresh, LIMITS, Set.of(), ZONE))).containsExactly(ShiftRule.QUALIFICATION);
		assertThat(rules(AssignmentRules.check(new Candidate(WorkerKind.VOLUNTEER, WorkerStatus.ACTIVE, true), proposal,
				List.of(), List.of(), fresh, LIMITS, Set.of(), ZONE))).containsExactly(ShiftRule.QUALIFICATION);
	}

	@Test
	void sickReleasedAndPendingWorkersGetNoShiftButRestingOnesDo() {
		for (WorkerStatus status : List.of(WorkerStatus.SICK, WorkerStatus.RELEASED, WorkerStatus.PENDING)) {
			List<Violation> refused = check(new Candidate(WorkerKind.CADRE, status, false), duty(at(8, 0), at(12, 0)),
					List.of());
			assertThat(rules(refused)).containsExactly(ShiftRule.STATUS);
			assertThat(refused.get(0).figures()).containsEntry("status", status.name());
		}
		assertThat(check(new Candidate(WorkerKind.CADRE, WorkerStatus.RESTING, false), duty(at(8, 0), at(12, 0)),
				List.of())).isEmpty();
	}

	@Test
	void fourHoursInASuitPassAndOneMinuteMoreDoesNot() {
		LatestTest fresh = new LatestTest(at(6, 0), Outcome.NEGATIVE);
		assertThat(AssignmentRules.check(MEDIC, sampling(at(8, 0), at(12, 0)), List.of(), List.of(), fresh, LIMITS,
				Set.of(), ZONE)).isEmpty();
		List<Violation> longer = AssignmentRules.check(MEDIC, sampling(at(8, 0), at(12, 1)), List.of(), List.of(),
				fresh, LIMITS, Set.of(), ZONE);
		assertThat(rules(longer)).containsExactly(ShiftRule.SUIT);
		assertThat(longer.get(0).figures()).containsEntry("minutes", 241L).containsEntry("limitMinutes", 240);
	}

	@Test
	void onAHeatWarningDayTwoHoursInASuitPassAndOneMinuteMoreDoesNot() {
		LatestTest fresh = new LatestTest(at(6, 0), Outcome.NEGATIVE);
		Set<LocalDate> heat = Set.of(DAY);
		assertThat(AssignmentRules.check(MEDIC, sampling(at(8, 0), at(10, 0)), List.of(), List.of(), fresh, LIMITS,
				heat, ZONE)).isEmpty();
		List<Violation> longer = AssignmentRules.check(MEDIC, sampling(at(8, 0), at(10, 1)), List.of(), List.of(), fresh,
				LIMITS, heat, ZONE);
		assertThat(rules(longer)).containsExactly(ShiftRule.HEAT);
		assertThat(longer.get(0).figures()).containsEntry("minutes", 121L)
			.containsEntry("limitMinutes", 120)
			.containsEntry("day", "2022-04-07");
		// The heat warning of another day changes nothing.
		assertThat(AssignmentRules.check(MEDIC, sampling(at(8, 0), at(12, 0)), List.of(), List.of(), fresh, LIMITS,
				Set.of(DAY.plusDays(1)), ZONE)).isEmpty();
	}

	@Test
	void aShiftWithoutASuitHasNoContinuousLimit() {
		assertThat(check(new Candidate(WorkerKind.CADRE, WorkerStatus.ACTIVE, false), duty(at(8, 0), at(18, 0)),
				List.of())).isEmpty();
	}

	@Test
	void aVolunteerWorksAtMostEightHoursADayAndOthersTen() {
		Candidate cadre = new Candidate(WorkerKind.CADRE, WorkerStatus.ACTIVE, false);
		assertThat(check(VOLUNTEER, duty(at(8, 0), at(16, 0)), List.of())).isEmpty();
		List<Violation> longer = check(VOLUNTEER, duty(at(8, 0), at(16, 1)), List.of());
		assertThat(rules(longer)).containsExactly(ShiftRule.DAILY_HOURS);
		assertThat(longer.get(0).figures()).containsEntry("minutes", 481L).containsEntry("limitMinutes", 480);
		assertThat(check(cadre, duty(at(8, 0), at(18, 0)), List.of())).isEmpty();
		assertThat(rules(check(cadre, duty(at(8, 0), at(18, 1)), List.of()))).containsExactly(ShiftRule.DAILY_HOURS);
	}

	@Test
	void theDailyLimitAddsTheOtherShiftsOfTheDayInTheDistrictsTimeZone() {
		// 00:00-04:00 and 12:00-16:00 district time: 8 h on the day, 8 h of rest between them.
		List<Taken> night = List.of(new Taken(20, at(0, 0), at(4, 0)));
		assertThat(check(VOLUNTEER, duty(at(12, 0), at(16, 0)), night)).isEmpty();
		assertThat(rules(check(VOLUNTEER, duty(at(12, 0), at(16, 1)), night))).containsExactly(ShiftRule.DAILY_HOURS);
		// The evening before (yesterday in the district) does not count for today.
		List<Taken> yesterday = List.of(new Taken(21, at(0, 0).minus(Duration.ofHours(6)), at(0, 0).minus(Duration.ofHours(2))));
		assertThat(check(VOLUNTEER, duty(at(8, 0), at(16, 0)), yesterday)).isEmpty();
	}

	@Test
	void fortyHoursInAnySevenDaysPassForAVolunteerAndOneMinuteMoreDoesNot() {
		List<Taken> week = new ArrayList<>();
		for (int d = 1; d <= 6; d++) {
			Instant start = at(8, 0).minus(Duration.ofDays(d));
			week.add(new Taken(30 + d, start, start.plus(Duration.ofMinutes(d == 6 ? 240 : 360))));
		}
		// 5 x 6 h + 4 h = 34 h before today; 6 h today makes 40 h.
		assertThat(check(VOLUNTEER, duty(at(8, 0), at(14, 0)), week)).isEmpty();
		List<Violation> longer = check(VOLUNTEER, duty(at(8, 0), at(14, 1)), week);
		assertThat(rules(longer)).containsExactly(ShiftRule.WEEKLY_HOURS);
		assertThat(longer.get(0).figures()).containsEntry("minutes", 2401L)
			.containsEntry("limitMinutes", 2400)
			.containsEntry("from", "2022-04-01")
			.containsEntry("to", "2022-04-07");
		// A week later the oldest shifts no longer count.
		List<Taken> older = week.stream().map(t -> new Taken(t.shiftId(), t.start().minus(Duration.ofDays(1)),
				t.end().minus(Duration.ofDays(1)))).toList();
		assertThat(rules(check(VOLUNTEER, duty(at(8, 0), at(14, 1)), older))).doesNotContain(ShiftRule.WEEKLY_HOURS);
	}

	@Test
	void aTestExactlyFortyEightHoursOldPassesAndOneMinuteOlderDoesNot() {
		Proposal proposal = sampling(at(8, 0), at(12, 0));
		LatestTest exactly = new LatestTest(at(8, 0).minus(Duration.ofHours(48)), Outcome.NEGATIVE);
		assertThat(AssignmentRules.check(MEDIC, proposal, List.of(), List.of(), exactly, LIMITS, Set.of(), ZONE)).isEmpty();
		LatestTest older = new LatestTest(at(7, 59).minus(Duration.ofHours(48)), Outcome.NEGATIVE);
		List<Violation> refused = AssignmentRules.check(MEDIC, proposal, List.of(), List.of(), older, LIMITS, Set.of(),
				ZONE);
		assertThat(rules(refused)).containsExactly(ShiftRule.TEST);
		assertThat(refused.get(0).figures()).containsEntry("ageMinutes", 2881L).containsEntry("limitMinutes", 2880);
	}

	@Test
	void aPositiveOrMissingTestIsRefusedWhereATestIsNeededAndIgnoredElsewhere() {
		Proposal proposal = sampling(at(8, 0), at(12, 0));
		LatestTest positive = new LatestTest(at(6, 0), Outcome.POSITIVE);
		assertThat(rules(AssignmentRules.check(MEDIC, proposal, List.of(), List.of(), positive, LIMITS, Set.of(), ZONE)))
			.containsExactly(ShiftRule.TEST);
		List<Violation> none = AssignmentRules.check(MEDIC, proposal, List.of(), List.of(), null, LIMITS, Set.of(), ZONE);
		assertThat(rules(none)).containsExactly(ShiftRule.TEST);
		assertThat(none.get(0).figures()).containsEntry("latestTestAt", null);
		assertThat(AssignmentRules.check(VOLUNTEER, duty(at(8, 0), at(12, 0)), List.of(), List.of(), null, LIMITS,
				Set.of(), ZONE)).isEmpty();
	}

	@Test
	void aDeployedWorkerWorksOnlyAtTheirPostOrInsideTheAreaTheyAreDeployedTo() {
		Deployed toCommunity = new Deployed(1, PostKind.COMMUNITY, COMMUNITY, "碧林湾社区", DAY.minusDays(3), DAY.plusDays(3));
		Proposal siteInside = new Proposal(7, PostKind.SITE, COMMUNITY + "001", ShiftRole.ORDER_KEEPER, false, false,
				at(8, 0), at(12, 0));
		assertThat(AssignmentRules.check(VOLUNTEER, siteInside, List.of(), List.of(toCommunity), null, LIMITS, Set.of(),
				ZONE)).isEmpty();
		Proposal elsewhere = new Proposal(8, PostKind.COMMUNITY, "320602002001", ShiftRole.DUTY, false, false, at(8, 0),
				at(12, 0));
		List<Violation> refused = AssignmentRules.check(VOLUNTEER, elsewhere, List.of(), List.of(toCommunity), null,
				LIMITS, Set.of(), ZONE);
		assertThat(rules(refused)).containsExactly(ShiftRule.DEPLOYMENT);
		assertThat(refused.get(0).figures()).containsEntry("deployedTo", "碧林湾社区");
		Deployed past = new Deployed(1, PostKind.COMMUNITY, COMMUNITY, "碧林湾社区", DAY.minusDays(9), DAY.minusDays(1));
		assertThat(AssignmentRules.check(VOLUNTEER, elsewhere, List.of(), List.of(past), null, LIMITS, Set.of(), ZONE))
			.isEmpty();
	}

	@Test
	void everyBrokenRuleIsNamedInOrder() {
		List<Taken> taken = List.of(new Taken(40, at(6, 0), at(9, 0)));
		List<Violation> all = AssignmentRules.check(new Candidate(WorkerKind.VOLUNTEER, WorkerStatus.SICK, false),
				sampling(at(8, 0), at(17, 0)), taken, List.of(), null, LIMITS, Set.of(), ZONE);
		assertThat(rules(all)).containsExactly(ShiftRule.STATUS, ShiftRule.QUALIFICATION, ShiftRule.OVERLAP,
				ShiftRule.SUIT, ShiftRule.DAILY_HOURS, ShiftRule.TEST);
	}
}
