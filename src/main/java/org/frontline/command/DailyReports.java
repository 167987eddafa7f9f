package org.frontline.command;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.frontline.area.Area;
import org.frontline.audit.AuditLog;
import org.frontline.command.ReportFigures.OpenProblem;
import org.frontline.command.ReportFigures.RowArea;
import org.frontline.command.ReportFigures.Section;
import org.frontline.command.internal.AlertRepository;
import org.frontline.command.internal.ReportFormat;
import org.frontline.command.internal.ReportPdfWriter;
import org.frontline.command.internal.ReportRepository;
import org.frontline.command.internal.ReportXlsxWriter;
import org.frontline.shared.AreaCodes;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.ObjectMapper;

/**
 * The daily report (日报) of an area for the day [00:00, 24:00) in the district's time zone: every part's figures per
 * area one level below, with the day before, the alerts open at the cut-off and the trend of fourteen days, issued as
 * PDF and XLSX. An issued report never changes: issuing the day again with other figures makes the next version,
 * which says what changed; with the same figures it gives back the issued one.
 */
@Service("commandDailyReports")
public class DailyReports {

	static final Role[] READERS = { Role.ADMIN, Role.COMMANDER };

	static final int TREND_DAYS = 14;

	private final Overviews overviews;

	private final ReportRepository repository;

	private final AlertRepository alerts;

	private final ReportPdfWriter pdfWriter;

	private final ReportXlsxWriter xlsxWriter;

	private final MessageSource messages;

	private final ObjectMapper json;

	private final AuditLog auditLog;

	private final Clock clock;

