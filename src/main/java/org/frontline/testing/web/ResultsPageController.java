package org.frontline.testing.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.frontline.area.Area;
import org.frontline.area.Areas;
import org.frontline.shared.Message;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Viewers;
import org.frontline.shared.ZoneMark;
import org.frontline.shared.ZoneMarks;
import org.frontline.shared.web.Texts;
import org.frontline.testing.Coverage;
import org.frontline.testing.CoverageFigures;
import org.frontline.testing.FileCheck;
import org.frontline.testing.FollowUps;
import org.frontline.testing.Outcome;
import org.frontline.testing.PersonResult;
import org.frontline.testing.ResultAnswer;
import org.frontline.testing.ResultCorrection;
import org.frontline.testing.ResultItem;
import org.frontline.testing.Results;
import org.frontline.testing.Round;
import org.frontline.testing.Rounds;
import org.frontline.testing.RetestTask;
import org.frontline.testing.SelfReportForm;
import org.frontline.testing.SelfReportKind;
import org.frontline.testing.SelfReports;
import org.frontline.testing.TubeReport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** Pages of lab results, positive-pool follow-up and round coverage. */
@Controller
class ResultsPageController {

	private final Results results;

	private final FollowUps followUps;

	private final Coverage coverage;

	private final Rounds rounds;

	private final Areas areas;

	private final ObjectProvider<ZoneMarks> zones;

	private final SelfReports selfReports;

	private final Texts texts;

	ResultsPageController(Results results, FollowUps followUps, Coverage coverage, Rounds rounds, Areas areas,
			ObjectProvider<ZoneMarks> zones, SelfReports selfReports, Texts texts) {
		this.selfReports = selfReports;
		this.texts = texts;
		this.zones = zones;
		this.areas = areas;
		this.results = results;
		this.followUps = followUps;
		this.coverage = coverage;
		this.rounds = rounds;
	}

	/** The lab's page: upload a CSV/XLSX file of results, or post one tube's result. */
	@GetMapping("/testing/results")
	String results() {
		Viewers.requireAny(Role.ADMIN, Role.LAB);
		return "testing/results";
	}

	@ModelAttribute("outcomes")
	Outcome[] outcomes() {
		return Outcome.values();
	}

	@PostMapping("/testing/results/upload")
	String upload(@RequestParam("file") MultipartFile file, Model model) throws IOException {
		try {
			model.addAttribute("check", results.upload(file.getOriginalFilename(), file.getBytes()));
		}
		catch (Problem problem) {
			model.addAttribute("problem", texts.text(problem));
		}
		return "testing/results";
	}

	@PostMapping("/testing/results/uploads/{id}/import")
	String importValid(@PathVariable long id, Model model) {
		try {
			FileCheck check = results.importValidRows(id);
			model.addAttribute("check", check);
		}
		catch (Problem problem) {
			model.addAttribute("problem", texts.text(problem));
		}
		return "testing/results";
	}

	@PostMapping("/testing/results/tube")
	String tube(@RequestParam(defaultValue = "") String tubeCode, @RequestParam(defaultValue = "") String outcome,
			@RequestParam(required = false) String ctOrf1ab, @RequestParam(required = false) String ctN,
			@RequestParam(defaultValue = "") String testedAt, Model model) {
		try {
			ResultAnswer answer = results.record(new ResultItem(tubeCode, outcome, number(ctOrf1ab), number(ctN), testedAt));
			model.addAttribute("answer", answer);
		}
		catch (NumberFormatException ex) {
			model.addAttribute("problem", texts.text(Message.of("testing.result.ct-not-number")));
		}
		catch (Problem problem) {
			model.addAttribute("problem", texts.text(problem));
		}
		return "testing/results";
	}

	private static java.math.BigDecimal number(String value) {
		return value == null || value.isBlank() ? null : new java.math.BigDecimal(value.strip());
	}

	/** A pool and its whole chain: members, result, tasks, who holds them, the single-tube results. */
	@GetMapping("/testing/tubes/{code}")
	String pool(@PathVariable String code, Model model) {
		pool(results.tube(code), model);
		return "testing/pool";
	}

	private void pool(TubeReport report, Model model) {
		Map<Long, RetestTask> tasks = new HashMap<>();
		report.followUp().forEach(t -> tasks.put(t.personId(), t));
		model.addAttribute("report", report);
		model.addAttribute("tasks", tasks);
		model.addAttribute("areaNames", areaNames(areas));
		model.addAttribute("canCorrect", Viewers.require().hasAny(Role.ADMIN, Role.LAB));
	}

	@PostMapping("/testing/tubes/{code}/correct")
	String correct(@PathVariable String code, @RequestParam(defaultValue = "") String outcome,
			@RequestParam(defaultValue = "") String reason, Model model) {
		try {
			results.correct(code, new ResultCorrection(outcome, null, null, reason));
			return "redirect:/testing/tubes/" + UriUtils.encodePathSegment(code, "UTF-8");
		}
		catch (Problem problem) {
			model.addAttribute("problem", texts.text(problem));
			pool(results.tube(code), model);
			return "testing/pool";
		}
	}

	@PostMapping("/testing/tasks/{id}/take")
	String take(@PathVariable long id, @RequestParam(defaultValue = "") String tube) {
		followUps.take(id);
		return tube.matches("[A-Za-z0-9-]{1,40}") ? "redirect:/testing/tubes/" + tube : "redirect:/testing/followups";
	}

