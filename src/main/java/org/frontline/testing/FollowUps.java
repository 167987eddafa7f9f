package org.frontline.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.frontline.area.Areas;
import org.frontline.audit.AuditLog;
import org.frontline.people.SamplingCodes;
import org.frontline.shared.AlertRaised;
import org.frontline.shared.AlertSeverity;
import org.frontline.shared.AreaCodes;
import org.frontline.shared.Message;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.testing.internal.FollowUpRepository;
import org.frontline.testing.internal.FollowUpRepository.Made;
import org.frontline.testing.internal.ResultRules.Stored;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Positive and invalid pools run down to the person: every member gets a single-tube retest task owned by their
 * community (door to door when bedridden) with a deadline; the commander and the communities are alerted; the
 * members' single-tube results clear them or confirm them positive.
 */
@Service
public class FollowUps {

	static final Role[] READERS = { Role.ADMIN, Role.COMMANDER, Role.COMMUNITY_WORKER };

	private static final String SOURCE = "testing";

	private final FollowUpRepository repository;

	private final SamplingCodes codes;

	private final Areas areas;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration deadline;

	private final SelfReports selfReports;

	FollowUps(FollowUpRepository repository, SamplingCodes codes, Areas areas, AuditLog auditLog,
			ApplicationEventPublisher events, Clock clock, SelfReports selfReports,
			@Value("${frontline.testing.retest-deadline:PT2H}") Duration deadline) {
		this.repository = repository;
		this.codes = codes;
		this.areas = areas;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
		this.deadline = deadline;
		this.selfReports = selfReports;
	}

	/** A pool under follow-up: how many members are still open, cleared or confirmed positive. */
	public record Pool(String tubeCode, long roundId, Outcome outcome, Instant resultedAt, long members, long open,
			long cleared, long confirmed, boolean resolved) {
	}

	/** An alert of the follow-up: POSITIVE_POOL, INVALID_POOL or CONFIRMED_POSITIVE. */
	public record Alert(long id, String kind, long roundId, String tubeCode, Long personId, String maskedName,
			String area, Instant createdAt) {
	}

	/** The follow-up inbox: pools (unresolved positive ones on top until every member is resolved) and alerts. */
	public record Inbox(List<Pool> pools, List<Alert> alerts) {
	}

	/** Reacts to results just stored, in the same transaction. */
	void resulted(List<Stored> stored) {
		Instant now = clock.instant();
		List<Long> singles = stored.stream().filter(s -> s.poolSize() == 1).map(Stored::tubeId).toList();
		for (Stored s : stored) {
			if (s.outcome() != Outcome.NEGATIVE && (s.poolSize() > 1 || s.outcome() == Outcome.INVALID)) {
				flag(s.tubeId(), s.tubeCode(), s.roundId(), s.outcome(), s.poolSize() == 1, now);
			}
		}
		repository.resolve(singles, now);
		stored.stream().filter(s -> s.poolSize() == 1).forEach(s -> selfReports.resolved(s.tubeId(), s.outcome()));
		for (Stored s : stored) {
			if (s.poolSize() == 1 && s.outcome() == Outcome.POSITIVE) {
				for (Made made : repository.confirmedAlerts(s.tubeId(), now)) {
					events.publishEvent(new PositiveConfirmed(s.roundId(), made.personId(), s.tubeCode(), made.community()));
					events.publishEvent(new AlertRaised(SOURCE, "confirmed-" + s.roundId() + "-" + made.personId(),
							AlertSeverity.URGENT, made.community(), "testing.alert.confirmed-positive",
							List.of(s.tubeCode()), "/testing/followups", null, now));
				}
			}
		}
	}

	/** Reacts to a corrected result: a pool corrected to negative no longer needs its open tasks. */
	void corrected(Stored stored) {
		if (stored.outcome() == Outcome.NEGATIVE && stored.poolSize() > 1) {
			repository.cancelOpen(stored.tubeId(), clock.instant());
		}
		else {
			resulted(List.of(stored));
		}
	}

