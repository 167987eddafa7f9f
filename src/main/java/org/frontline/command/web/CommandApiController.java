package org.frontline.command.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.frontline.command.Alert;
import org.frontline.command.AlertAction;
import org.frontline.command.AlertEntry;
import org.frontline.command.Alerts;
import org.frontline.command.DailyReport;
import org.frontline.command.DailyReports;
import org.frontline.command.Overview;
import org.frontline.command.Overviews;
import org.frontline.command.ReportFigures;
import org.frontline.shared.Problem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController("commandApiController")
@RequestMapping("/api/v1")
class CommandApiController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Overviews overviews;

	private final Alerts alerts;

	private final DailyReports reports;

	CommandApiController(Overviews overviews, Alerts alerts, DailyReports reports) {
		this.overviews = overviews;
		this.alerts = alerts;
		this.reports = reports;
	}

	/** Every module's part of the live view of an area (the caller's scope by default), each with its {@code asOf}. */
	@GetMapping("/command/overview")
	Overview overview(@RequestParam(required = false) String area) {
		return overviews.overview(area);
	}

	/** The last days' totals of the area (samples, positives by how found, people in quarantine, alerts). */
	@GetMapping("/command/trend")
	Map<LocalDate, Map<String, Long>> trend(@RequestParam(required = false) String area,
			@RequestParam(defaultValue = "14") int days) {
		if (days < 1 || days > 60) {
			throw Problem.invalid("days", "command.trend.days");
		}
		return overviews.trend(area, days);
	}

	@GetMapping("/alerts")
	List<Alert> alerts(@RequestParam(required = false) String status, @RequestParam(required = false) String area) {
		return alerts.list(status, area);
	}

	@GetMapping("/alerts/{id}")
	AlertWithHistory alert(@PathVariable long id) {
		return new AlertWithHistory(alerts.get(id), alerts.history(id));
	}

	/** An alert and what happened to it. */
	record AlertWithHistory(Alert alert, List<AlertEntry> history) {
	}

	@PostMapping("/alerts/{id}/acknowledge")
	Alert acknowledge(@PathVariable long id, @RequestBody(required = false) AlertAction action) {
		return alerts.acknowledge(id, action);
	}

	@PostMapping("/alerts/{id}/assign")
	Alert assign(@PathVariable long id, @RequestBody(required = false) AlertAction action) {
		return alerts.assign(id, action);
	}

	@PostMapping("/alerts/{id}/comment")
	Alert comment(@PathVariable long id, @RequestBody(required = false) AlertAction action) {
		return alerts.comment(id, action);
	}

	@PostMapping("/alerts/{id}/close")
	Alert close(@PathVariable long id, @RequestBody(required = false) AlertAction action) {
		return alerts.close(id, action);
	}

	@GetMapping("/reports/daily")
	List<DailyReport> reports(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String area) {
		return reports.list(area, date);
	}

	/** Issues the report of a day now (a new version only when its figures changed). */
	@PostMapping("/reports/daily")
	ResponseEntity<DailyReport> generate(@RequestBody ReportRequest request) {
		DailyReport report = reports.generate(request == null ? null : request.date(),
				request == null ? null : request.area());
		return ResponseEntity.created(URI.create("/api/v1/reports/daily/" + report.id())).body(report);
	}

	/** Which day's report to issue, for which area (the caller's scope by default). */
	record ReportRequest(LocalDate date, String area) {
	}

	@GetMapping("/reports/daily/{id}")
	ReportWithFigures report(@PathVariable long id) {
		return new ReportWithFigures(reports.get(id), reports.figures(id));
	}

	/** A report's metadata and its figures. */
	record ReportWithFigures(DailyReport report, ReportFigures figures) {
	}

	@GetMapping("/reports/daily/{id}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id) {
		DailyReport report = reports.get(id);
		return download(reports.pdf(id), MediaType.APPLICATION_PDF, name(report) + ".pdf");
	}

	@GetMapping("/reports/daily/{id}.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable long id) {
		DailyReport report = reports.get(id);
		return download(reports.xlsx(id), XLSX, name(report) + ".xlsx");
	}

	static String name(DailyReport report) {
		return "daily-report-" + report.area() + "-" + report.day() + "-v" + report.version();
	}

	static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(body);
	}
}
