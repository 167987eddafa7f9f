package org.frontline.enterprise;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.frontline.audit.AuditLog;
import org.frontline.enterprise.internal.EnterpriseAccess;
import org.frontline.enterprise.internal.LoopDays;
import org.frontline.enterprise.internal.LoopRepository;
import org.frontline.enterprise.internal.ReportRepository;
import org.frontline.shared.AlertCleared;
import org.frontline.shared.AlertRaised;
import org.frontline.shared.AlertSeverity;
import org.frontline.shared.Problem;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The liaison's daily report of a loop, due by {@code frontline.enterprise.report-deadline} (18:00, district time). A
 * report not filed by then raises an alert to the enterprise's area; still missing
 * {@code frontline.enterprise.report-escalation} later (1 hour), it escalates to the command (the district). Filing it
 * clears the alert.
 */
@Service
public class DailyReports {

	private final Loops loops;

	private final LoopRepository loopRepository;

	private final ReportRepository repository;

	private final LoopDays days;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration escalation;

	DailyReports(Loops loops, LoopRepository loopRepository, ReportRepository repository, LoopDays days,
			AuditLog auditLog, ApplicationEventPublisher events, Clock clock,
			@Value("${frontline.enterprise.report-escalation:PT1H}") Duration escalation) {
		this.loops = loops;
		this.loopRepository = loopRepository;
		this.repository = repository;
		this.days = days;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
		this.escalation = escalation;
	}

	/** Files the report of today (or of an earlier day of the loop); filing again replaces it. */
	@Transactional
	public DailyReport file(long loopId, ReportForm form) {
		Viewer viewer = Viewers.requireAny(EnterpriseAccess.KEEPERS);
		Loop loop = loops.visible(viewer, loopId);
		LocalDate today = days.today();
		LocalDate day = form == null || form.date() == null ? today : form.date();
		Problem.Errors errors = new Problem.Errors();
		if (form == null) {
			throw Problem.invalid("inLoop", "enterprise.report.count-invalid");
		}
		count(errors, "inLoop", form.inLoop());
		count(errors, "tested", form.tested());
		count(errors, "positives", form.positives());
		count(errors, "fevers", form.fevers());
		count(errors, "meals", form.meals());
		if (day.isAfter(today) || day.isBefore(loop.startsAt().atZone(days.zone()).toLocalDate())) {
			errors.add("date", "enterprise.report.date-invalid");
		}
		String problems = form.problems() == null || form.problems().isBlank() ? null : form.problems().strip();
		if (problems != null && (problems.length() > 2000 || !EnterpriseAccess.plainLines(problems))) {
			errors.add("problems", "enterprise.report.problems-invalid", 2000);
		}
		errors.throwIfAny();
		Instant now = clock.instant();
		repository.save(loopId, day, form, problems, now, viewer.username());
		auditLog.record("LOOP_REPORT", "loop", loopId, day.toString());
		if (repository.clearMissing(loopId, day)) {
			events.publishEvent(new AlertCleared("enterprise", missingKey(loopId, day), now));
		}
		return repository.find(loopId, day).orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<DailyReport> reports(long loopId) {
		Loop loop = loops.visible(Viewers.requireAny(EnterpriseAccess.READERS), loopId);
		return repository.recent(loop.id(), 30);
	}

	/** When today's report is due, in the district's time. */
	public Instant deadline(LocalDate day) {
		return days.deadline(day);
	}

	/**
	 * Raises an alert for every active loop whose report of today is not filed after the deadline, and escalates those
	 * still missing after the escalation time. Idempotent: raised and escalated alerts are not raised again.
	 *
	 * @return how many alerts were raised or escalated
	 */
	@Transactional
	public int checkDeadlines() {
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock);
		Instant due = deadline(today);
		if (now.isBefore(due)) {
			return 0;
		}
		List<Loop> active = loopRepository.active().stream().filter(l -> l.startsAt().isBefore(due)).toList();
		Map<Long, DailyReport> filed = repository.of(active.stream().map(Loop::id).toList(), today);
		int changed = 0;
		for (Loop loop : active) {
			if (filed.containsKey(loop.id())) {
				continue;
			}
			String href = "/enterprise/loops/" + loop.id();
			if (repository.markMissing(loop.id(), today, now)) {
				events.publishEvent(new AlertRaised("enterprise", missingKey(loop.id(), today), AlertSeverity.WARNING,
						loop.area(), "enterprise.alert.report-missing", List.of(loop.enterpriseName(), today.toString()),
						href, due.plus(escalation), now));
				changed++;
			}
			if (!now.isBefore(due.plus(escalation)) && repository.escalate(loop.id(), today, now)) {
				events.publishEvent(new AlertRaised("enterprise", missingKey(loop.id(), today), AlertSeverity.URGENT,
						loop.area().substring(0, 6),
						"enterprise.alert.report-escalated", List.of(loop.enterpriseName(), today.toString()), href,
						now, now));
				changed++;
			}
		}
		return changed;
	}

	static String missingKey(long loopId, LocalDate day) {
		return "report:" + loopId + ":" + day;
	}

	private static void count(Problem.Errors errors, String field, Integer value) {
		if (value == null || value < 0 || value > 1_000_000) {
			errors.add(field, "enterprise.report.count-invalid");
		}
	}
}
