package org.frontline.quarantine;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.frontline.audit.AuditLog;
import org.frontline.quarantine.internal.FacilityAccess;
import org.frontline.quarantine.internal.StayRepository;
import org.frontline.shared.Message;
import org.frontline.shared.Problem;
import org.frontline.shared.Validation;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People of key populations in a facility (elderly, chronic illness, pregnant, disabled) and their daily follow-up calls. */
@Service
public class KeyPopulation {

	private final StayRepository stays;

	private final Stays stayService;

	private final FacilityAccess access;

	private final AuditLog auditLog;

	private final Clock clock;

	KeyPopulation(StayRepository stays, Stays stayService, FacilityAccess access, AuditLog auditLog, Clock clock) {
		this.stays = stays;
		this.stayService = stayService;
		this.access = access;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** People of key populations in a facility, with today's follow-up calls. */
	@Transactional(readOnly = true)
	public List<KeyPersonCall> list(long facilityId) {
		access.visible(access.reader(), facilityId);
		LocalDate today = LocalDate.now(clock);
		Map<Long, List<FollowUp>> calls = stays.followUpsOn(facilityId, today)
			.stream()
			.collect(Collectors.groupingBy(FollowUp::stayId));
		return stays.active(facilityId)
			.stream()
			.filter(s -> !s.keyGroups().isEmpty())
			.map(s -> new KeyPersonCall(s.masked(), calls.getOrDefault(s.id(), List.of())))
			.toList();
	}

	@Transactional
	public FollowUp recordFollowUp(long stayId, String outcome) {
		Viewer viewer = Viewers.requireAny(Stays.STAFF);
		stayService.activeLocked(viewer, stayId);
		Problem.Errors errors = new Problem.Errors();
		String text = Validation.required(outcome, "outcome", Message.of("field.FollowUp.outcome"), 500, errors);
		errors.throwIfAny();
		Instant now = clock.instant();
		long id = stays.insertFollowUp(stayId, LocalDate.ofInstant(now, clock.getZone()), now, text, viewer.username());
		auditLog.record("STAY_FOLLOW_UP", "quarantine_stay", stayId, null);
		return new FollowUp(id, stayId, LocalDate.ofInstant(now, clock.getZone()), now, text, viewer.username());
	}
}
