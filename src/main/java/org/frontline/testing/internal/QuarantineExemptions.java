package org.frontline.testing.internal;

import java.util.List;

import org.frontline.audit.AuditLog;
import org.frontline.quarantine.StayReleased;
import org.frontline.quarantine.StayStarted;
import org.frontline.shared.AreaCodes;
import org.frontline.testing.Coverage.ExemptionReason;
import org.frontline.testing.Round;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A resident staying in a quarantine facility is tested there, so the open rounds that cover their home count them
 * apart ({@code IN_QUARANTINE}) until they leave; the not-yet-tested list does not send a community worker to their
 * door. An exemption a person set for another reason is kept, and only the exemptions set here are lifted.
 */
@Component
class QuarantineExemptions {

	static final String BY = "quarantine";

	private final RoundRepository rounds;

	private final CoverageRepository coverage;

	private final AuditLog auditLog;

	QuarantineExemptions(RoundRepository rounds, CoverageRepository coverage, AuditLog auditLog) {
		this.rounds = rounds;
		this.coverage = coverage;
		this.auditLog = auditLog;
	}

	@ApplicationModuleListener
	void on(StayStarted stay) {
		String home = coverage.areaOf(stay.personId()).orElse(null);
		if (home == null) {
			return;
		}
		for (Round round : rounds.open()) {
			boolean covers = round.areas().stream().anyMatch(area -> AreaCodes.contains(area, home));
			if (covers && coverage.exemptUnlessExempted(round.id(), stay.personId(), ExemptionReason.IN_QUARANTINE.name(),
					BY, stay.at())) {
				auditLog.record("EXEMPTION_SET", "person", stay.personId(),
						"round " + round.id() + ": " + ExemptionReason.IN_QUARANTINE + " (stay " + stay.stayId() + ")");
			}
		}
	}

	@ApplicationModuleListener
	void on(StayReleased released) {
		if (released.personId() == null) {
			return;
		}
		List<Long> lifted = coverage.unexemptInOpenRounds(released.personId(), ExemptionReason.IN_QUARANTINE.name(), BY);
		for (long round : lifted) {
			auditLog.record("EXEMPTION_REMOVE", "person", released.personId(),
					"round " + round + " (stay " + released.stayId() + " ended)");
		}
	}
}
