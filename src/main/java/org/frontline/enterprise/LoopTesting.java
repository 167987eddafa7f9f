package org.frontline.enterprise;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.frontline.audit.AuditLog;
import org.frontline.enterprise.internal.EnterpriseAccess;
import org.frontline.enterprise.internal.ExceptionRepository;
import org.frontline.enterprise.internal.LoopDays;
import org.frontline.enterprise.internal.MemberRepository;
import org.frontline.shared.AlertRaised;
import org.frontline.shared.AlertSeverity;
import org.frontline.shared.Page;
import org.frontline.shared.QuarantineReferral;
import org.frontline.shared.Problem;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.testing.MissingPerson;
import org.frontline.testing.RosterRounds;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily testing of a loop's staff: who has not been tested on a day (the testing module's not-yet-tested list of the
 * loop's round of that day), antigen self-tests recorded by the liaison, and exceptions — a fever or a positive flags
 * the person's shift group for extra testing, takes them off the roster and refers them to quarantine
 * ({@link QuarantineReferral}: the quarantine module plans their arrival), and alerts the command.
 */
@Service
public class LoopTesting {

	/** The largest antigen photo kept. */
	static final int MAX_PHOTO_BYTES = 2 * 1024 * 1024;

	private final Loops loops;

	private final Rosters rosters;

	private final MemberRepository members;

	private final ExceptionRepository exceptions;

	private final LoopDays days;

