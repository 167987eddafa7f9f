package org.frontline.enterprise;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.frontline.area.Area;
import org.frontline.area.Areas;
import org.frontline.audit.AuditLog;
import org.frontline.enterprise.internal.EnterpriseAccess;
import org.frontline.enterprise.internal.ExceptionRepository;
import org.frontline.enterprise.internal.LoopDays;
import org.frontline.enterprise.internal.LoopRepository;
import org.frontline.enterprise.internal.MemberRepository;
import org.frontline.enterprise.internal.ReportRepository;
import org.frontline.shared.AreaCodes;
import org.frontline.shared.Problem;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.shared.Workplace;
import org.frontline.testing.RosterRounds;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closed-loop periods: started from a notice or a command decision, lifted when the loop ends; the command's list of
 * every loop with today's figures (tested today from the testing module, not from the report), a loop's day (meals,
 * bedding, flagged shift groups), and bedding sets asked for and received.
 */
@Service
public class Loops {

	private final LoopRepository repository;

	private final Enterprises enterprises;

	private final MemberRepository members;

	private final ReportRepository reports;

	private final ExceptionRepository exceptions;

	private final LoopDays days;

	private final RosterRounds rosterRounds;

	private final Areas areas;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Loops(LoopRepository repository, Enterprises enterprises, MemberRepository members, ReportRepository reports,
			ExceptionRepository exceptions, LoopDays days, RosterRounds rosterRounds, Areas areas, AuditLog auditLog,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.enterprises = enterprises;
		this.members = members;
		this.reports = reports;
		this.exceptions = exceptions;
		this.days = days;
		this.rosterRounds = rosterRounds;
		this.areas = areas;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	/** Starts a closed loop of an enterprise (now when {@code from} is not given); an enterprise has one at a time. */
	@Transactional
	public Loop start(long enterpriseId, LoopStart start) {
		Viewer viewer = Viewers.requireAny(EnterpriseAccess.DISTRICT);
		Enterprise enterprise = enterprises.visible(viewer, enterpriseId);
		Instant now = clock.instant();
		Instant from = start == null || start.from() == null ? now : start.from();
		String notice = start == null || start.notice() == null || start.notice().isBlank() ? null
				: start.notice().strip();
		Problem.Errors errors = new Problem.Errors();
		if (notice != null && (notice.length() > 100 || !EnterpriseAccess.plain(notice))) {
			errors.add("notice", "enterprise.notice.invalid", 100);
		}
		if (from.isBefore(now.minus(Duration.ofDays(7))) || from.isAfter(now.plus(Duration.ofDays(7)))) {
			errors.add("from", "enterprise.loop.from-invalid", 7);
		}
		errors.throwIfAny();
		long id = repository.insert(enterprise.id(), notice, from, viewer.username(), now)
			.orElseThrow(() -> Problem.conflict("loop-active", "enterprise.loop.active", enterprise.name()));
		Loop loop = repository.find(id).orElseThrow();
		days.round(loop, days.current(loop));
		auditLog.record("LOOP_START", "loop", id, enterprise.name() + (notice == null ? "" : " " + notice));
		events.publishEvent(new LoopStarted(id, enterprise.id(), enterprise.area(), from, notice));
		return loop;
	}

	/** A notice ordered the enterprise into closed loop: its loop starts unless one is running. */
	@Transactional
	void ordered(long enterpriseId, Instant from, String notice) {
		enterprises.find(enterpriseId).ifPresent(enterprise -> repository
			.insert(enterprise.id(), notice, from, "notice", clock.instant())
			.ifPresent(id -> {
				Loop loop = repository.lock(id).orElseThrow();
				days.round(loop, days.current(loop));
				auditLog.record("LOOP_START", "loop", id, enterprise.name() + " " + notice);
				events.publishEvent(new LoopStarted(id, enterprise.id(), enterprise.area(), from, notice));
			}));
	}

	/** A notice let the enterprise out of closed loop: its running loop ends. */
	@Transactional
	void lifted(long enterpriseId, Instant at, String notice) {
		enterprises.find(enterpriseId).map(Enterprise::activeLoopId).ifPresent(loopId -> {
			Loop loop = repository.lock(loopId).orElseThrow();
			Instant when = at.isBefore(loop.startsAt()) ? loop.startsAt() : at;
			if (repository.end(loopId, when, "notice")) {
				auditLog.record("LOOP_END", "loop", loopId, loop.enterpriseName() + " " + notice);
				events.publishEvent(new LoopEnded(loopId, loop.enterpriseId(), loop.area(), when));
			}
		});
	}

	/** Lifts a loop (now when {@code at} is not given): nobody is on its roster any more. */
	@Transactional
	public Loop end(long loopId, Instant at) {
		Viewer viewer = Viewers.requireAny(EnterpriseAccess.DISTRICT);
		Loop loop = visible(viewer, loopId);
		Instant when = at == null ? clock.instant() : at;
		if (when.isBefore(loop.startsAt())) {
			throw Problem.invalid("at", "enterprise.loop.end-before-start");
		}
		if (!repository.end(loopId, when, viewer.username())) {
			throw Problem.conflict("loop-ended", "enterprise.loop.ended", loop.enterpriseName());
		}
		auditLog.record("LOOP_END", "loop", loopId, loop.enterpriseName());
		events.publishEvent(new LoopEnded(loopId, loop.enterpriseId(), loop.area(), when));
		return repository.find(loopId).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Loop get(long loopId) {
		return visible(Viewers.requireAny(EnterpriseAccess.READERS), loopId);
	}

	/**
	 * Loops the viewer sees (a liaison: their enterprise's), ACTIVE ones or ALL, inside {@code area} when given, with
	 * today's figures: headcount, tested today (the testing module's counters of the loop's round), the report's
	 * tested figure, whether the report is missing (after its deadline), exceptions open, meals and bedding.
	 */
	@Transactional(readOnly = true)
	public List<LoopSummary> list(String status, String area) {
		Viewer viewer = Viewers.requireAny(EnterpriseAccess.READERS);
		boolean activeOnly = status == null || status.isBlank() || status.strip().equalsIgnoreCase("ACTIVE");
		if (!activeOnly && !status.strip().equalsIgnoreCase("ALL") && !status.strip().equalsIgnoreCase("ENDED")) {
			throw Problem.invalid("status", "enterprise.loop.status-invalid");
		}
		boolean endedOnly = status != null && status.strip().equalsIgnoreCase("ENDED");
		String code = area == null || area.isBlank() ? viewer.scopeArea() : area.strip();
		if (!AreaCodes.wellFormed(code)) {
			throw Problem.invalid("area", "enterprise.area.malformed");
		}
		Area root = areas.visible(viewer, code);
		String prefix = AreaCodes.prefix(root.code());
		List<Loop> loops = repository.list(prefix, AreaCodes.upperBound(prefix), viewer.place(Workplace.ENTERPRISE), activeOnly);
		if (endedOnly) {
			loops = loops.stream().filter(l -> l.status() == LoopStatus.ENDED).toList();
		}
		return summaries(loops);
	}

	List<LoopSummary> summaries(List<Loop> loops) {
		LocalDate today = days.today();
		List<Long> ids = loops.stream().map(Loop::id).toList();
		Map<Long, Long> headcounts = members.headcounts(ids);
		Map<Long, Long> rounds = repository.dayRounds(ids, today);
		Map<Long, Long> sampled = rosterRounds.sampled(rounds.values());
		Map<Long, DailyReport> filed = reports.of(ids, today);
		Map<Long, DailyReport> filedYesterday = reports.of(ids, today.minusDays(1));
		Map<Long, Long> open = exceptions.openCounts(ids);
		Instant now = clock.instant();
		List<LoopSummary> summaries = new ArrayList<>(loops.size());
		for (Loop loop : loops) {
			long headcount = headcounts.getOrDefault(loop.id(), 0L);
			Long round = rounds.get(loop.id());
			long tested = round == null ? 0 : sampled.getOrDefault(round, 0L);
			DailyReport report = filed.get(loop.id());
			summaries.add(new LoopSummary(loop.id(), loop.enterpriseId(), loop.enterpriseName(), loop.area(),
					loop.notice(), loop.startsAt(), loop.endsAt(), loop.status(), loop.begunBy(now), headcount,
					tested, report == null ? null : report.tested(), report != null,
					days.overdue(loop, today, report != null)
							|| days.overdue(loop, today.minusDays(1), filedYesterday.containsKey(loop.id())),
					open.getOrDefault(loop.id(), 0L), 3 * headcount));
		}
		return summaries;
	}

	/**
	 * The loops inside [low, high) as they stood at the end of a day (now for today), per enterprise area: those begun
	 * by then and not ended (a loop that begins later is not counted), the staff in them by their movements, the
	 * people sampled in the day's rounds, and those whose report of the day or the day before was overdue by then; for
	 * the command centre's daily report and live view (no viewer).
	 */
	@Transactional(readOnly = true)
	public List<LoopsOfDay> onDay(String low, String high, LocalDate day) {
		Instant end = day.plusDays(1).atStartOfDay(days.zone()).toInstant();
		Instant now = clock.instant();
		Instant at = now.isBefore(end) ? now : end;
		List<Loop> running = repository.runningAt(low, high, at);
		List<Long> ids = running.stream().map(Loop::id).toList();
		Map<Long, Long> headcounts = members.headcountsAt(ids, at);
		Map<Long, Long> rounds = repository.dayRounds(ids, day);
		Map<Long, Long> sampled = rosterRounds.sampled(rounds.values());
		Map<Long, DailyReport> filed = reports.of(ids, day);
		Map<Long, DailyReport> filedBefore = reports.of(ids, day.minusDays(1));
		Map<String, long[]> byArea = new java.util.TreeMap<>();
		for (Loop loop : running) {
			Long round = rounds.get(loop.id());
			boolean missing = days.overdue(loop, day, filedBy(filed.get(loop.id()), at), at)
					|| days.overdue(loop, day.minusDays(1), filedBy(filedBefore.get(loop.id()), at), at);
			long[] sums = byArea.computeIfAbsent(loop.area(), a -> new long[4]);
			sums[0]++;
			sums[1] += headcounts.getOrDefault(loop.id(), 0L);
			sums[2] += round == null ? 0 : sampled.getOrDefault(round, 0L);
			sums[3] += missing ? 1 : 0;
		}
		return byArea.entrySet()
			.stream()
			.map(e -> new LoopsOfDay(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
			.toList();
	}

	private static boolean filedBy(DailyReport report, Instant at) {
		return report != null && !report.filedAt().isAfter(at);
	}

	/** A loop's day: its round and how far it got, meals, bedding needed, flagged shift groups, antigen tests, report. */
	@Transactional(readOnly = true)
	public LoopDay day(long loopId, LocalDate date) {
		Loop loop = visible(Viewers.requireAny(EnterpriseAccess.READERS), loopId);
		LocalDate day = date == null ? days.current(loop) : date;
		MemberRepository.Headcount headcount = members.headcount(loopId);
		Long round = days.existingRound(loopId, day).orElse(null);
		long tested = 0;
		long untested = headcount.inLoop();
		if (round != null) {
			RosterRounds.RosterCoverage coverage = rosterRounds.coverage(List.of(round)).get(round);
			if (coverage != null) {
				tested = coverage.sampled();
				untested = coverage.missing();
			}
		}
		long beddingNeeded = Math.max(0, headcount.withoutBedding() - repository.beddingRequested(loopId));
		DailyReport report = reports.find(loopId, day).orElse(null);
		boolean missing = days.overdue(loop, day, report != null);
		return new LoopDay(loopId, day, round, headcount.inLoop(), tested, untested, 3 * headcount.inLoop(),
				beddingNeeded, exceptions.flaggedGroups(loopId), members.antigenCount(loopId, day), report, missing);
	}

	/**
	 * Asks for bedding sets (by default the staff without one not yet asked for), needed within 24 hours unless said;
	 * recorded here and published for the supplies module.
	 */
	@Transactional
	public BeddingNeeded requestBedding(long loopId, Integer sets, Instant neededBy) {
		Viewer viewer = Viewers.requireAny(EnterpriseAccess.KEEPERS);
		Loop loop = active(visible(viewer, loopId));
		MemberRepository.Headcount headcount = members.headcount(loopId);
		int count = sets != null ? sets
				: (int) Math.max(0, headcount.withoutBedding() - repository.beddingRequested(loopId));
		if (count < 1 || count > 100_000) {
			throw Problem.invalid("sets", "enterprise.bedding.sets-invalid");
		}
		Instant now = clock.instant();
		Instant by = neededBy == null ? now.plus(Duration.ofHours(24)) : neededBy;
		long id = repository.insertBeddingRequest(loopId, count, by, now, viewer.username());
		auditLog.record("LOOP_BEDDING", "loop", loopId, "sets=" + count);
		BeddingNeeded needed = new BeddingNeeded(id, loopId, loop.enterpriseId(), loop.area(), count, by, now);
		events.publishEvent(needed);
		return needed;
	}

	/** Bedding sets handed out: that many people without one now have one. */
	@Transactional
	public int beddingReceived(long loopId, int sets) {
		Viewer viewer = Viewers.requireAny(EnterpriseAccess.KEEPERS);
		active(visible(viewer, loopId));
		if (sets < 1 || sets > 100_000) {
			throw Problem.invalid("sets", "enterprise.bedding.sets-invalid");
		}
		int marked = members.beddingReceived(loopId, sets);
		auditLog.record("LOOP_BEDDING", "loop", loopId, "received=" + marked);
		return marked;
	}

	Loop visible(Viewer viewer, long loopId) {
		return repository.find(loopId)
			.filter(l -> EnterpriseAccess.sees(viewer, l.enterpriseId(), l.area()))
			.orElseThrow(() -> Problem.notFound("enterprise.loop.not-found", loopId));
	}

	/**
	 * Makes today's testing round of every active loop that has none (the people in the loop now are its roster).
	 * Idempotent; run by a job soon after midnight.
	 *
	 * @return how many rounds were made
	 */
	@Transactional
	public int openToday() {
		LocalDate today = days.today();
		int made = 0;
		for (long id : repository.withoutRound(today, today.plusDays(1).atStartOfDay(days.zone()).toInstant())) {
			Loop locked = repository.lock(id).orElseThrow();
			if (locked.status() == LoopStatus.ACTIVE && days.existingRound(id, today).isEmpty()) {
				days.round(locked, today);
				made++;
			}
		}
		return made;
	}

	/** A loop for a reaction to another module's event, where nobody is signed in. */
	Loop visibleToSystem(long loopId) {
		return repository.lock(loopId).orElseThrow(() -> Problem.notFound("enterprise.loop.not-found", loopId));
	}

	/** The loop locked for a change of its roster or day, when the viewer sees it and it is active. */
	Loop lockedActive(Viewer viewer, long loopId) {
		Loop loop = visible(viewer, loopId);
		return active(repository.lock(loop.id()).orElseThrow());
	}

	static Loop active(Loop loop) {
		if (loop.status() != LoopStatus.ACTIVE) {
			throw Problem.conflict("loop-ended", "enterprise.loop.ended", loop.enterpriseName());
		}
		return loop;
	}

	static String upper(String value) {
		return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
	}
}
