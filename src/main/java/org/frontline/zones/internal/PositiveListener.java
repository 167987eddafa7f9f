package org.frontline.zones.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.frontline.area.Area;
import org.frontline.area.Areas;
import org.frontline.shared.AlertRaised;
import org.frontline.shared.AlertSeverity;
import org.frontline.testing.PositiveConfirmed;
import org.frontline.zones.ZoneLevel;
import org.frontline.zones.internal.ProposalRepository.ProposalRow;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A confirmed positive of a resident: recorded where they live (it resets the clean days of the zones around), and,
 * unless their building is already locked down, a proposal to lock it down with an alert for the command centre.
 * Delivered again after a failure, it changes nothing the second time.
 */
@Component
class PositiveListener {

	/** How soon the commander should decide on a lockdown proposal. */
	static final Duration DECIDE_WITHIN = Duration.ofHours(2);

	private final ZoneRepository zones;

	private final ProposalRepository proposals;

	private final ZoneMarksProvider marks;

	private final Areas areas;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PositiveListener(ZoneRepository zones, ProposalRepository proposals, ZoneMarksProvider marks, Areas areas,
			ApplicationEventPublisher events, Clock clock) {
		this.zones = zones;
		this.proposals = proposals;
		this.marks = marks;
		this.areas = areas;
		this.events = events;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(PositiveConfirmed positive) {
		Optional<String[]> address = zones.residentAddress(positive.personId());
		if (address.isEmpty()) {
			return;
		}
		String compound = address.get()[0];
		String building = address.get()[1] == null || address.get()[1].isBlank() ? null : address.get()[1].strip();
		Instant now = clock.instant();
		if (!zones.positive(positive.roundId(), positive.personId(), positive.tubeCode(), compound, building, now)) {
			return;
		}
		if (marks.levelOf(compound, building).filter(level -> level == ZoneLevel.LOCKDOWN).isPresent()) {
			return;
		}
		Area area = areas.find(compound).orElse(null);
		if (area == null) {
			return;
		}
		ProposalRow proposal = proposals.propose(compound, area.name(), building, now);
		events.publishEvent(new AlertRaised(ZoneProposalsAlerts.SOURCE, ZoneProposalsAlerts.key(proposal.id()),
				AlertSeverity.URGENT, compound, "zones.alert.proposal",
				List.of(area.name(), building == null ? "" : building, String.valueOf(proposal.positives())),
				"/zones/proposals", proposal.firstAt().plus(DECIDE_WITHIN), now));
	}
}
