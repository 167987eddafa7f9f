package org.frontline.quarantine;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.frontline.audit.AuditLog;
import org.frontline.quarantine.internal.FacilityAccess;
import org.frontline.quarantine.internal.MeetingRepository;
import org.frontline.shared.Message;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Validation;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A facility's daily meeting: each group's report and the minutes, kept per day. */
@Service
public class Meetings {

	private final MeetingRepository repository;

	private final FacilityAccess access;

	private final AuditLog auditLog;

	private final Clock clock;

	Meetings(MeetingRepository repository, FacilityAccess access, AuditLog auditLog, Clock clock) {
		this.repository = repository;
		this.access = access;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@Transactional
	public MeetingReport report(long facilityId, LocalDate day, String group, String report) {
		Viewer viewer = Viewers.requireAny(Role.ADMIN, Role.FACILITY_STAFF);
		access.visible(viewer, facilityId);
		LocalDate today = LocalDate.now(clock);
		LocalDate held = day == null ? today : day;
		Problem.Errors errors = new Problem.Errors();
		if (held.isAfter(today) || held.isBefore(today.minusDays(7))) {
			errors.add("day", "quarantine.meeting.day");
		}
		String checkedGroup = Validation.required(group, "group", Message.of("quarantine.meeting.group"), 30, errors);
		String text = Validation.required(report, "report", Message.of("quarantine.meeting.report"), 5000, errors);
		errors.throwIfAny();
		long id = repository.save(facilityId, held, checkedGroup, text, viewer.username(), clock.instant());
		auditLog.record("MEETING_REPORT", "quarantine_facility", facilityId, held + " " + checkedGroup);
		return repository.of(facilityId, held).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<MeetingReport> of(long facilityId, LocalDate day) {
		access.visible(access.reader(), facilityId);
		return repository.of(facilityId, day == null ? LocalDate.now(clock) : day);
	}
}
