package org.frontline.zones.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.frontline.zones.NegativeRound;
import org.frontline.zones.ZoneRule;
import org.frontline.zones.internal.ZoneRepository.RoundCheck;

/**
 * A zone's lifting criteria under its rule version, in whole days of the district's calendar: the clean period starts
 * on the day of the zone's last positive or the day it began, whichever is later (a positive on the last day starts it
 * again); the zone may be lifted once it has lasted the rule's clean days and, where the rule asks for one, a full
 * round of its residents within the rule's days before today came back all negative.
 */
public final class LiftingCriteria {

	private LiftingCriteria() {
	}

	/** The outcome for one zone on one day; {@code round} is the round that decided the negative-round criterion. */
	public record Assessment(LocalDate cleanSince, long daysClean, LocalDate earliestLift, NegativeRound negativeRound,
			RoundCheck round, boolean eligible) {
	}

	/** {@code checks}: the zone's checked rounds, any order. */
	public static Assessment assess(Instant since, Instant lastPositive, ZoneRule rule, List<RoundCheck> checks,
			LocalDate today, ZoneId zone) {
		LocalDate cleanSince = since.atZone(zone).toLocalDate();
		if (lastPositive != null) {
			LocalDate positive = lastPositive.atZone(zone).toLocalDate();
			if (positive.isAfter(cleanSince)) {
				cleanSince = positive;
			}
		}
		long daysClean = Math.max(0, ChronoUnit.DAYS.between(cleanSince, today));
		LocalDate earliest = cleanSince.plusDays(rule.cleanDays());
		NegativeRound negative = NegativeRound.NOT_REQUIRED;
		RoundCheck deciding = null;
		if (rule.negativeRoundDays() != null) {
			LocalDate from = today.minusDays(rule.negativeRoundDays());
			negative = NegativeRound.NOT_MET;
			for (RoundCheck check : checks) {
				LocalDate day = check.roundBegan().atZone(zone).toLocalDate();
				if (day.isBefore(from) || day.isAfter(today)) {
					continue;
				}
				if (check.negativeFullRound()) {
					negative = NegativeRound.MET;
					deciding = check;
					break;
				}
				if (!check.isFinal() && check.positive() == 0 && negative == NegativeRound.NOT_MET) {
					negative = NegativeRound.PENDING;
					deciding = check;
				}
				else if (deciding == null) {
					deciding = check;
				}
			}
		}
		boolean eligible = daysClean >= rule.cleanDays()
				&& (negative == NegativeRound.NOT_REQUIRED || negative == NegativeRound.MET);
		return new Assessment(cleanSince, daysClean, earliest, negative, deciding, eligible);
	}
}
