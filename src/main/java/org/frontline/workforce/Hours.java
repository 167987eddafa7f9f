package org.frontline.workforce;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.frontline.audit.AuditLog;
import org.frontline.security.AttemptLimit;
import org.frontline.security.Attempts;
import org.frontline.shared.DateTimes;
import org.frontline.shared.Masking;
import org.frontline.shared.Message;
import org.frontline.shared.Problem;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.shared.web.Texts;
import org.frontline.workforce.internal.CertificateRepository;
import org.frontline.workforce.internal.LimitsRepository;
import org.frontline.workforce.internal.ShiftRepository;
import org.frontline.workforce.internal.StaffingQueries;
import org.frontline.workforce.internal.StaffingQueries.Worked;
import org.frontline.workforce.internal.WorkerRepository;
import org.frontline.workforce.internal.WorkforceAccess;
import org.frontline.workforce.internal.WorkforcePdfs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hours worked, from actual check-ins and check-outs (not from the plan), and the volunteer-hours certificate
 * (志愿服务时长证明) with a verification code that a public page checks.
 */
@Service
public class Hours {

	static final int MAX_DAYS = 366;

	private static final char[] CODE = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

	private final StaffingQueries queries;

	private final CertificateRepository certificates;

	private final WorkerRepository workers;

	private final ShiftRepository shifts;

	private final LimitsRepository limits;

	private final WorkforceAccess access;

	private final WorkforcePdfs pdfs;

	private final Attempts attempts;

	private final Texts texts;

