package org.frontline.command.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.frontline.quarantine.QuarantineCounts;
import org.frontline.shared.ZoneMarks;
import org.frontline.testing.PositiveConfirmed;
import org.frontline.testing.SelfReports;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Notes every confirmed positive with how it was found: a person staying in a quarantine facility was found there, one
 * living under a lockdown or control zone (when the zones module is there) in the zone, one who came forward in the
 * days before (testing's self-reports) by reporting it, anyone else by the community's screening.
 */
@Component("commandPositiveListener")
class PositiveListener {

	private final PositiveLedger ledger;

	private final QuarantineCounts quarantine;

	private final ZoneCounts homes;

	private final ObjectProvider<ZoneMarks> zones;

	private final SelfReports selfReports;

	private final Clock clock;

	PositiveListener(PositiveLedger ledger, QuarantineCounts quarantine, ZoneCounts homes,
			ObjectProvider<ZoneMarks> zones, SelfReports selfReports, Clock clock) {
		this.selfReports = selfReports;
		this.ledger = ledger;
		this.quarantine = quarantine;
		this.homes = homes;
		this.zones = zones;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(PositiveConfirmed event) {
		FoundBy way;
		Instant now = clock.instant();
		if (quarantine.staying(List.of(event.personId())).contains(event.personId())) {
			way = FoundBy.IN_QUARANTINE;
		}
		else if (inZone(event.personId())) {
			way = FoundBy.IN_CONTROL_ZONE;
		}
		else if (selfReports.cameForward(event.personId(), now)) {
			way = FoundBy.SELF_REPORTED;
		}
		else {
			way = FoundBy.COMMUNITY_SCREENING;
		}
		ledger.record(event.personId(), event.roundId(), event.tubeCode(), event.community(), way, now);
	}

	/** Whether the person lives under a lockdown or control zone (a prevention zone restricts nobody's movement). */
	private boolean inZone(long personId) {
		ZoneMarks marks = zones.getIfAvailable();
		if (marks == null) {
			return false;
		}
		return homes.home(personId)
			.flatMap(home -> marks.ofResident(home.area(), home.building()))
			.filter(mark -> !"PREVENTION".equals(mark.level()))
			.isPresent();
	}
}