	DailyReports(Overviews overviews, ReportRepository repository, AlertRepository alerts, ReportPdfWriter pdfWriter,
			ReportXlsxWriter xlsxWriter, MessageSource messages, ObjectMapper json, AuditLog auditLog, Clock clock) {
		this.overviews = overviews;
		this.repository = repository;
		this.alerts = alerts;
		this.pdfWriter = pdfWriter;
		this.xlsxWriter = xlsxWriter;
		this.messages = messages;
		this.json = json;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** Reports inside an area of the viewer's scope (their scope when none is given), of one day when given. */
	@Transactional(readOnly = true)
	public List<DailyReport> list(String area, LocalDate day) {
		Area root = overviews.area(Viewers.requireAny(READERS), area);
		String low = AreaCodes.prefix(root.code());
		return repository.list(low, AreaCodes.upperBound(low), day, 200);
	}

	@Transactional(readOnly = true)
	public DailyReport get(long id) {
		Viewer viewer = Viewers.requireAny(READERS);
		return repository.find(id)
			.filter(r -> viewer.covers(r.area()))
			.orElseThrow(() -> Problem.notFound("command.report.not-found", id));
	}

	@Transactional(readOnly = true)
	public ReportFigures figures(long id) {
		get(id);
		return json.readValue(repository.figures(id), ReportFigures.class);
	}

	@Transactional(readOnly = true)
	public byte[] pdf(long id) {
		get(id);
		return repository.pdf(id);
	}

	@Transactional(readOnly = true)
	public byte[] xlsx(long id) {
		get(id);
		return repository.xlsx(id);
	}

	/** Issues the report of a past day (or today so far) for an area of the viewer's scope. */
	@Transactional
	public DailyReport generate(LocalDate day, String area) {
		Viewer viewer = Viewers.requireAny(READERS);
		if (day == null) {
			throw Problem.invalid("date", "command.report.date.required");
		}
		if (day.isAfter(LocalDate.now(clock))) {
			throw Problem.invalid("date", "command.report.date.future");
		}
		Area root = overviews.area(viewer, area);
		DailyReport report = issue(day, root, viewer.username());
		auditLog.record("REPORT_GENERATE", "command_report", report.id(), day + " " + root.code());
		return report;
	}

	/** Whether a report of the day and area has been issued. */
	@Transactional(readOnly = true)
	public boolean issued(LocalDate day, String area) {
		return repository.latest(day, area).isPresent();
	}

	/**
	 * Issues the report of a day for an area unless its latest version says the same; returns the version that
	 * stands.
	 */
	@Transactional
	public DailyReport issue(LocalDate day, Area root, String by) {
		repository.lock(day, root.code());
		ReportFigures figures = compute(day, root);
		var latest = repository.latest(day, root.code());
		String changes = null;
		if (latest.isPresent()) {
			ReportFigures before = json.readValue(latest.get().figures(), ReportFigures.class);
			changes = changes(before, figures);
			if (changes.isEmpty()) {
				return repository.find(latest.get().id()).orElseThrow();
			}
		}
		int version = latest.map(l -> l.version() + 1).orElse(1);
		Instant now = clock.instant();
		byte[] pdf = pdfWriter.write(figures, version, now, changes);
		byte[] xlsx = xlsxWriter.write(figures, version, now, changes);
		long id = repository.insert(day, root.code(), version, now, by, changes, json.writeValueAsString(figures), pdf,
				xlsx);
		return repository.find(id).orElseThrow();
	}

	/** The figures of a day's report, read from every part as they stand now. */
	public ReportFigures compute(LocalDate day, Area root) {
		ZoneId zone = clock.getZone();
		Instant from = day.atStartOfDay(zone).toInstant();
		Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
		Instant dayBefore = day.minusDays(1).atStartOfDay(zone).toInstant();
		List<Area> rows = overviews.rows(root);
		// The district's line is counted for the district itself: something placed at its own level is in no row.
		List<Area> lines = new ArrayList<>(rows);
		if (!rows.contains(root)) {
			lines.add(root);
		}
		List<DaySection> today = overviews.day(root, lines, from, to);
		List<DaySection> before = overviews.day(root, lines, dayBefore, from);
		List<Section> sections = new ArrayList<>();
		for (int i = 0; i < today.size(); i++) {
			DaySection s = today.get(i);
			sections.add(new Section(s.id(), s.titleKey(), s.columnKeys(), s.byArea(), before.get(i).byArea(),
					s.decimals()));
		}
		Map<String, String> names = new LinkedHashMap<>();
		rows.forEach(r -> names.put(r.code(), r.name()));
		String low = AreaCodes.prefix(root.code());
		List<OpenProblem> problems = alerts.openAt(low, AreaCodes.upperBound(low), to)
			.stream()
			.map(a -> new OpenProblem(a.severity().name(), a.titleKey(), a.args(), a.originArea(),
					overviews.find(a.originArea()).map(Area::name).orElse(a.originArea()), a.raisedAt(),
					a.status().name()))
			.toList();
		Map<LocalDate, Map<String, Long>> trend = new LinkedHashMap<>();
		for (int i = TREND_DAYS - 1; i >= 0; i--) {
			LocalDate d = day.minusDays(i);
			Map<String, Long> totals = new LinkedHashMap<>();
			for (DaySection s : i == 0 ? today : overviews.trendDay(root, d.atStartOfDay(zone).toInstant(),
					d.plusDays(1).atStartOfDay(zone).toInstant())) {
				List<Long> values = s.byArea().get(root.code());
				for (int c = 0; values != null && c < values.size(); c++) {
					if (values.get(c) != null) {
						totals.put(s.id() + "." + c, values.get(c));
					}
				}
			}
			trend.put(d, totals);
		}
		return new ReportFigures(day, root.code(), root.name(),
				rows.stream().map(r -> new RowArea(r.code(), r.name())).toList(), sections, problems,
				overviews.notices(from, to), trend, overviews.lists(root, from, to));
	}

	/** What differs between two versions' figures, one line per changed count, in Chinese like the report. */
	String changes(ReportFigures before, ReportFigures after) {
		Locale zh = Locale.SIMPLIFIED_CHINESE;
		List<String> lines = new ArrayList<>();
		Map<String, String> names = new LinkedHashMap<>();
		after.rows().forEach(r -> names.put(r.code(), r.name()));
		for (Section section : after.sections()) {
			Section old = before.sections().stream().filter(s -> s.id().equals(section.id())).findFirst().orElse(null);
			for (Map.Entry<String, List<Long>> row : section.day().entrySet()) {
				List<Long> was = old == null ? null : old.day().get(row.getKey());
				for (int c = 0; c < row.getValue().size(); c++) {
					Long previous = was == null || was.size() <= c ? null : was.get(c);
					if (!Objects.equals(previous, row.getValue().get(c))) {
						lines.add(messages.getMessage(section.titleKey(), null, zh) + " · "
								+ messages.getMessage(section.columnKeys().get(c), null, zh) + " · "
								+ names.getOrDefault(row.getKey(), row.getKey()) + "："
								+ ReportFormat.figure(previous, section.decimalsOf(c)) + " → "
								+ ReportFormat.figure(row.getValue().get(c), section.decimalsOf(c)));
					}
				}
			}
		}
		if (!before.notices().equals(after.notices())) {
			lines.add(messages.getMessage("command.report.notices", null, zh) + "：" + before.notices().size() + " → "
					+ after.notices().size());
		}
		if (!before.lists().equals(after.lists())) {
			for (DayList list : after.lists()) {
				if (!before.lists().contains(list)) {
					lines.add(messages.getMessage(list.titleKey(), null, zh));
				}
			}
		}
		if (!before.problems().equals(after.problems())) {
			lines.add(messages.getMessage("command.report.problems", null, zh) + "：" + before.problems().size()
					+ " → " + after.problems().size());
		}
		return String.join("\n", lines);
	}
}