	private final AuditLog auditLog;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	Hours(StaffingQueries queries, CertificateRepository certificates, WorkerRepository workers, ShiftRepository shifts,
			LimitsRepository limits, WorkforceAccess access, WorkforcePdfs pdfs, Attempts attempts, Texts texts,
			AuditLog auditLog, Clock clock) {
		this.queries = queries;
		this.certificates = certificates;
		this.workers = workers;
		this.shifts = shifts;
		this.limits = limits;
		this.access = access;
		this.pdfs = pdfs;
		this.attempts = attempts;
		this.texts = texts;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** A certificate as issued: its code and the PDF. */
	public record IssuedCertificate(String code, byte[] pdf) {
	}

	/** The hours a worker in the viewer's reach (or the viewer themselves) worked between two days, both included. */
	@Transactional(readOnly = true)
	public WorkedHours hours(long workerId, LocalDate from, LocalDate to) {
		Worker worker = access.visible(Viewers.require(), workerId);
		return hours(worker, from, to, false);
	}

	/** The signed-in worker's own week (see {@link OwnWeek}), if their account is on a worker record. */
	@Transactional(readOnly = true)
	public Optional<OwnWeek> ownWeek() {
		Optional<Worker> me = workers.byAccount(Viewers.require().username());
		if (me.isEmpty()) {
			return Optional.empty();
		}
		long id = me.get().id();
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock);
		WorkedHours week = hours(me.get(), today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), today, false);
		List<Assignment> own = shifts.ofWorker(id, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(7)))
			.stream()
			.flatMap(s -> s.assignments().stream())
			.filter(a -> a.workerId() == id)
			.toList();
		long next = own.stream().filter(a -> a.startsAt().isAfter(now)).count();
		Optional<Instant> lastEnd = own.stream()
			.filter(a -> !a.startsAt().isAfter(now))
			.map(a -> a.checkedOutAt() != null ? a.checkedOutAt() : a.endsAt())
			.max(Comparator.naturalOrder());
		int rest = limits.inForce(now).orElseThrow().restMinutes();
		long due = lastEnd.map(end -> Math.max(0, Duration.between(now, end.plus(Duration.ofMinutes(rest))).toMinutes()))
			.orElse(0L);
		return Optional.of(new OwnWeek(next, week.minutes(), due));
	}

	private WorkedHours hours(Worker worker, LocalDate from, LocalDate to, boolean completedOnly) {
		LocalDate today = LocalDate.now(clock);
		LocalDate first = from == null ? today.minusDays(6) : from;
		LocalDate last = to == null ? today : to;
		if (last.isBefore(first)) {
			throw Problem.invalid("to", "workforce.hours.to-before-from");
		}
		if (last.toEpochDay() - first.toEpochDay() >= MAX_DAYS) {
			throw Problem.invalid("to", "workforce.hours.too-long", MAX_DAYS);
		}
		ZoneId zone = clock.getZone();
		Instant low = first.atStartOfDay(zone).toInstant();
		Instant high = last.plusDays(1).atStartOfDay(zone).toInstant();
		// Exact durations: a period across midnight is split in two, and whole seconds of each half lost a minute.
		Map<LocalDate, Duration> worked = new TreeMap<>();
		Duration total = Duration.ZERO;
		int shifts = 0;
		for (Worked period : queries.worked(worker.id(), low, high, clock.instant())) {
			if (completedOnly && period.open()) {
				continue;
			}
			shifts++;
			Instant start = period.from().isBefore(low) ? low : period.from();
			Instant end = period.to().isAfter(high) ? high : period.to();
			for (LocalDate day = start.atZone(zone).toLocalDate(); start.isBefore(end); day = day.plusDays(1)) {
				Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
				Instant until = end.isBefore(dayEnd) ? end : dayEnd;
				Duration piece = Duration.between(start, until);
				worked.merge(day, piece, Duration::plus);
				total = total.plus(piece);
				start = until;
			}
		}
		List<WorkedHours.Day> days = new ArrayList<>();
		worked.forEach((day, d) -> days.add(new WorkedHours.Day(day, d.toMinutes())));
		return new WorkedHours(worker.id(), worker.name(), first, last, total.toMinutes(), shifts, days);
	}

	/**
	 * Issues a volunteer-hours certificate for the days {@code [from, to]} (completed periods only) to the volunteer
	 * themselves or a manager of theirs, with a verification code the public page at {@code verifyUrl} checks.
	 */
	@Transactional
	public IssuedCertificate certify(long workerId, LocalDate from, LocalDate to, String verifyUrl) {
		Viewer viewer = Viewers.require();
		Worker worker = access.visible(viewer, workerId);
		if (!WorkforceAccess.isSelf(viewer, worker) && !access.manages(viewer, worker)) {
			throw WorkforceAccess.notFound(workerId);
		}
		if (worker.kind() != WorkerKind.VOLUNTEER) {
			throw Problem.conflict("not-a-volunteer", "workforce.certificate.volunteers-only");
		}
		if (from == null || to == null) {
			throw Problem.invalid(from == null ? "from" : "to", "workforce.certificate.period");
		}
		WorkedHours worked = hours(worker, from, to, true);
		String code = code();
		Instant now = clock.instant();
		certificates.insert(code, worker.id(), worked.from(), worked.to(), worked.minutes(), worked.shifts(),
				viewer.username(), now);
		auditLog.record("CERTIFICATE_ISSUE", "workforce_worker", worker.id(), code);
		ZoneId zone = clock.getZone();
		String hours = decimalHours(worked.minutes());
		byte[] pdf = pdfs.certificate(text("workforce.certificate.title"),
				List.of(text("workforce.certificate.body", worker.name(), Masking.idNumber(worker.idNumber()),
						DateTimes.date(worked.from(), zone), DateTimes.date(worked.to(), zone), hours,
						Integer.toString(worked.shifts()))),
				text("workforce.certificate.issuer"), DateTimes.date(now, zone),
				text("workforce.certificate.code", code), verifyUrl + "?code=" + code,
				text("workforce.certificate.verify", verifyUrl));
		return new IssuedCertificate(code, pdf);
	}

	/** What the public page says of a certificate code: its volunteer (masked), period and hours. Limited per address. */
	@Transactional(noRollbackFor = Problem.class)
	public Optional<Certificate> verify(String client, String code) {
		Instant now = clock.instant();
		List<AttemptLimit> limits = List.of(
				new AttemptLimit("certificate:address:" + client, 10, Duration.ofSeconds(1), Duration.ofMinutes(15),
						Duration.ofHours(1), false),
				new AttemptLimit("certificate:minute:" + now.getEpochSecond() / 60, 1_000, Duration.ofMinutes(1),
						Duration.ofMinutes(1), Duration.ofMinutes(2), false));
		Optional<Duration> wait = attempts.reserve(now, limits);
		if (wait.isPresent()) {
			throw Problem.tooManyRequests("too-many-lookups", "workforce.certificate.too-many",
					(int) Math.max(1, wait.get().toSeconds()), Math.max(1, wait.get().toSeconds()));
		}
		String normalized = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
		Optional<Certificate> found = normalized.matches("[0-9A-Z]{12}") ? certificates.byCode(normalized)
				: Optional.empty();
		if (found.isPresent()) {
			attempts.succeeded(limits);
		}
		return found;
	}

	private String text(String key, Object... args) {
		return texts.text(Message.of(key, args));
	}

	private String code() {
		char[] code = new char[12];
		for (int i = 0; i < code.length; i++) {
			code[i] = CODE[random.nextInt(CODE.length)];
		}
		return new String(code);
	}

	/** Minutes as hours with one decimal ({@code 90} as {@code 1.5}). */
	static String decimalHours(long minutes) {
		return java.math.BigDecimal.valueOf(minutes)
			.divide(java.math.BigDecimal.valueOf(60), 1, java.math.RoundingMode.HALF_UP)
			.toPlainString();
	}
}
