package org.frontline.workforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.frontline.audit.AuditLog;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Validation;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.testing.Round;
import org.frontline.testing.Rounds;
import org.frontline.testing.Site;
import org.frontline.testing.Sites;
import org.frontline.workforce.internal.AssignmentCheck;
import org.frontline.workforce.internal.LimitsRepository;
import org.frontline.workforce.internal.PostDirectory;
import org.frontline.workforce.internal.PostRepository;
import org.frontline.workforce.internal.RuleMessages;
import org.frontline.workforce.internal.ShiftRepository;
import org.frontline.workforce.internal.ShiftRepository.NewShiftRow;
import org.frontline.workforce.internal.ShiftRepository.ShiftRow;
import org.frontline.workforce.internal.WorkerRepository;
import org.frontline.workforce.internal.WorkforceAccess;
import org.frontline.workforce.internal.WorkforceSettings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shifts of posts and who works them. A shift keeps the limits version in force when it was planned; assigning a
 * worker checks every rule of a safe shift against it, and a refusal is a 422 problem naming the rule and its
 * figures. A sampling site's shifts for a round can be generated from its stations.
 */
@Service
public class Shifts {

	static final Role[] PLANNERS = { Role.ADMIN, Role.COMMANDER, Role.WORKFORCE_COORDINATOR, Role.SITE_LEADER };

	private final ShiftRepository repository;

	private final PostRepository postRepository;

	private final PostDirectory posts;

	private final WorkerRepository workers;

	private final LimitsRepository limits;

	private final AssignmentCheck check;

	private final WorkforceAccess access;

	private final Sites sites;

	private final Rounds rounds;

	private final WorkforceSettings settings;

