package org.frontline.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.frontline.quarantine.Missing.What;
import org.frontline.quarantine.internal.StayRules;
import org.junit.jupiter.api.Test;

class StayRulesTests {

	private static final LocalDate ADMITTED = LocalDate.of(2022, 4, 1);

	private final Rule rule = new Rule(1, 1, 1, Instant.EPOCH, 14, 7, List.of(1, 4, 7, 14), List.of(2, 3), false, null);

	private Stay stay(String homeCheck, boolean complete) {
		return new Stay(1, 1, 1, "101", null, "赵一", "13900000000", null, "320602001002", null, "CLOSE", "密接", 1, 1,
				Instant.EPOCH, ADMITTED, StayRules.plannedRelease(ADMITTED, rule), complete, List.of(), null, "ACTIVE",
				homeCheck, null, null, null, null, null, null, null);
	}

	private Observation nat(LocalDate on, TestResult result) {
		return new Observation(1, 1, Instant.EPOCH, on, null, List.of(), null, true, result, null, "n", null);
	}

	private Observation antigen(LocalDate on, TestResult result) {
		return new Observation(1, 1, Instant.EPOCH, on, null, List.of(), result, false, null, null, "n", null);
	}

	private List<Observation> allNegative() {
		return List.of(nat(ADMITTED, TestResult.NEGATIVE), nat(ADMITTED.plusDays(3), TestResult.NEGATIVE),
				nat(ADMITTED.plusDays(7), TestResult.NEGATIVE), nat(ADMITTED.plusDays(13), TestResult.NEGATIVE),
				antigen(ADMITTED.plusDays(1), TestResult.NEGATIVE), antigen(ADMITTED.plusDays(2), TestResult.NEGATIVE));
	}

	@Test
	void plannedReleaseIsTheDayAfterTheRulesDays() {
		assertThat(StayRules.plannedRelease(ADMITTED, rule)).isEqualTo(LocalDate.of(2022, 4, 15));
	}

	@Test
	void releaseIsDueWhenDaysAreOverTestsNegativeAndHomeChecked() {
		assertThat(StayRules.missingForRelease(stay("PASS", true), rule, allNegative(), ADMITTED.plusDays(14), false, true))
			.isEmpty();
	}

	@Test
	void aResultRecordedTheNextDayCountsButNotTwoDaysLater() {
		List<Observation> late = List.of(nat(ADMITTED, TestResult.NEGATIVE), nat(ADMITTED.plusDays(4), TestResult.NEGATIVE),
				nat(ADMITTED.plusDays(9), TestResult.NEGATIVE), nat(ADMITTED.plusDays(13), TestResult.NEGATIVE),
				antigen(ADMITTED.plusDays(1), TestResult.NEGATIVE), antigen(ADMITTED.plusDays(2), TestResult.NEGATIVE));
		assertThat(StayRules.missingForRelease(stay("PASS", true), rule, late, ADMITTED.plusDays(14), false, true))
			.containsExactly(new Missing(What.NAT, 7));
	}

	@Test
	void everythingThatBlocksAReleaseIsListed() {
		List<Missing> missing = StayRules.missingForRelease(stay("FAIL", false), rule,
				List.of(nat(ADMITTED, TestResult.POSITIVE)), ADMITTED.plusDays(10), true, true);
		assertThat(missing).extracting(Missing::what)
			.containsExactly(What.DAYS, What.NAT, What.NAT, What.NAT, What.NAT, What.ANTIGEN, What.ANTIGEN,
					What.POSITIVE_RESULT, What.REGISTRATION, What.OPEN_ANOMALY, What.HOME_CHECK_FAILED);
		assertThat(missing.get(0).day()).isEqualTo(4);
	}

	@Test
	void homeCheckIsOnlyNeededForAHomeDestination() {
		assertThat(StayRules.missingForRelease(stay(null, true), rule, allNegative(), ADMITTED.plusDays(14), false, false))
			.isEmpty();
		assertThat(StayRules.missingForRelease(stay(null, true), rule, allNegative(), ADMITTED.plusDays(14), false, true))
			.containsExactly(Missing.of(What.HOME_CHECK));
	}

	@Test
	void todayNeedsTwoTemperaturesAndTheTestsDueThatDay() {
		LocalDate day4 = ADMITTED.plusDays(3);
		Observation morning = new Observation(1, 1, Instant.EPOCH, day4, new BigDecimal("36.5"), List.of(), null, false,
				null, null, "n", null);
		assertThat(StayRules.missingToday(stay(null, true), rule, List.of(morning), day4, 2))
			.containsExactly(new Missing(What.TEMPERATURE, 1), new Missing(What.NAT, 4));
		assertThat(StayRules.missingToday(stay(null, true), rule, List.of(), ADMITTED.plusDays(1), 2))
			.containsExactly(new Missing(What.TEMPERATURE, 2), new Missing(What.ANTIGEN, 2));
	}

	@Test
	void feverFromThirtySevenPointThreePositiveTestsAndChosenSymptomsAreAnomalies() {
		Set<Symptom> alarming = Set.of(Symptom.COUGH);
		assertThat(StayRules.anomalyReasons(form("37.2", List.of(Symptom.FATIGUE), null), alarming)).isEmpty();
		assertThat(StayRules.anomalyReasons(form("37.3", List.of(), null), alarming)).containsExactly("TEMPERATURE 37.3");
		assertThat(StayRules.anomalyReasons(form(null, List.of(Symptom.COUGH), TestResult.POSITIVE), alarming))
			.containsExactly("ANTIGEN_POSITIVE", "SYMPTOM COUGH");
	}

	private static ObservationForm form(String temperature, List<Symptom> symptoms, TestResult antigen) {
		return new ObservationForm(null, temperature == null ? null : new BigDecimal(temperature), symptoms, antigen,
				null, null, null, null);
	}
}