	private final RosterRounds rosterRounds;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	LoopTesting(Loops loops, Rosters rosters, MemberRepository members, ExceptionRepository exceptions, LoopDays days,
			RosterRounds rosterRounds, AuditLog auditLog, ApplicationEventPublisher events, Clock clock) {
		this.loops = loops;
		this.rosters = rosters;
		this.members = members;
		this.exceptions = exceptions;
		this.days = days;
		this.rosterRounds = rosterRounds;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Staff not yet tested on a day (today when not given): the not-yet-tested list of the loop's round of that day,
	 * with each person's shift group and room. A day without a round is a 404.
	 */
	@Transactional(readOnly = true)
	public Page<UntestedStaff> untested(long loopId, LocalDate date, int page, int size) {
		Loop loop = loops.visible(Viewers.requireAny(EnterpriseAccess.READERS), loopId);
		LocalDate day = date == null ? days.current(loop) : date;
		long round = days.existingRound(loop.id(), day)
			.orElseThrow(() -> Problem.notFound("enterprise.loop.no-round", day.toString()));
		Page<MissingPerson> missing = rosterRounds.missing(round, page, size <= 0 ? 100 : size);
		Map<Long, MemberRepository.Place> places = members.places(loop.id(),
				missing.items().stream().map(MissingPerson::personId).toList());
		List<UntestedStaff> items = new ArrayList<>(missing.items().size());
		for (MissingPerson p : missing.items()) {
			MemberRepository.Place place = places.get(p.personId());
			items.add(new UntestedStaff(p.personId(), p.name(), p.phone(), place == null ? null : place.shiftGroup(),
					place == null ? null : place.building(), place == null ? null : place.room()));
		}
		return new Page<>(items, missing.total());
	}

	/**
	 * Records a person's antigen self-test of today (once a day; recording again replaces it). A photo is optional,
	 * at most 2 MB, JPEG or PNG. A positive one is an exception.
	 */
	@Transactional
	public void antigen(long loopId, AntigenResult result) {
		Viewer viewer = Viewers.requireAny(EnterpriseAccess.KEEPERS);
		Loop loop = loops.lockedActive(viewer, loopId);
		Problem.Errors errors = new Problem.Errors();
		if (result == null || result.personId() == null) {
			errors.add("personId", "enterprise.person.missing");
		}
		String outcome = result == null || result.outcome() == null ? "" : result.outcome().strip().toUpperCase(Locale.ROOT);
		if (!List.of("NEGATIVE", "POSITIVE", "INVALID").contains(outcome)) {
			errors.add("outcome", "enterprise.antigen.outcome-invalid");
		}
		String photoType = null;
		byte[] photo = result == null || result.photo() == null || result.photo().length == 0 ? null : result.photo();
		if (photo != null) {
			photoType = imageType(photo);
			if (photo.length > MAX_PHOTO_BYTES) {
				errors.add("photo", "enterprise.antigen.photo-too-large", MAX_PHOTO_BYTES / 1024 / 1024);
			}
			else if (photoType == null) {
				errors.add("photo", "enterprise.antigen.photo-type");
			}
		}
		errors.throwIfAny();
		member(loop, result.personId());
		members.antigen(loop.id(), result.personId(), days.current(loop), outcome, photo, photoType, clock.instant(),
				viewer.username());
		auditLog.record("ANTIGEN_RECORD", "person", result.personId(), "loop " + loop.id() + " " + outcome);
		if (outcome.equals("POSITIVE")) {
			exception(viewer.username(), loop, result.personId(), ExceptionKind.POSITIVE, "antigen");
		}
	}

	/** A fever (or a positive) reported by the liaison: see {@link LoopTesting}. */
	@Transactional
	public LoopException report(long loopId, ExceptionReport report) {
		Viewer viewer = Viewers.requireAny(EnterpriseAccess.KEEPERS);
		Loop loop = loops.lockedActive(viewer, loopId);
		Problem.Errors errors = new Problem.Errors();
		if (report == null || report.personId() == null) {
			errors.add("personId", "enterprise.person.missing");
		}
		ExceptionKind kind = null;
		try {
			kind = ExceptionKind.valueOf(report == null || report.kind() == null ? "FEVER"
					: report.kind().strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			errors.add("kind", "enterprise.exception.kind-invalid");
		}
		String detail = report == null || report.detail() == null || report.detail().isBlank() ? null
				: report.detail().strip();
		if (detail != null && (detail.length() > 200 || !EnterpriseAccess.plain(detail))) {
			errors.add("detail", "enterprise.exception.detail-invalid", 200);
		}
		errors.throwIfAny();
		member(loop, report.personId());
		long id = exception(viewer.username(), loop, report.personId(), kind, detail);
		return exceptions.open(loop.id()).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
	}

	/** Exceptions still open in a loop, newest first. */
	@Transactional(readOnly = true)
	public List<LoopException> exceptions(long loopId) {
		Loop loop = loops.visible(Viewers.requireAny(EnterpriseAccess.READERS), loopId);
		return exceptions.open(loop.id());
	}

	/** Closes an exception (the shift group's extra testing is done); the alert it raised is the command's. */
	@Transactional
	public void close(long loopId, long exceptionId) {
		Viewer viewer = Viewers.requireAny(EnterpriseAccess.KEEPERS);
		Loop loop = loops.visible(viewer, loopId);
		if (!exceptions.close(loop.id(), exceptionId, clock.instant())) {
			throw Problem.notFound("enterprise.exception.not-found", exceptionId);
		}
		auditLog.record("LOOP_EXCEPTION_CLOSE", "loop", loop.id(), String.valueOf(exceptionId));
	}

	/** A positive result of someone in an active loop (from the testing module): the same exception as a fever. */
	@Transactional
	public boolean positiveResult(long personId) {
		Long loopId = members.activeLoopOf(List.of(personId)).get(personId);
		if (loopId == null) {
			return false;
		}
		Loop loop = Loops.active(loops.visibleToSystem(loopId));
		exception("testing", loop, personId, ExceptionKind.POSITIVE, "PCR");
		return true;
	}

	private long exception(String by, Loop loop, long personId, ExceptionKind kind, String detail) {
		Member member = members.member(loop.id(), personId)
			.orElseThrow(() -> Problem.notFound("enterprise.roster.not-in-loop", personId));
		java.time.Instant now = clock.instant();
		long id = exceptions.insert(loop.id(), personId, kind, member.shiftGroup(), detail, now, by);
		auditLog.record("LOOP_EXCEPTION", "person", personId, "loop " + loop.id() + " " + kind);
		rosters.leave(by, loop, personId, "QUARANTINE " + kind, now);
		String phone = members.phone(personId);
		events.publishEvent(new QuarantineReferral("enterprise", "exception:" + id, personId, member.name(), phone,
				loop.enterpriseName(), loop.area(), kind.name(), now));
		events.publishEvent(new AlertRaised("enterprise", "exception:" + id, AlertSeverity.URGENT, loop.area(),
				"enterprise.alert.exception." + kind.name().toLowerCase(Locale.ROOT),
				List.of(loop.enterpriseName(), member.name(), member.shiftGroup() == null ? "-" : member.shiftGroup()),
				"/enterprise/loops/" + loop.id(), now, now));
		return id;
	}

	private Member member(Loop loop, long personId) {
		return members.member(loop.id(), personId)
			.orElseThrow(() -> Problem.notFound("enterprise.roster.not-in-loop", personId));
	}

	/** JPEG or PNG by their first bytes, or null. */
	static String imageType(byte[] bytes) {
		if (bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
			return "image/jpeg";
		}
		if (bytes.length > 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
			return "image/png";
		}
		return null;
	}
}