	/** The follow-up inbox: positive pools on top until every member is resolved, then alerts and open tasks. */
	@GetMapping("/testing/followups")
	String followUps(Model model) {
		model.addAttribute("inbox", followUps.inbox());
		model.addAttribute("tasks", followUps.tasks(null, "OPEN"));
		model.addAttribute("selfReports", selfReports.list(null));
		model.addAttribute("selfReportKinds", SelfReportKind.values());
		// A form sent twice (a double tap, a resend after a lost answer) is the same report.
		model.addAttribute("clientId", UUID.randomUUID());
		model.addAttribute("areaNames", areaNames(areas));
		return "testing/followups";
	}

	/** A community worker records a resident who came forward; the inbox shows it until their single tube resolves it. */
	@PostMapping("/testing/self-reports")
	String selfReport(@RequestParam(required = false) UUID clientId, @RequestParam(defaultValue = "") String idNumber,
			@RequestParam(required = false) SelfReportKind kind, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		try {
			selfReports.report(new SelfReportForm(clientId, idNumber, kind, note));
			redirect.addFlashAttribute("done", "testing.self-report.recorded");
		}
		catch (Problem problem) {
			redirect.addFlashAttribute("error", texts.text(problem));
			redirect.addFlashAttribute("idNumber", idNumber);
		}
		return "redirect:/testing/followups";
	}

	@GetMapping("/testing/rounds")
	String rounds(Model model) {
		model.addAttribute("rounds", rounds.list());
		return "testing/rounds";
	}

	/** The commander's round page: coverage by subdistrict and community (table and chart), pool advice, turnaround. */
	@GetMapping("/testing/rounds/{id}")
	String round(@PathVariable long id, @RequestParam(required = false) String area,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "asc") String dir,
			@RequestParam(defaultValue = "60") int refresh, Model model) {
		Round round = rounds.get(id);
		CoverageFigures figures = coverage.coverage(id, area);
		CoverageColumn column = CoverageColumn.of(sort);
		boolean descending = "desc".equals(dir);
		model.addAttribute("refresh", Math.max(2, Math.min(refresh, 600)));
		model.addAttribute("round", round);
		model.addAttribute("area", area);
		model.addAttribute("coverage", figures);
		model.addAttribute("rows", CoverageColumn.rows(figures, column, descending));
		model.addAttribute("zones", zoneMarks(codes(figures, new ArrayList<>())));
		model.addAttribute("columns", CoverageColumn.values());
		model.addAttribute("sort", column == null ? null : column.key());
		model.addAttribute("dir", descending ? "desc" : "asc");
		var viewer = Viewers.require();
		if (viewer.hasAny(Role.ADMIN, Role.COMMANDER)) {
			model.addAttribute("advice", coverage.poolAdvice(id, area, null));
			model.addAttribute("turnaround", results.turnaround(id));
		}
		return "testing/round";
	}

	@GetMapping("/testing/rounds/{id}/missing")
	String missing(@PathVariable long id, @RequestParam(required = false) String area,
			@RequestParam(defaultValue = "0") int page, Model model) {
		String shown = area == null || area.isBlank() ? Viewers.require().scopeArea() : area.strip();
		List<Area> inScope = areas.inside(Viewers.require().scopeArea());
		model.addAttribute("round", rounds.get(id));
		model.addAttribute("area", shown);
		model.addAttribute("missing", coverage.missing(id, area, page, 100));
		model.addAttribute("areaChoices", inScope);
		model.addAttribute("areaNames", areaNames(inScope));
		model.addAttribute("areaName", areas.find(shown).map(Area::name).orElse(shown));
		List<String> shownAreas = new ArrayList<>(List.of(shown));
		inScope.stream().map(Area::code).forEach(shownAreas::add);
		model.addAttribute("zones", zoneMarks(shownAreas));
		model.addAttribute("page", Math.max(0, page));
		return "testing/missing";
	}

	/** A person's sampling and result history. */
	@GetMapping("/testing/people/{id}")
	String person(@PathVariable long id, Model model) {
		List<PersonResult> history = results.ofPerson(id);
		model.addAttribute("personId", id);
		model.addAttribute("history", history);
		return "testing/person";
	}

	/** The public page where residents look up their own latest result. */
	@GetMapping("/public/result")
	String publicForm() {
		return "testing/public-result";
	}

	@PostMapping("/public/result")
	String publicResult(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String idNumber,
			@RequestParam(defaultValue = "") String phone, HttpServletRequest request, Model model) {
		try {
			Results.OwnResult own = results.ownResult(request.getRemoteAddr(), name, idNumber, phone);
			if (!own.matched()) {
				model.addAttribute("mismatch", true);
				model.addAttribute("form", new PublicForm(name, idNumber, phone));
			}
			else if (own.latest() == null) {
				model.addAttribute("noResultYet", true);
				model.addAttribute("form", new PublicForm(name, idNumber, phone));
			}
			else {
				model.addAttribute("latest", own.latest());
			}
		}
		catch (Problem problem) {
			model.addAttribute("limited", true);
		}
		return "testing/public-result";
	}

	/** What the resident typed, shown again so that one wrong field is corrected, not all three typed again. */
	record PublicForm(String name, String idNumber, String phone) {
	}

	private Map<String, String> areaNames(Areas areas) {
		return areaNames(areas.inside(Viewers.require().scopeArea()));
	}

	private static Map<String, String> areaNames(List<Area> inScope) {
		Map<String, String> names = new HashMap<>();
		inScope.forEach(a -> names.put(a.code(), a.name()));
		return names;
	}

	/** The control zone of each area, when a zones module contributes them; none otherwise. */
	private Map<String, ZoneMark> zoneMarks(List<String> codes) {
		ZoneMarks marks = zones.getIfAvailable();
		return marks == null ? Map.of() : marks.ofAreas(codes);
	}

	private static List<String> codes(CoverageFigures figures, List<String> into) {
		into.add(figures.area());
		figures.children().forEach(child -> codes(child, into));
		return into;
	}
}