	private final Validation validation;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Shifts(ShiftRepository repository, PostRepository postRepository, PostDirectory posts, WorkerRepository workers,
			LimitsRepository limits, AssignmentCheck check, WorkforceAccess access, Sites sites, Rounds rounds,
			WorkforceSettings settings, Validation validation, AuditLog auditLog, ApplicationEventPublisher events,
			Clock clock) {
		this.repository = repository;
		this.postRepository = postRepository;
		this.posts = posts;
		this.workers = workers;
		this.limits = limits;
		this.check = check;
		this.access = access;
		this.sites = sites;
		this.rounds = rounds;
		this.settings = settings;
		this.validation = validation;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	/** A post's shifts of one day (in the district's time zone), as its roster shows them. */
	public record Roster(Post post, LocalDate day, List<Shift> shifts) {
	}

	/** Plans a shift; a site leader plans the shifts of their own site. */
	@Transactional
	public Shift create(NewShift form) {
		Viewer viewer = planner();
		validation.check(form);
		checkTimes(form.startsAt(), form.endsAt(), "endsAt");
		Post post = posts.resolve(form.post(), "post");
		if (!access.sees(viewer, post)) {
			throw Problem.invalid("post.id", "workforce.post.outside-scope", post.name());
		}
		ShiftLimits inForce = limitsInForce();
		boolean suit = form.suit() != null ? form.suit() : form.role().suitByDefault();
		long id = repository.insert(new NewShiftRow(post.id(), form.role(), form.startsAt(), form.endsAt(),
				form.needed() == null ? 1 : form.needed(), suit, null, null, inForce.id()), viewer.username());
		auditLog.record("SHIFT_CREATE", "workforce_shift", id, post.kind() + " " + post.ref() + " " + form.role());
		return repository.shift(id);
	}

	/**
	 * The shifts of a sampling site for every day of a round, from its stations: per station and window one sampler
	 * (in a protective suit) and one registrar, per window one site leader and the order keepers of the settings.
	 * Generating again adds only what is missing (a site given more stations gets their shifts).
	 */
	@Transactional
	public List<Shift> generate(ShiftGeneration form) {
		Viewer viewer = planner();
		validation.check(form);
		Site site = sites.get(form.siteId());
		Round round = rounds.get(form.roundId());
		Post post = posts.resolve(new PostRef(PostKind.SITE, Long.toString(site.id())), "siteId");
		if (!access.sees(viewer, post)) {
			throw Problem.notFound("workforce.post.not-found", post.id());
		}
		ShiftLimits inForce = limitsInForce();
		ZoneId zone = clock.getZone();
		List<NewShiftRow> rows = new ArrayList<>();
		LocalDate last = round.endsAt().minusNanos(1).atZone(zone).toLocalDate();
		for (LocalDate day = round.startsAt().atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
			for (LocalTime[] window : settings.windows()) {
				Instant start = day.atTime(window[0]).atZone(zone).toInstant();
				LocalDate endDay = window[1].isAfter(window[0]) ? day : day.plusDays(1);
				Instant end = endDay.atTime(window[1]).atZone(zone).toInstant();
				if (!end.isAfter(round.startsAt()) || !start.isBefore(round.endsAt())) {
					continue;
				}
				for (int station = 1; station <= site.stations(); station++) {
					rows.add(new NewShiftRow(post.id(), ShiftRole.SAMPLER, start, end, 1, true, station, round.id(),
							inForce.id()));
					rows.add(new NewShiftRow(post.id(), ShiftRole.REGISTRAR, start, end, 1, false, station, round.id(),
							inForce.id()));
				}
				rows.add(new NewShiftRow(post.id(), ShiftRole.SITE_LEADER, start, end, 1, false, null, round.id(),
						inForce.id()));
				if (settings.orderKeepers() > 0) {
					rows.add(new NewShiftRow(post.id(), ShiftRole.ORDER_KEEPER, start, end, settings.orderKeepers(),
							false, null, round.id(), inForce.id()));
				}
			}
		}
		int added = repository.insertGenerated(rows, viewer.username());
		auditLog.record("SHIFT_GENERATE", "workforce_post", post.id(), "round " + round.id() + " added " + added);
		return repository.ofRound(post.id(), round.id());
	}

	/**
	 * Assigns a worker to a shift (or part of it: a rotation). Every rule is checked against the limits the shift
	 * was planned under; a broken one is a 422 problem naming it.
	 */
	@Transactional
	public Shift assign(long shiftId, NewAssignment form) {
		Viewer viewer = access.manager();
		ShiftRow shift = repository.lock(shiftId)
			.filter(s -> access.sees(viewer, s.post()))
			.orElseThrow(() -> Problem.notFound("workforce.shift.not-found", shiftId));
		validation.check(form);
		Worker worker = access.visible(viewer, form.workerId());
		if (!access.manages(viewer, worker)) {
			throw WorkforceAccess.notFound(worker.id());
		}
		Instant start = form.startsAt() == null ? shift.startsAt() : form.startsAt();
		Instant end = form.endsAt() == null ? shift.endsAt() : form.endsAt();
		if (!end.isAfter(start)) {
			throw Problem.invalid("endsAt", "workforce.shift.ends-before-start");
		}
		if (start.isBefore(shift.startsAt()) || end.isAfter(shift.endsAt())) {
			throw Problem.invalid("startsAt", "workforce.assignment.outside-shift");
		}
		workers.lock(worker.id());
		List<Assignment> assigned = repository.assignments(shiftId);
		if (assigned.stream().anyMatch(a -> a.workerId() == worker.id())) {
			throw Problem.conflict("already-assigned", "workforce.assignment.duplicate", worker.name());
		}
		long overlapping = assigned.stream()
			.filter(a -> a.startsAt().isBefore(end) && start.isBefore(a.endsAt()))
			.count();
		if (overlapping >= shift.needed()) {
			throw Problem.conflict("shift-full", "workforce.assignment.full", shift.needed());
		}
		AssignmentCheck.Outcome outcome = check.check(worker, shift, start, end);
		if (!outcome.violations().isEmpty()) {
			throw RuleMessages.refusal(outcome.violations(), outcome.limits(), clock.getZone());
		}
		long id = repository.assign(shiftId, worker.id(), start, end, viewer.username(), clock.instant());
		auditLog.record("ASSIGNMENT_CREATE", "workforce_assignment", id, "shift " + shiftId + " worker " + worker.id());
		return repository.shift(shiftId);
	}

	/**
	 * Plans many shifts with their staff at once (a district's day, the demo's): the checks of {@link #create} and
	 * {@link #assign} (every rule against each worker's other shifts, those of this batch included, as if assigned
	 * one by one in order), and the check-ins given recorded as {@link Attendance} records them (an event each,
	 * published), read and written in a few statements. All or nothing: the first refusal is the problem
	 * {@link #assign} answers. Returns the shifts' ids in order.
	 */
	@Transactional
	public List<Long> load(List<StaffedShift> plans, String channel) {
		Viewer viewer = access.manager();
		Instant now = clock.instant();
		ShiftLimits inForce = limitsInForce();
		Map<PostRef, Post> resolved = new HashMap<>();
		List<NewShiftRow> rows = new ArrayList<>();
		for (StaffedShift plan : plans) {
			validation.check(plan);
			NewShift form = plan.shift();
			checkTimes(form.startsAt(), form.endsAt(), "endsAt");
			Post post = resolved.computeIfAbsent(form.post(), ref -> posts.resolve(ref, "post"));
			if (!access.sees(viewer, post)) {
				throw Problem.invalid("post.id", "workforce.post.outside-scope", post.name());
			}
			boolean suit = form.suit() != null ? form.suit() : form.role().suitByDefault();
			rows.add(new NewShiftRow(post.id(), form.role(), form.startsAt(), form.endsAt(),
					form.needed() == null ? 1 : form.needed(), suit, null, null, inForce.id()));
		}
		List<Long> ids = repository.nextIds("workforce_shift", rows.size());
		repository.insertAll(ids, rows, viewer.username());

		Map<Long, Worker> staff = new HashMap<>();
		workers.lockAll(plans.stream().flatMap(p -> p.staff().stream()).map(StaffedShift.Staff::workerId).distinct()
			.toList()).forEach(w -> staff.put(w.id(), w));
		List<AssignmentCheck.Proposed> batch = new ArrayList<>();
		List<StaffedShift.CheckIn> checkIns = new ArrayList<>();
		for (int i = 0; i < plans.size(); i++) {
			NewShiftRow row = rows.get(i);
			ShiftRow shift = new ShiftRow(ids.get(i), resolved.get(plans.get(i).shift().post()), row.role(),
					row.startsAt(), row.endsAt(), row.needed(), row.suit(), null, null, inForce.id(), inForce.version());
			List<AssignmentCheck.Proposed> onShift = new ArrayList<>();
			for (StaffedShift.Staff member : plans.get(i).staff()) {
				Worker worker = staff.get(member.workerId());
				if (worker == null || !access.manages(viewer, worker)) {
					throw WorkforceAccess.notFound(member.workerId());
				}
				Instant start = member.startsAt() == null ? shift.startsAt() : member.startsAt();
				Instant end = member.endsAt() == null ? shift.endsAt() : member.endsAt();
				if (!end.isAfter(start)) {
					throw Problem.invalid("endsAt", "workforce.shift.ends-before-start");
				}
				if (start.isBefore(shift.startsAt()) || end.isAfter(shift.endsAt())) {
					throw Problem.invalid("startsAt", "workforce.assignment.outside-shift");
				}
				if (onShift.stream().anyMatch(p -> p.worker().id() == worker.id())) {
					throw Problem.conflict("already-assigned", "workforce.assignment.duplicate", worker.name());
				}
				if (onShift.stream().filter(p -> p.start().isBefore(end) && start.isBefore(p.end())).count() >= shift
					.needed()) {
					throw Problem.conflict("shift-full", "workforce.assignment.full", shift.needed());
				}
				StaffedShift.CheckIn in = member.checkIn();
				if (in != null && (in.at().isAfter(now.plus(Attendance.FUTURE_SKEW))
						|| in.at().isBefore(start.minus(settings.checkInEarly())) || !in.at().isBefore(end))) {
					throw Problem.conflict("outside-shift", "workforce.attendance.outside-shift");
				}
				onShift.add(new AssignmentCheck.Proposed(worker, shift, start, end));
				checkIns.add(in);
			}
			batch.addAll(onShift);
		}
		List<AssignmentCheck.Outcome> outcomes = check.checkAll(batch);
		for (AssignmentCheck.Outcome outcome : outcomes) {
			if (!outcome.violations().isEmpty()) {
				throw RuleMessages.refusal(outcome.violations(), outcome.limits(), clock.getZone());
			}
		}
		List<Long> assignmentIds = repository.nextIds("workforce_assignment", batch.size());
		repository.assignAll(assignmentIds, batch.stream()
			.map(p -> new ShiftRepository.NewAssignmentRow(p.shift().id(), p.worker().id(), p.start(), p.end()))
			.toList(), viewer.username(), now);

		List<UUID> eventIds = new ArrayList<>();
		List<Long> checkedIn = new ArrayList<>();
		List<Instant> times = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			if (checkIns.get(i) != null) {
				eventIds.add(checkIns.get(i).eventId());
				checkedIn.add(assignmentIds.get(i));
				times.add(checkIns.get(i).at());
			}
		}
		if (repository.checkInAll(eventIds, checkedIn, times, channel, viewer.username(), now) != eventIds.size()) {
			throw Problem.conflict("event-id-reused", "workforce.attendance.event-reused");
		}
		for (int i = 0; i < batch.size(); i++) {
			StaffedShift.CheckIn in = checkIns.get(i);
			if (in != null) {
				// New assignments have no no-show or station alert yet, so there is none to clear.
				ShiftRow shift = batch.get(i).shift();
				Post post = shift.post();
				events.publishEvent(new WorkerCheckedIn(batch.get(i).worker().id(), assignmentIds.get(i), shift.id(),
						post.id(), post.kind(), post.ref(), post.area(), shift.role(), in.at()));
			}
		}
		auditLog.record("SHIFT_LOAD", "workforce_shift", ids.isEmpty() ? null : ids.get(0),
				ids.size() + " shifts, " + batch.size() + " assignments, " + eventIds.size() + " check-ins");
		return ids;
	}

