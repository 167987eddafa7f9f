package org.frontline.zones.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.frontline.testing.AreaRoundOutcome;
import org.frontline.testing.Coverage;
import org.frontline.testing.Round;
import org.frontline.testing.RoundStatus;
import org.frontline.zones.Zone;
import org.frontline.zones.internal.ZoneRepository.RoundCheck;
import org.springframework.stereotype.Component;

/**
 * Checks how a zone's residents fared in the rounds over it within its rule's negative-round days (from testing's
 * results), and keeps the outcome; a round closed with every result in is final and not checked again. Counting a
 * large zone's residents takes time, so the board reads what was last checked and a job checks again every few
 * minutes; a lift checks its zone afresh.
 */
@Component
public class RoundChecks {

	private final Coverage coverage;

	private final ZoneRepository zones;

	private final Clock clock;

	RoundChecks(Coverage coverage, ZoneRepository zones, Clock clock) {
		this.coverage = coverage;
		this.zones = zones;
		this.clock = clock;
	}

	/** The first instant of the days the zone's rule looks back over for a negative round. */
	public Instant windowStart(Zone zone, LocalDate today) {
		int days = zone.rule().negativeRoundDays() == null ? 0 : zone.rule().negativeRoundDays();
		return today.minusDays(days).atStartOfDay(clock.getZone()).toInstant();
	}

	/** Checks the zone's rounds in its window that are not final yet; answers the zone's checks, newest first. */
	public List<RoundCheck> check(Zone zone) {
		Instant now = clock.instant();
		LocalDate today = now.atZone(clock.getZone()).toLocalDate();
		if (zone.rule().negativeRoundDays() == null) {
			return List.of();
		}
		Instant since = windowStart(zone, today);
		Set<Long> done = new HashSet<>();
		Map<Long, List<RoundCheck>> known = zones.checks(List.of(zone.id()), since);
		known.getOrDefault(zone.id(), List.of()).stream().filter(RoundCheck::isFinal).forEach(c -> done.add(c.roundId()));
		for (Round round : coverage.roundsOver(zone.area(), since)) {
			if (done.contains(round.id())) {
				continue;
			}
			AreaRoundOutcome outcome = coverage.outcome(round, zone.area(), zone.buildings());
			zones.saveCheck(new RoundCheck(zone.id(), round.id(), round.name(), round.startsAt(), outcome.residents(),
					outcome.sampled(), outcome.exempted(), outcome.negative(), outcome.pending(), outcome.positive(), now,
					round.status() == RoundStatus.CLOSED && outcome.pending() == 0));
		}
		return zones.checks(List.of(zone.id()), since).getOrDefault(zone.id(), List.of());
	}
}
