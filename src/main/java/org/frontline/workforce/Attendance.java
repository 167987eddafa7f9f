package org.frontline.workforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Validation;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.workforce.internal.ShiftRepository;
import org.frontline.workforce.internal.ShiftRepository.ShiftRow;
import org.frontline.workforce.internal.StaffingAlerts;
import org.frontline.workforce.internal.WorkerRepository;
import org.frontline.workforce.internal.WorkforceAccess;
import org.frontline.workforce.internal.WorkforceSettings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Check-in and check-out at a post: by the worker on their phone (the post's QR poster) or by the site leader from
 * the roster. Each is idempotent by the client's event id: a resent event is answered {@code DUPLICATE} and recorded
 * once. A worker checks in from an hour before their part of the shift until it ends; hours come from these times.
 */
@Service
public class Attendance {

	static final Duration FUTURE_SKEW = Duration.ofMinutes(10);

	private static final Role[] STAFF = { Role.ADMIN, Role.COMMANDER, Role.WORKFORCE_COORDINATOR, Role.SITE_LEADER };

	private final ShiftRepository shifts;

	private final WorkerRepository workers;

	private final WorkforceAccess access;

	private final StaffingAlerts alerts;

	private final WorkforceSettings settings;

	private final Validation validation;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Attendance(ShiftRepository shifts, WorkerRepository workers, WorkforceAccess access, StaffingAlerts alerts,
			WorkforceSettings settings, Validation validation, ApplicationEventPublisher events, Clock clock) {
		this.shifts = shifts;
		this.workers = workers;
		this.access = access;
		this.alerts = alerts;
		this.settings = settings;
		this.validation = validation;
		this.events = events;
		this.clock = clock;
	}

	private static final String CHECK_IN = "CHECK_IN";

	private static final String CHECK_OUT = "CHECK_OUT";

	@Transactional
	public AttendanceAnswer checkIn(long shiftId, AttendanceEvent event, String channel) {
		return record(shiftId, event, CHECK_IN, channel);
	}

	@Transactional
	public AttendanceAnswer checkOut(long shiftId, AttendanceEvent event, String channel) {
		return record(shiftId, event, CHECK_OUT, channel);
	}

	/**
	 * The viewer's own assignment at a post that they can check in to or out of now (one starting within the hour or
	 * under way, not checked out), if any.
	 */
	@Transactional(readOnly = true)
	public Optional<Assignment> ownAt(long postId) {
		Viewer viewer = Viewers.require();
		Instant now = clock.instant();
		return workers.byAccount(viewer.username())
			.flatMap(worker -> shifts
				.ofWorker(worker.id(), now.minus(settings.checkInEarly()), now.plus(settings.checkInEarly()))
				.stream()
				.filter(s -> s.post().id() == postId)
				.flatMap(s -> s.assignments().stream().filter(a -> a.workerId() == worker.id()))
				.filter(a -> a.checkedOutAt() == null)
				.findFirst());
	}

	private AttendanceAnswer record(long shiftId, AttendanceEvent event, String kind, String channel) {
		Viewer viewer = Viewers.require();
		ShiftRow shift = shifts.find(shiftId).orElseThrow(() -> Problem.notFound("workforce.shift.not-found", shiftId));
		Optional<Worker> self = workers.byAccount(viewer.username());
		boolean staff = viewer.hasAny(STAFF) && access.sees(viewer, shift.post());
		boolean assignedSelf = self.isPresent() && shifts.assignment(shift.id(), self.get().id()).isPresent();
		if (!staff && !assignedSelf) {
			throw Problem.notFound("workforce.shift.not-found", shiftId);
		}
		validation.check(event);
		if (!staff && !event.workerId().equals(self.get().id())) {
			throw Problem.notFound("workforce.assignment.not-found", event.workerId());
		}
		Assignment assignment = shifts.assignment(shift.id(), event.workerId())
			.orElseThrow(() -> Problem.notFound("workforce.assignment.not-found", event.workerId()));
		Optional<AttendanceAnswer> resent = resent(event.eventId(), kind, assignment);
		if (resent.isPresent()) {
			return resent.get();
		}
		Instant now = clock.instant();
		Instant at = event.at() == null ? now : event.at();
		if (at.isAfter(now.plus(FUTURE_SKEW))) {
			throw Problem.invalid("at", "workforce.attendance.future");
		}
		if (CHECK_IN.equals(kind)) {
			if (at.isBefore(assignment.startsAt().minus(settings.checkInEarly())) || !at.isBefore(assignment.endsAt())) {
				throw Problem.conflict("outside-shift", "workforce.attendance.outside-shift");
			}
		}
		else {
			if (assignment.checkedInAt() == null) {
				throw Problem.conflict("not-checked-in", "workforce.attendance.not-checked-in");
			}
			if (at.isBefore(assignment.checkedInAt())) {
				throw Problem.invalid("at", "workforce.attendance.out-before-in");
			}
		}
		if (!shifts.recordEvent(event.eventId(), kind, assignment.id(), at, channel, viewer.username(), now)) {
			return resent(event.eventId(), kind, assignment)
				.orElseThrow(() -> Problem.conflict("event-id-reused", "workforce.attendance.event-reused"));
		}
		boolean changed = CHECK_IN.equals(kind) ? shifts.checkIn(assignment.id(), at)
				: shifts.checkOut(assignment.id(), at);
		Assignment current = shifts.assignment(assignment.id()).orElseThrow();
		if (changed) {
			Post post = shift.post();
			if (CHECK_IN.equals(kind)) {
				events.publishEvent(new WorkerCheckedIn(assignment.workerId(), assignment.id(), shift.id(), post.id(),
						post.kind(), post.ref(), post.area(), shift.role(), at));
				alerts.checkedIn(assignment.id(), shift.id(), shift.role(), shift.station(), now);
			}
			else {
				events.publishEvent(new WorkerCheckedOut(assignment.workerId(), assignment.id(), shift.id(), post.id(),
						post.kind(), post.ref(), post.area(), shift.role(), at));
				alerts.checkedOut(assignment.id(), now);
			}
		}
		return new AttendanceAnswer(changed ? AttendanceStatus.RECORDED : AttendanceStatus.UNCHANGED, current);
	}

	/** The answer to an event recorded before: the same event again is a duplicate, another use of its id a conflict. */
	private Optional<AttendanceAnswer> resent(UUID eventId, String kind, Assignment assignment) {
		return shifts.event(eventId).map(recorded -> {
			if (!recorded[0].equals(kind) || (long) recorded[1] != assignment.id()) {
				throw Problem.conflict("event-id-reused", "workforce.attendance.event-reused");
			}
			return new AttendanceAnswer(AttendanceStatus.DUPLICATE, shifts.assignment(assignment.id()).orElseThrow());
		});
	}
}