	/** Takes a worker off a shift they have not checked in to. */
	@Transactional
	public Shift unassign(long shiftId, long workerId) {
		Viewer viewer = access.manager();
		ShiftRow shift = repository.lock(shiftId)
			.filter(s -> access.sees(viewer, s.post()))
			.orElseThrow(() -> Problem.notFound("workforce.shift.not-found", shiftId));
		Worker worker = access.visible(viewer, workerId);
		Assignment assignment = repository.assignment(shift.id(), worker.id())
			.orElseThrow(() -> Problem.notFound("workforce.assignment.not-found", worker.name()));
		if (assignment.checkedInAt() != null || !repository.unassign(shift.id(), worker.id())) {
			throw Problem.conflict("already-checked-in", "workforce.assignment.checked-in", worker.name());
		}
		auditLog.record("ASSIGNMENT_DELETE", "workforce_assignment", assignment.id(), null);
		return repository.shift(shiftId);
	}

	@Transactional(readOnly = true)
	public Shift get(long id) {
		Viewer viewer = Viewers.require();
		ShiftRow row = repository.find(id).orElseThrow(() -> Problem.notFound("workforce.shift.not-found", id));
		Shift shift = repository.shift(id);
		boolean own = workers.byAccount(viewer.username())
			.map(w -> shift.assignments().stream().anyMatch(a -> a.workerId() == w.id()))
			.orElse(false);
		if (!own && !(viewer.hasAny(WorkforceAccess.READERS) && access.sees(viewer, row.post()))) {
			throw Problem.notFound("workforce.shift.not-found", id);
		}
		return shift;
	}

