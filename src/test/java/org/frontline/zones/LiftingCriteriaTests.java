package org.frontline.zones;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.frontline.zones.internal.LiftingCriteria;
import org.frontline.zones.internal.LiftingCriteria.Assessment;
import org.frontline.zones.internal.ZoneRepository.RoundCheck;
import org.junit.jupiter.api.Test;

class LiftingCriteriaTests {

	private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");

	/** 2022-04-07 00:00 in the district: when notice No. 37 took effect. */
	private static final Instant SET = Instant.parse("2022-04-06T16:00:00Z");

	private static ZoneRule rule(int cleanDays, Integer negativeRoundDays) {
		return new ZoneRule(1, ZoneLevel.LOCKDOWN, 1, SET, 1, 1, true, "足不出户", cleanDays, negativeRoundDays,
				LiftTarget.CONTROL, null, "test", SET);
	}

	private static Assessment on(String day, Instant lastPositive, ZoneRule rule, List<RoundCheck> checks) {
		return LiftingCriteria.assess(SET, lastPositive, rule, checks, LocalDate.parse(day), DISTRICT);
	}

	private static Instant at(String districtTime) {
		return java.time.LocalDateTime.parse(districtTime).atZone(DISTRICT).toInstant();
	}

	private static RoundCheck check(String roundStart, long residents, long sampled, long exempted, long negative,
			long pending, long positive, boolean isFinal) {
		return new RoundCheck(1, 9, "第9轮", at(roundStart), residents, sampled, exempted, negative, pending, positive,
				Instant.now(), isFinal);
	}

	@Test
	void aZoneWithSevenCleanDaysRequiredIsNotEligibleOnDaySixAndIsOnDaySeven() {
		Assessment daySix = on("2022-04-13", null, rule(7, null), List.of());
		Assessment daySeven = on("2022-04-14", null, rule(7, null), List.of());
		assertThat(daySix.daysClean()).isEqualTo(6);
		assertThat(daySix.eligible()).isFalse();
		assertThat(daySeven.daysClean()).isEqualTo(7);
		assertThat(daySeven.eligible()).isTrue();
		assertThat(daySix.earliestLift()).isEqualTo(LocalDate.parse("2022-04-14")).isEqualTo(daySeven.earliestLift());
	}

	@Test
	void aPositiveOnTheLastDayStartsTheCleanDaysAgain() {
		Instant lastDay = at("2022-04-13T22:30");
		Assessment assessment = on("2022-04-14", lastDay, rule(7, null), List.of());
		assertThat(assessment.daysClean()).isEqualTo(1);
		assertThat(assessment.eligible()).isFalse();
		assertThat(assessment.earliestLift()).isEqualTo(LocalDate.parse("2022-04-20"));
	}

	@Test
	void aPositiveBeforeTheZoneBeganCountsFromTheZonesStart() {
		Assessment assessment = on("2022-04-10", at("2022-04-05T09:00"), rule(7, null), List.of());
		assertThat(assessment.cleanSince()).isEqualTo(LocalDate.parse("2022-04-07"));
		assertThat(assessment.daysClean()).isEqualTo(3);
	}

	@Test
	void aPositiveJustBeforeMidnightInTheDistrictCountsForThatDistrictDay() {
		// 23:59 in Nantong is 15:59 UTC: the district's calendar decides, not UTC's.
		Assessment assessment = on("2022-04-17", at("2022-04-10T23:59"), rule(7, null), List.of());
		assertThat(assessment.cleanSince()).isEqualTo(LocalDate.parse("2022-04-10"));
		assertThat(assessment.eligible()).isTrue();
	}

	@Test
	void theNegativeRoundMustLieWithinTheRulesDaysBeforeLifting() {
		ZoneRule rule = rule(7, 2);
		RoundCheck negative = check("2022-04-12T07:00", 100, 98, 2, 98, 0, 0, true);
		assertThat(on("2022-04-14", null, rule, List.of(negative)).negativeRound()).isEqualTo(NegativeRound.MET);
		assertThat(on("2022-04-14", null, rule, List.of(negative)).eligible()).isTrue();
		// Three days later the same round is too old.
		Assessment late = on("2022-04-15", null, rule, List.of(negative));
		assertThat(late.negativeRound()).isEqualTo(NegativeRound.NOT_MET);
		assertThat(late.eligible()).isFalse();
	}

	@Test
	void aRoundThatMissedSomeoneOrFoundAPositiveIsNoNegativeFullRound() {
		ZoneRule rule = rule(7, 1);
		RoundCheck missed = check("2022-04-14T07:00", 100, 97, 2, 97, 0, 0, true);
		RoundCheck positive = check("2022-04-14T07:00", 100, 100, 0, 99, 0, 1, true);
		assertThat(on("2022-04-14", null, rule, List.of(missed)).negativeRound()).isEqualTo(NegativeRound.NOT_MET);
		assertThat(on("2022-04-14", null, rule, List.of(positive)).negativeRound()).isEqualTo(NegativeRound.NOT_MET);
	}

	@Test
	void aRoundStillRunningLeavesTheCriterionPendingAndTheZoneNotYetEligible() {
		RoundCheck running = check("2022-04-14T07:00", 100, 60, 0, 40, 20, 0, false);
		Assessment assessment = on("2022-04-14", null, rule(7, 1), List.of(running));
		assertThat(assessment.negativeRound()).isEqualTo(NegativeRound.PENDING);
		assertThat(assessment.eligible()).isFalse();
	}

	@Test
	void aRuleWithoutTheRoundCriterionNeedsOnlyTheCleanDays() {
		Assessment assessment = on("2022-04-14", null, rule(7, null), List.of());
		assertThat(assessment.negativeRound()).isEqualTo(NegativeRound.NOT_REQUIRED);
		assertThat(assessment.eligible()).isTrue();
	}
}
