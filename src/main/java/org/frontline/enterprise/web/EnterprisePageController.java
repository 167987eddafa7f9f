package org.frontline.enterprise.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.frontline.area.Area;
import org.frontline.area.Areas;
import org.frontline.enterprise.AntigenResult;
import org.frontline.enterprise.DailyReports;
import org.frontline.enterprise.Enterprise;
import org.frontline.enterprise.Enterprises;
import org.frontline.enterprise.ExceptionReport;
import org.frontline.enterprise.GateEntry;
import org.frontline.enterprise.Leaving;
import org.frontline.enterprise.Loop;
import org.frontline.enterprise.LoopDay;
import org.frontline.enterprise.LoopStart;
import org.frontline.enterprise.LoopSummary;
import org.frontline.enterprise.LoopTesting;
import org.frontline.enterprise.Loops;
import org.frontline.enterprise.ReportForm;
import org.frontline.enterprise.Rosters;
import org.frontline.enterprise.RowAnswer;
import org.frontline.enterprise.RowStatus;
import org.frontline.enterprise.NewEnterprise;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.shared.web.Texts;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The command's list of loops, the district's enterprises (registration, import, starting a loop) and a loop's page
 * for its liaison: today's figures, the daily report on a phone, the untested, the roster, the gate and exceptions.
 */
@Controller
class EnterprisePageController {

	private final Enterprises enterprises;

	private final Loops loops;

	private final Rosters rosters;

	private final LoopTesting testing;

	private final DailyReports reports;

	private final Areas areas;

	private final Texts texts;

	private final java.time.Clock clock;

	EnterprisePageController(Enterprises enterprises, Loops loops, Rosters rosters, LoopTesting testing,
			DailyReports reports, Areas areas, Texts texts, java.time.Clock clock) {
		this.clock = clock;
		this.enterprises = enterprises;
		this.loops = loops;
		this.rosters = rosters;
		this.testing = testing;
		this.reports = reports;
		this.areas = areas;
		this.texts = texts;
	}

	@GetMapping("/enterprise")
	String loops(@RequestParam(required = false) String status, @RequestParam(required = false) String area,
			Model model) {
		List<LoopSummary> list = loops.list(status, area);
		// The figures are those of the loops begun by now, as on the command centre; loops beginning later are listed.
		List<LoopSummary> begun = list.stream().filter(LoopSummary::begun).toList();
		model.addAttribute("loops", list);
		model.addAttribute("area", area == null || area.isBlank() ? null : area.strip());
		model.addAttribute("status", status == null ? "ACTIVE" : status);
		model.addAttribute("begun", begun.size());
		model.addAttribute("later", list.size() - begun.size());
		model.addAttribute("headcount", begun.stream().mapToLong(LoopSummary::headcount).sum());
		model.addAttribute("tested", begun.stream().mapToLong(LoopSummary::testedToday).sum());
		model.addAttribute("missing", begun.stream().filter(LoopSummary::reportMissing).count());
		model.addAttribute("exceptions", begun.stream().mapToLong(LoopSummary::exceptionsOpen).sum());
		model.addAttribute("areaNames", areaNames());
		model.addAttribute("deadline", reports.deadline(LocalDate.now(clock)));
		return "enterprise/loops";
	}

	@GetMapping("/enterprise/enterprises")
	String enterprises(Model model) {
		Viewer viewer = Viewers.require();
		model.addAttribute("enterprises", enterprises.list(null));
		model.addAttribute("canRegister", viewer.hasAny(Role.ADMIN, Role.COMMANDER));
		model.addAttribute("areaChoices", areas.inside(viewer.scopeArea()));
		model.addAttribute("areaNames", areaNames());
		return "enterprise/enterprises";
	}

	@PostMapping("/enterprise/enterprises")
	String register(@RequestParam String name, @RequestParam String creditCode,
			@RequestParam(required = false) String address, @RequestParam(required = false) String area,
			@RequestParam(required = false) String industry, @RequestParam(required = false) Integer staffCount,
			RedirectAttributes redirect) {
		attempt(redirect, "enterprise.registered",
				() -> enterprises.register(new NewEnterprise(name, creditCode, address, area, industry, staffCount)));
		return "redirect:/enterprise/enterprises";
	}

	@PostMapping("/enterprise/enterprises/import")
	String importFile(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
		byte[] content = EnterpriseApiController.readLimited(file.getInputStream());
		attempt(redirect, "enterprise.imported", () -> answers(redirect, enterprises.importFile(content)));
		return "redirect:/enterprise/enterprises";
	}

	@PostMapping("/enterprise/enterprises/{id}/loops")
	String start(@PathVariable long id, @RequestParam(required = false) String notice, RedirectAttributes redirect) {
		Loop[] started = new Loop[1];
		attempt(redirect, "enterprise.loop.started", () -> started[0] = loops.start(id, new LoopStart(null, notice)));
		return started[0] == null ? "redirect:/enterprise/enterprises" : "redirect:/enterprise/loops/" + started[0].id();
	}

	@GetMapping("/enterprise/loops/{id}")
	String loop(@PathVariable long id, Model model) {
		Loop loop = loops.get(id);
		LoopDay day = loops.day(id, null);
		model.addAttribute("loop", loop);
		model.addAttribute("begun", loop.begunBy(clock.instant()));
		model.addAttribute("day", day);
		model.addAttribute("enterprise", enterprises.get(loop.enterpriseId()));
		model.addAttribute("dormitories", enterprises.dormitories(loop.enterpriseId()));
		model.addAttribute("deadline", reports.deadline(day.date()));
		model.addAttribute("untested", day.roundId() == null ? null : testing.untested(id, day.date(), 0, 50));
		model.addAttribute("exceptions", testing.exceptions(id));
		model.addAttribute("movements", rosters.movements(id, 10));
		model.addAttribute("groups", rosters.shiftGroups(id));
		model.addAttribute("canEnd", Viewers.require().hasAny(Role.ADMIN, Role.COMMANDER));
		return "enterprise/loop";
	}