	/**
	 * The staff the round's shifts plan per sampling site, for whoever plans the round: counts of people, no names,
	 * so any signed-in viewer may read them.
	 */
	@Transactional(readOnly = true)
	public List<SiteStaffPlan> staffPlans(long roundId) {
		Viewers.require();
		return repository.staffPlans(roundId);
	}

	/** A post's roster for a day: its shifts starting that day with who is assigned and checked in. */
	@Transactional(readOnly = true)
	public Roster roster(long postId, LocalDate day) {
		Viewer viewer = access.reader();
		Post post = post(viewer, postId);
		ZoneId zone = clock.getZone();
		LocalDate date = day == null ? LocalDate.now(clock) : day;
		return new Roster(post, date, repository.ofPost(post.id(), date.atStartOfDay(zone).toInstant(),
				date.plusDays(1).atStartOfDay(zone).toInstant()));
	}

	/** A post the viewer's work covers. */
	@Transactional(readOnly = true)
	public Post post(long postId) {
		return post(access.reader(), postId);
	}

	/** The posts the viewer's work covers, by area and name. */
	@Transactional(readOnly = true)
	public List<Post> posts() {
		Viewer viewer = access.reader();
		return postRepository.inside(viewer.scopeLow(), viewer.scopeHigh())
			.stream()
			.filter(p -> access.sees(viewer, p))
			.toList();
	}

	/** The post whose QR poster carries this code (for checking in at it). */
	@Transactional(readOnly = true)
	public Post postByCode(String code) {
		Viewers.require();
		return postRepository.byCode(code == null ? "" : code.strip())
			.orElseThrow(() -> Problem.notFound("workforce.post.not-found", code));
	}

	/**
	 * The viewer's own shifts (their account is on a worker record): from a day ago to two weeks ahead, in time
	 * order; nobody else's.
	 */
	@Transactional(readOnly = true)
	public List<Shift> mine() {
		Viewer viewer = Viewers.require();
		Instant now = clock.instant();
		return workers.byAccount(viewer.username())
			.map(w -> repository.ofWorker(w.id(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(14)))
				.stream()
				.map(s -> own(s, w.id()))
				.toList())
			.orElse(List.of());
	}

	/** A shift as its worker sees it: with their own assignment only. */
	private static Shift own(Shift shift, long workerId) {
		return new Shift(shift.id(), shift.post(), shift.role(), shift.startsAt(), shift.endsAt(), shift.needed(),
				shift.suit(), shift.station(), shift.roundId(), shift.limitsVersion(),
				shift.assignments().stream().filter(a -> a.workerId() == workerId).toList());
	}

	private Post post(Viewer viewer, long postId) {
		return postRepository.find(postId)
			.filter(p -> access.sees(viewer, p))
			.orElseThrow(() -> Problem.notFound("workforce.post.not-found", postId));
	}

	private Viewer planner() {
		return Viewers.requireAny(PLANNERS);
	}

	private ShiftLimits limitsInForce() {
		return limits.inForce(clock.instant()).orElseThrow();
	}

	private static void checkTimes(Instant start, Instant end, String field) {
		if (!end.isAfter(start)) {
			throw Problem.invalid(field, "workforce.shift.ends-before-start");
		}
		if (Duration.between(start, end).compareTo(Duration.ofHours(24)) > 0) {
			throw Problem.invalid(field, "workforce.shift.too-long");
		}
	}
}
