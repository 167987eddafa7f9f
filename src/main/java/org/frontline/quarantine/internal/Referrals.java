package org.frontline.quarantine.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

import org.frontline.audit.AuditLog;
import org.frontline.quarantine.FacilityCapacity;
import org.frontline.shared.AreaCodes;
import org.frontline.shared.QuarantineReferral;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A person another module hands over (a fever or a positive in a closed-loop enterprise) becomes a planned arrival
 * within the hour at the facility of their district with the most rooms free, in the category
 * {@code frontline.quarantine.referral-category} (close contacts by default); the facility's staff see them among the
 * arrivals expected. Without a facility or that category the referral is logged and left to the command's alert.
 */
@Component
class Referrals {

	private static final Logger log = LoggerFactory.getLogger(Referrals.class);

	private final FacilityRepository facilities;

	private final CategoryRepository categories;

	private final StayRepository stays;

	private final AuditLog auditLog;

	private final String category;

	private final java.time.Clock clock;

	Referrals(FacilityRepository facilities, CategoryRepository categories, StayRepository stays, AuditLog auditLog,
			java.time.Clock clock, @Value("${frontline.quarantine.referral-category:CLOSE_CONTACT}") String category) {
		this.clock = clock;
		this.facilities = facilities;
		this.categories = categories;
		this.stays = stays;
		this.auditLog = auditLog;
		this.category = category;
	}

	@ApplicationModuleListener
	void on(QuarantineReferral referral) {
		String district = referral.area().substring(0, Math.min(6, referral.area().length()));
		Optional<FacilityCapacity> facility = facilities
			.capacity(null, district, AreaCodes.upperBound(district), clock.instant(), LocalDate.now(clock).plusDays(1))
			.stream()
			.filter(f -> f.available() > 0)
			.max(Comparator.comparingLong(FacilityCapacity::available));
		Optional<CategoryRepository.CategoryRow> row = categories.byCode(category);
		if (facility.isEmpty() || row.isEmpty()) {
			log.warn("Referral {} {} not planned: no facility with a free room in {} or no category {}",
					referral.source(), referral.key(), district, category);
			return;
		}
		// The source is stored as words, as staff write it on the arrivals form (the district's language).
		String reason = switch (referral.reason() == null ? "" : referral.reason()) {
			case "FEVER" -> "发热";
			case "POSITIVE" -> "阳性";
			default -> referral.reason() == null ? "" : referral.reason();
		};
		String source = (referral.from() + " " + reason).strip();
		long arrival = stays.insertArrival(facility.get().facilityId(), source.substring(0, Math.min(100, source.length())),
				referral.at().plus(Duration.ofHours(1)), referral.name(), referral.phone(), referral.personId(),
				row.get().id());
		auditLog.record("ARRIVALS_PLAN", "quarantine_facility", facility.get().facilityId(),
				referral.source() + " " + referral.key() + " arrival " + arrival);
	}
}
