package org.frontline.command.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.frontline.area.Area;
import org.frontline.area.AreaLevel;
import org.frontline.area.Areas;
import org.frontline.command.Alert;
import org.frontline.command.AlertAction;
import org.frontline.command.Alerts;
import org.frontline.command.AlertStatus;
import org.frontline.command.DailyReport;
import org.frontline.command.DailyReports;
import org.frontline.command.Overview;
import org.frontline.command.Overviews;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.shared.web.Texts;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

@Controller("commandPageController")
class CommandPageController {

	private final Overviews overviews;

	private final Alerts alerts;

	private final DailyReports reports;

	private final Areas areas;

	private final Clock clock;

	private final ITemplateEngine templates;

	private final Texts texts;

	/**
	 * The live view's parts as rendered, by the overview they show (by identity: an overview is read once per
	 * {@code frontline.command.overview-cache} and area and language, however many screens poll it).
	 */
	private final Cache<Overview, RenderedParts> rendered = Caffeine.newBuilder().weakKeys().maximumSize(1000).build();

	CommandPageController(Overviews overviews, Alerts alerts, DailyReports reports, Areas areas, Clock clock,
			ITemplateEngine templates, Texts texts) {
		this.clock = clock;
		this.overviews = overviews;
		this.alerts = alerts;
		this.reports = reports;
		this.areas = areas;
		this.templates = templates;
		this.texts = texts;
	}

	/** The live view for a wall screen and a phone: every module's part, updating itself, and fourteen days' trend. */
	@GetMapping("/command")
	String live(@RequestParam(required = false) String area, Model model) {
		Overview overview = overviews.overview(area);
		model.addAttribute("overview", overview);
		model.addAttribute("trend", overviews.trend(overview.area(), 14));
		model.addAttribute("areaChoices", choices(Viewers.require()));
		return "command/live";
	}

	/**
	 * What the live view polls every 10 s: its parts alone (not the trend or the area picker), rendered once per
	 * overview read and then only sent; a screen that already shows them (its {@code If-None-Match}) gets 304.
	 * Cached by the browser only to revalidate, as the figures change.
	 */
	@GetMapping("/command/live")
	ResponseEntity<String> liveParts(@RequestParam(required = false) String area, HttpServletRequest request,
			HttpServletResponse response) {
		Overview overview = overviews.overview(area);
		RenderedParts parts = rendered.get(overview, shown -> render(shown, request, response));
		return ResponseEntity.ok()
			.eTag(parts.etag())
			.cacheControl(CacheControl.noCache().cachePrivate())
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.body(parts.html());
	}

	private RenderedParts render(Overview overview, HttpServletRequest request, HttpServletResponse response) {
		WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(request, response), texts.locale(), Map.of("overview", overview));
		String html = templates.process("command/live", Set.of("parts"), context);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(html.getBytes(StandardCharsets.UTF_8));
			return new RenderedParts(html, Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The live view's parts as sent, and their version: the same figures and times give the same version. */
	private record RenderedParts(String html, String etag) {
	}

	@GetMapping("/command/alerts")
	String alerts(@RequestParam(required = false) String status, @RequestParam(required = false) String area,
			Model model) {
		List<Alert> list = alerts.list(status, area);
		model.addAttribute("alerts", list);
		model.addAttribute("status", status == null || status.isBlank() ? null : status.strip().toUpperCase());
		model.addAttribute("statuses", AlertStatus.values());
		model.addAttribute("area", area);
		model.addAttribute("areaChoices", choices(Viewers.require()));
		model.addAttribute("areaNames", names(list));
		return "command/alerts";
	}

	@GetMapping("/command/alerts/{id}")
	String alert(@PathVariable long id, Model model) {
		Alert alert = alerts.get(id);
		model.addAttribute("alert", alert);
		model.addAttribute("history", alerts.history(id));
		model.addAttribute("areaNames", names(List.of(alert)));
		return "command/alert";
	}

	@PostMapping("/command/alerts/{id}/acknowledge")
	String acknowledge(@PathVariable long id, @RequestParam(required = false) String note) {
		alerts.acknowledge(id, new AlertAction(null, note));
		return "redirect:/command/alerts/" + id;
	}

	@PostMapping("/command/alerts/{id}/assign")
	String assign(@PathVariable long id, @RequestParam(required = false) String assignee) {
		alerts.assign(id, new AlertAction(assignee, null));
		return "redirect:/command/alerts/" + id;
	}

	@PostMapping("/command/alerts/{id}/comment")
	String comment(@PathVariable long id, @RequestParam(required = false) String note) {
		alerts.comment(id, new AlertAction(null, note));
		return "redirect:/command/alerts/" + id;
	}

	@PostMapping("/command/alerts/{id}/close")
	String close(@PathVariable long id, @RequestParam(required = false) String note) {
		alerts.close(id, new AlertAction(null, note));
		return "redirect:/command/alerts/" + id;
	}

	@GetMapping("/command/reports")
	String reports(@RequestParam(required = false) String area, Model model) {
		List<DailyReport> list = reports.list(area, null);
		Map<String, String> names = new HashMap<>();
		list.forEach(r -> names.computeIfAbsent(r.area(), code -> areas.find(code).map(Area::name).orElse(code)));
		model.addAttribute("reports", list);
		model.addAttribute("areaNames", names);
		model.addAttribute("areaChoices", choices(Viewers.require()));
		model.addAttribute("yesterday", LocalDate.now(clock).minusDays(1));
		return "command/reports";
	}

	@PostMapping("/command/reports")
	String generate(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String area) {
		reports.generate(date, area);
		return "redirect:/command/reports";
	}

	@GetMapping("/command/reports/{id}.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id) {
		DailyReport report = reports.get(id);
		return CommandApiController.download(reports.pdf(id), MediaType.APPLICATION_PDF,
				CommandApiController.name(report) + ".pdf");
	}

	@GetMapping("/command/reports/{id}.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable long id) {
		DailyReport report = reports.get(id);
		return CommandApiController.download(reports.xlsx(id), CommandApiController.XLSX,
				CommandApiController.name(report) + ".xlsx");
	}

	/** The areas a viewer can pick, down to communities (compounds are too many for a list). */
	private List<Area> choices(Viewer viewer) {
		return areas.inside(viewer.scopeArea()).stream().filter(a -> a.level() != AreaLevel.COMPOUND).toList();
	}

	private Map<String, String> names(List<Alert> list) {
		Map<String, String> names = new HashMap<>();
		for (Alert alert : list) {
			for (String code : List.of(alert.area(), alert.originArea())) {
				names.computeIfAbsent(code, c -> areas.find(c).map(Area::name).orElse(c));
			}
		}
		return names;
	}
}