	private void flag(long tubeId, String tubeCode, long roundId, Outcome outcome, boolean single, Instant now) {
		List<Made> made = repository.makeTasks(tubeId, now, now.plus(deadline), single);
		repository.poolAlerts(outcome == Outcome.POSITIVE ? "POSITIVE_POOL" : "INVALID_POOL", tubeId, now);
		if (!made.isEmpty()) {
			events.publishEvent(new PoolFlagged(roundId, tubeCode, outcome, made.stream().map(Made::personId).toList()));
			// One alert per community, whose workers do the retests.
			made.stream().collect(Collectors.groupingBy(Made::community, TreeMap::new, Collectors.counting()))
				.forEach((community, members) -> events.publishEvent(new AlertRaised(SOURCE,
						"pool-" + tubeCode + "-" + community,
						outcome == Outcome.POSITIVE ? AlertSeverity.URGENT : AlertSeverity.WARNING, community,
						outcome == Outcome.POSITIVE ? "testing.alert.positive-pool" : "testing.alert.invalid-pool",
						List.of(tubeCode, String.valueOf(members)), "/testing/followups", now.plus(deadline), now)));
		}
	}

	/** The follow-up of a tube's members (for a viewer already allowed to see the tube). */
	List<RetestTask> ofTube(long tubeId) {
		return named(repository.tasksOfTube(tubeId, clock.instant()));
	}

	/** Retest tasks inside an area of the viewer's scope, open ones first (door to door first among them). */
	@Transactional(readOnly = true)
	public List<RetestTask> tasks(String area, String status) {
		Viewer viewer = Viewers.requireAny(READERS);
		String code = area == null || area.isBlank() ? viewer.scopeArea() : area.strip();
		if (!AreaCodes.wellFormed(code)) {
			throw Problem.invalid("area", "area.malformed");
		}
		areas.visible(viewer, code);
		String wanted = status == null || status.isBlank() ? null : status.strip().toUpperCase();
		if (wanted != null && !List.of("OPEN", "CLEARED", "CONFIRMED_POSITIVE", "CANCELLED").contains(wanted)) {
			throw Problem.invalid("status", "testing.task.status-filter");
		}
		String prefix = AreaCodes.prefix(code);
		return named(repository.tasks(prefix, AreaCodes.upperBound(prefix), wanted, clock.instant(), 1000));
	}

	/** The viewer takes a task in their scope: they hold it from now on. */
	@Transactional
	public RetestTask take(long taskId) {
		Viewer viewer = Viewers.requireAny(READERS);
		RetestTask task = repository.lockTask(taskId, clock.instant())
			.filter(t -> viewer.covers(t.community()))
			.orElseThrow(() -> Problem.notFound("testing.task.not-found", taskId));
		if (!"OPEN".equals(task.status())) {
			throw Problem.conflict("task-resolved", "testing.task.resolved", taskId,
					Message.of("testing.res.task." + task.status()));
		}
		repository.hold(taskId, viewer.username());
		auditLog.record("TASK_TAKE", "task", taskId, null);
		return named(repository.lockTask(taskId, clock.instant()).map(List::of).orElseThrow()).get(0);
	}

	@Transactional(readOnly = true)
	public Inbox inbox() {
		Viewer viewer = Viewers.requireAny(READERS);
		List<Pool> pools = repository.pools(viewer.scopeLow(), viewer.scopeHigh(), 200)
			.stream()
			.map(p -> new Pool(p.tubeCode(), p.roundId(), p.outcome(), p.postedAt(), p.members(), p.open(),
					p.cleared(), p.confirmed(), p.open() == 0))
			.toList();
		List<FollowUpRepository.AlertRow> rows = repository.alerts(viewer.scopeLow(), viewer.scopeHigh(), 200);
		Map<Long, String> names = codes.maskedNames(rows.stream().map(FollowUpRepository.AlertRow::personId)
			.filter(id -> id != null).toList());
		List<Alert> alerts = rows.stream()
			.map(a -> new Alert(a.id(), a.kind(), a.roundId(), a.tubeCode(), a.personId(),
					a.personId() == null ? null : names.get(a.personId()), a.area(), a.createdAt()))
			.toList();
		return new Inbox(pools, alerts);
	}

	private List<RetestTask> named(List<RetestTask> tasks) {
		Map<Long, String> names = codes.maskedNames(tasks.stream().map(RetestTask::personId).toList());
		return tasks.stream()
			.map(t -> new RetestTask(t.id(), t.roundId(), t.personId(), names.get(t.personId()), t.sourceTube(),
					t.community(), t.doorToDoor(), t.dueAt(), t.overdue(), t.holder(), t.status(), t.createdAt(),
					t.resolvedAt(), t.resultTube(), t.singleTubeOutcome()))
			.toList();
	}
}
