package org.frontline.quarantine.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.frontline.quarantine.Missing;
import org.frontline.quarantine.Missing.What;
import org.frontline.quarantine.Observation;
import org.frontline.quarantine.ObservationForm;
import org.frontline.quarantine.Rule;
import org.frontline.quarantine.Stay;
import org.frontline.quarantine.Symptom;
import org.frontline.quarantine.TestResult;

/**
 * The rules of a stay: its planned release, what a release still needs, what is still missing today, and what
 * makes an observation an anomaly. Day 1 of a stay is the day of intake; a test result counts for its day when
 * recorded that day or the next (results come back overnight).
 */
public final class StayRules {

	public static final BigDecimal FEVER = new BigDecimal("37.3");

	private StayRules() {
	}

	/** The community (12-digit area code) of a home address's area. */
	public static String communityOf(String area) {
		return area == null || area.length() < 12 ? area : area.substring(0, 12);
	}

	public static LocalDate plannedRelease(LocalDate admittedOn, Rule rule) {
		return admittedOn.plusDays(rule.facilityDays());
	}

	public static LocalDate dateOfDay(LocalDate admittedOn, int day) {
		return admittedOn.plusDays(day - 1L);
	}

	/** The tests of the rule that have no negative result yet, up to a date (every one when {@code upTo} is null). */
	public static List<Missing> missingTests(Stay stay, Rule rule, List<Observation> observations, LocalDate upTo) {
		List<Missing> missing = new ArrayList<>();
		for (int day : rule.natDays()) {
			if (upTo == null || !dateOfDay(stay.admittedOn(), day).isAfter(upTo)) {
				if (!negativeFor(stay, day, observations, o -> o.natResult() == TestResult.NEGATIVE)) {
					missing.add(new Missing(What.NAT, day));
				}
			}
		}
		for (int day : rule.antigenDays()) {
			if (upTo == null || !dateOfDay(stay.admittedOn(), day).isAfter(upTo)) {
				if (!negativeFor(stay, day, observations, o -> o.antigen() == TestResult.NEGATIVE)) {
					missing.add(new Missing(What.ANTIGEN, day));
				}
			}
		}
		return missing;
	}

	/**
	 * What stops a release today: days left, missing or positive tests, an incomplete registration, an open anomaly;
	 * and for a home destination a missing or failed home check.
	 */
	public static List<Missing> missingForRelease(Stay stay, Rule rule, List<Observation> observations,
			LocalDate today, boolean openAnomaly, boolean toHome) {
		List<Missing> missing = new ArrayList<>();
		if (today.isBefore(stay.plannedRelease())) {
			missing.add(new Missing(What.DAYS, (int) (stay.plannedRelease().toEpochDay() - today.toEpochDay())));
		}
		missing.addAll(missingTests(stay, rule, observations, null));
		if (observations.stream().anyMatch(o -> o.natResult() == TestResult.POSITIVE || o.antigen() == TestResult.POSITIVE)) {
			missing.add(Missing.of(What.POSITIVE_RESULT));
		}
		if (!stay.registrationComplete()) {
			missing.add(Missing.of(What.REGISTRATION));
		}
		if (openAnomaly) {
			missing.add(Missing.of(What.OPEN_ANOMALY));
		}
		if (toHome) {
			if (stay.homeCheckResult() == null) {
				missing.add(Missing.of(What.HOME_CHECK));
			}
			else if ("FAIL".equals(stay.homeCheckResult())) {
				missing.add(Missing.of(What.HOME_CHECK_FAILED));
			}
		}
		return missing;
	}

	/** What is still to be recorded today for a stay: temperatures, a due antigen test, a due nucleic-acid sample. */
	public static List<Missing> missingToday(Stay stay, Rule rule, List<Observation> today, LocalDate date,
			int temperaturesPerDay) {
		List<Missing> missing = new ArrayList<>();
		long temperatures = today.stream().filter(o -> o.temperature() != null).count();
		if (temperatures < temperaturesPerDay) {
			missing.add(new Missing(What.TEMPERATURE, (int) (temperaturesPerDay - temperatures)));
		}
		int day = stay.dayOn(date);
		if (rule.antigenDays().contains(day) && today.stream().noneMatch(o -> o.antigen() != null)) {
			missing.add(new Missing(What.ANTIGEN, day));
		}
		if (rule.natDays().contains(day) && today.stream().noneMatch(o -> o.natSampled() || o.natResult() != null)) {
			missing.add(new Missing(What.NAT, day));
		}
		return missing;
	}

	/** Why an observation is an anomaly; empty when it is not one. */
	public static List<String> anomalyReasons(ObservationForm form, Set<Symptom> alarming) {
		List<String> reasons = new ArrayList<>();
		if (form.temperature() != null && form.temperature().compareTo(FEVER) >= 0) {
			reasons.add("TEMPERATURE " + form.temperature().toPlainString());
		}
		if (form.antigen() == TestResult.POSITIVE) {
			reasons.add("ANTIGEN_POSITIVE");
		}
		if (form.natResult() == TestResult.POSITIVE) {
			reasons.add("NAT_POSITIVE");
		}
		if (form.symptoms() != null) {
			form.symptoms().stream().filter(alarming::contains).distinct().forEach(s -> reasons.add("SYMPTOM " + s));
		}
		return reasons;
	}

	private static boolean negativeFor(Stay stay, int day, List<Observation> observations,
			Predicate<Observation> negative) {
		LocalDate date = dateOfDay(stay.admittedOn(), day);
		return observations.stream()
			.filter(negative)
			.anyMatch(o -> o.observedOn().equals(date) || o.observedOn().equals(date.plusDays(1)));
	}
}