	@PostMapping("/enterprise/loops/{id}/reports")
	String report(@PathVariable long id, @RequestParam(required = false) Integer inLoop,
			@RequestParam(required = false) Integer tested, @RequestParam(required = false) Integer positives,
			@RequestParam(required = false) Integer fevers, @RequestParam(required = false) Integer meals,
			@RequestParam(required = false) String problems, RedirectAttributes redirect) {
		attempt(redirect, "enterprise.report.filed",
				() -> reports.file(id, new ReportForm(null, inLoop, tested, positives, fevers, meals, problems)));
		return "redirect:/enterprise/loops/" + id + "#report";
	}

	@PostMapping("/enterprise/loops/{id}/roster")
	String upload(@PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		byte[] content = EnterpriseApiController.readLimited(file.getInputStream());
		attempt(redirect, "enterprise.roster.uploaded", () -> answers(redirect, rosters.upload(id, content)));
		return "redirect:/enterprise/loops/" + id + "#roster";
	}

	@PostMapping("/enterprise/loops/{id}/gate")
	String gate(@PathVariable long id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String idNumber, @RequestParam(required = false) String shiftGroup,
			@RequestParam(required = false) String building, @RequestParam(required = false) String room,
			RedirectAttributes redirect) {
		attempt(redirect, "enterprise.gate.done", () -> answers(redirect,
				List.of(rosters.enter(id, new GateEntry(null, name, null, idNumber, shiftGroup, building, room)))));
		return "redirect:/enterprise/loops/" + id + "#gate";
	}

	@PostMapping("/enterprise/loops/{id}/leave")
	String leave(@PathVariable long id, @RequestParam Long personId, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		attempt(redirect, "enterprise.left", () -> rosters.leave(id, new Leaving(personId, reason, null)));
		return "redirect:/enterprise/loops/" + id + "#untested";
	}

	@PostMapping("/enterprise/loops/{id}/fever")
	String fever(@PathVariable long id, @RequestParam Long personId, @RequestParam(required = false) String detail,
			RedirectAttributes redirect) {
		attempt(redirect, "enterprise.exception.reported",
				() -> testing.report(id, new ExceptionReport(personId, "FEVER", detail)));
		return "redirect:/enterprise/loops/" + id + "#exceptions";
	}

	@PostMapping("/enterprise/loops/{id}/antigen")
	String antigen(@PathVariable long id, @RequestParam Long personId, @RequestParam String outcome,
			@RequestParam(required = false) MultipartFile photo, RedirectAttributes redirect) throws IOException {
		byte[] bytes = photo == null || photo.isEmpty() ? null : photo.getInputStream().readNBytes(3 * 1024 * 1024);
		attempt(redirect, "enterprise.antigen.recorded",
				() -> testing.antigen(id, new AntigenResult(personId, outcome, bytes)));
		return "redirect:/enterprise/loops/" + id + "#untested";
	}

	@PostMapping("/enterprise/loops/{id}/bedding")
	String bedding(@PathVariable long id, RedirectAttributes redirect) {
		attempt(redirect, "enterprise.bedding.requested", () -> loops.requestBedding(id, null, null));
		return "redirect:/enterprise/loops/" + id;
	}

	@PostMapping("/enterprise/loops/{id}/end")
	String end(@PathVariable long id, RedirectAttributes redirect) {
		attempt(redirect, "enterprise.loop.lifted", () -> loops.end(id, null));
		return "redirect:/enterprise/loops/" + id;
	}

	private Map<String, String> areaNames() {
		Map<String, String> names = new HashMap<>();
		for (Area area : areas.inside(Viewers.require().scopeArea())) {
			names.put(area.code(), area.name());
		}
		return names;
	}

	/** Puts a summary of an upload's answers, and its refused rows, on the next page. */
	private Object answers(RedirectAttributes redirect, List<RowAnswer> answers) {
		long accepted = answers.stream().filter(a -> a.status() == RowStatus.ACCEPTED).count();
		long duplicate = answers.stream().filter(a -> a.status() == RowStatus.DUPLICATE).count();
		List<String> refused = answers.stream()
			.filter(a -> a.status() == RowStatus.REJECTED)
			.limit(20)
			.map(a -> texts.text(org.frontline.shared.Message.of("enterprise.upload.row", a.row(),
					a.reason() == null ? "" : texts.text(a.reason()))))
			.toList();
		redirect.addFlashAttribute("counts", new long[] { accepted, duplicate, answers.size() - accepted - duplicate });
		redirect.addFlashAttribute("refused", refused);
		return answers;
	}

	private void attempt(RedirectAttributes redirect, String doneKey, Supplier<?> action) {
		try {
			action.get();
			redirect.addFlashAttribute("done", doneKey);
		}
		catch (Problem problem) {
			redirect.addFlashAttribute("error", texts.text(problem));
		}
	}

	private void attempt(RedirectAttributes redirect, String doneKey, Runnable action) {
		attempt(redirect, doneKey, () -> {
			action.run();
			return null;
		});
	}
}
