package org.frontline.command.internal;

import java.time.Clock;
import java.util.List;

import org.frontline.quarantine.QuarantineCounts;
import org.frontline.testing.PositiveConfirmed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Notes every confirmed positive with how it was found: a person staying in a quarantine facility was found there,
 * anyone else by the community's screening.
 */
@Component
class PositiveListener {

	private final PositiveLedger ledger;

	private final QuarantineCounts quarantine;

	private final Clock clock;

	PositiveListener(PositiveLedger ledger, QuarantineCounts quarantine, Clock clock) {
		this.ledger = ledger;
		this.quarantine = quarantine;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(PositiveConfirmed event) {
		FoundBy way = quarantine.staying(List.of(event.personId())).contains(event.personId()) ? FoundBy.IN_QUARANTINE
				: FoundBy.COMMUNITY_SCREENING;
		ledger.record(event.personId(), event.roundId(), event.tubeCode(), event.community(), way, clock.instant());
	}
}
