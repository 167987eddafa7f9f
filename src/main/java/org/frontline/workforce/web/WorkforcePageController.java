package org.frontline.workforce.web;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.frontline.area.Areas;
import org.frontline.shared.Problem;
import org.frontline.shared.Viewers;
import org.frontline.shared.Workplace;
import org.frontline.shared.web.Texts;
import org.frontline.workforce.Assignment;
import org.frontline.workforce.AttendanceEvent;
import org.frontline.workforce.Attendance;
import org.frontline.workforce.Deployments;
import org.frontline.workforce.Hours;
import org.frontline.workforce.NewAssignment;
import org.frontline.workforce.NewShift;
import org.frontline.workforce.Post;
import org.frontline.workforce.PostRef;
import org.frontline.workforce.Shift;
import org.frontline.workforce.ShiftRole;
import org.frontline.workforce.Shifts;
import org.frontline.workforce.Staffing;
import org.frontline.workforce.Units;
import org.frontline.workforce.Worker;
import org.frontline.workforce.WorkerKind;
import org.frontline.workforce.WorkerQuery;
import org.frontline.workforce.WorkerStatus;
import org.frontline.workforce.Workers;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workforce pages: who is on duty where, a post's roster for a day (printable, XLSX, its QR poster), the workers
 * list with import and volunteer approvals, a worker's record, the units, and the worker's own phone page.
 */
@Controller
class WorkforcePageController {

	private final Workers workers;

	private final Units units;

	private final Deployments deployments;

	private final Shifts shifts;

	private final Attendance attendance;

	private final Staffing staffing;

	private final Hours hours;

	private final Areas areas;

	private final WorkforceDocuments documents;

	private final Texts texts;

	private final java.time.Clock clock;

	WorkforcePageController(Workers workers, Units units, Deployments deployments, Shifts shifts, Attendance attendance,
			Staffing staffing, Hours hours, Areas areas, WorkforceDocuments documents, Texts texts,
			java.time.Clock clock) {
		this.documents = documents;
		this.workers = workers;
		this.units = units;
		this.deployments = deployments;
		this.shifts = shifts;
		this.attendance = attendance;
		this.staffing = staffing;
		this.hours = hours;
		this.areas = areas;
		this.texts = texts;
		this.clock = clock;
	}

	/** On duty now inside an area: counts by role and gaps per subdistrict, community and post; updates itself. */
	@GetMapping("/workforce")
	String onDuty(@RequestParam(required = false) String area, Model model) {
		model.addAttribute("duty", staffing.onDuty(area));
		model.addAttribute("areaChoices", areas.inside(Viewers.require().scopeArea()));
		model.addAttribute("posts", shifts.posts());
		return "workforce/on-duty";
	}

	/** A post's roster for a day: its shifts, who is assigned and checked in; assigning and checking in from it. */
	@GetMapping("/workforce/posts/{id}")
	String roster(@PathVariable long id, @RequestParam(required = false) LocalDate day, Model model) {
		Shifts.Roster roster = shifts.roster(id, day);
		model.addAttribute("roster", roster);
		model.addAttribute("deployed", deployments.atPost(roster.post(), roster.day()));
		model.addAttribute("roles", ShiftRole.values());
		model.addAttribute("eventId", UUID.randomUUID());
		model.addAttribute("now", clock.instant());
		return "workforce/roster";
	}

	@GetMapping("/workforce/posts/{id}/roster.xlsx")
	ResponseEntity<byte[]> rosterXlsx(@PathVariable long id, @RequestParam(required = false) LocalDate day) {
		return documents.roster(id, day);
	}

	@GetMapping("/workforce/posts/{id}/poster.pdf")
	ResponseEntity<byte[]> poster(@PathVariable long id) {
		return documents.poster(id);
	}

	@PostMapping("/workforce/posts/{id}/shifts")
	String createShift(@PathVariable long id, @RequestParam LocalDate day, @RequestParam ShiftRole role,
			@RequestParam LocalTime starts, @RequestParam LocalTime ends, @RequestParam(defaultValue = "1") int needed,
			RedirectAttributes redirect) {
		Post post = shifts.post(id);
		ZoneId zone = clock.getZone();
		Instant start = day.atTime(starts).atZone(zone).toInstant();
		Instant end = (ends.isAfter(starts) ? day : day.plusDays(1)).atTime(ends).atZone(zone).toInstant();
		attempt(redirect, "workforce.roster.shift-created", () -> shifts.create(new NewShift(
				new PostRef(post.kind(), post.ref()), role, start, end, needed, null)));
		return "redirect:/workforce/posts/" + id + "?day=" + day;
	}

	@PostMapping("/workforce/shifts/{id}/assignments")
	String assign(@PathVariable long id, @RequestParam long post, @RequestParam LocalDate day,
			@RequestParam(required = false) Long workerId, RedirectAttributes redirect) {
		attempt(redirect, "workforce.roster.assigned", () -> {
			if (workerId == null) {
				throw Problem.invalid("workerId", "workforce.roster.pick-worker");
			}
			shifts.assign(id, new NewAssignment(workerId, null, null));
		});
		return "redirect:/workforce/posts/" + post + "?day=" + day + "#shift-" + id;
	}

	@PostMapping("/workforce/shifts/{id}/check-ins")
	String checkIn(@PathVariable long id, @RequestParam long post, @RequestParam LocalDate day,
			@RequestParam long workerId, @RequestParam UUID eventId, RedirectAttributes redirect) {
		attempt(redirect, "workforce.roster.checked-in",
				() -> attendance.checkIn(id, new AttendanceEvent(eventId, workerId, null), "ROSTER"));
		return "redirect:/workforce/posts/" + post + "?day=" + day + "#shift-" + id;
	}

	@PostMapping("/workforce/shifts/{id}/check-outs")
	String checkOut(@PathVariable long id, @RequestParam long post, @RequestParam LocalDate day,
			@RequestParam long workerId, @RequestParam UUID eventId, RedirectAttributes redirect) {
		attempt(redirect, "workforce.roster.checked-out",
				() -> attendance.checkOut(id, new AttendanceEvent(eventId, workerId, null), "ROSTER"));
		return "redirect:/workforce/posts/" + post + "?day=" + day + "#shift-" + id;
	}

	/** The workers in the viewer's reach (masked), the import form, and volunteers waiting for approval. */
	@GetMapping("/workforce/workers")
	String workers(@RequestParam(required = false) String q, @RequestParam(required = false) WorkerKind kind,
			@RequestParam(required = false) WorkerStatus status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("page", workers.search(new WorkerQuery(null, null, kind, status, q, page, 50)));
		model.addAttribute("pageNumber", page);
		model.addAttribute("q", q);
		model.addAttribute("kind", kind);
		model.addAttribute("status", status);
		model.addAttribute("kinds", WorkerKind.values());
		model.addAttribute("statuses", WorkerStatus.values());
		model.addAttribute("pending", Viewers.require().place(Workplace.UNIT) == null ? workers.pending() : List.of());
		return "workforce/workers";
	}

	@PostMapping("/workforce/workers/import")
	String importWorkers(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
		try {
			redirect.addFlashAttribute("report", workers.importFile(WorkforceApiController.readLimited(file.getInputStream())));
		}
		catch (Problem problem) {
			redirect.addFlashAttribute("error", texts.text(problem));
		}
		return "redirect:/workforce/workers";
	}

	@PostMapping("/workforce/workers/{id}/decision")
	String decide(@PathVariable long id, @RequestParam boolean approve, RedirectAttributes redirect) {
		attempt(redirect, approve ? "workforce.volunteers.approved" : "workforce.volunteers.rejected",
				() -> workers.decide(id, approve));
		return "redirect:/workforce/workers#pending";
	}

	/** A worker's record: the full document and phone (audited), their hours of the last seven days and tests. */
	@GetMapping("/workforce/workers/{id}")
	String worker(@PathVariable long id, Model model) {
		Worker worker = workers.get(id);
		model.addAttribute("worker", worker);
		model.addAttribute("hours", hours.hours(id, null, null));
		model.addAttribute("tests", workers.tests(id));
		model.addAttribute("statuses", List.of(WorkerStatus.ACTIVE, WorkerStatus.RESTING, WorkerStatus.SICK,
				WorkerStatus.RELEASED));
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("monthStart", today.withDayOfMonth(1).minusMonths(1));
		model.addAttribute("yesterday", today.minusDays(1));
		return "workforce/worker";
	}

	@PostMapping("/workforce/workers/{id}/status")
	String status(@PathVariable long id, @RequestParam WorkerStatus status, RedirectAttributes redirect) {
		attempt(redirect, "workforce.worker.status-changed", () -> workers.setStatus(id, status));
		return "redirect:/workforce/workers/" + id;
	}

	/** A volunteer-hours certificate as a PDF, for the volunteer themselves or their manager. */
	@PostMapping("/workforce/workers/{id}/certificate")
	ResponseEntity<byte[]> certificate(@PathVariable long id, @RequestParam LocalDate from, @RequestParam LocalDate to) {
		return documents.certificate(id, from, to);
	}

	@GetMapping("/workforce/units")
	String units(Model model) {
		Long own = Viewers.require().place(Workplace.UNIT);
		if (own != null) {
			return "redirect:/workforce/units/" + own;
		}
		model.addAttribute("units", units.list());
		return "workforce/units";
	}

	/** A unit's cadres: where each is deployed today and their hours this week. */
	@GetMapping("/workforce/units/{id}")
	String unit(@PathVariable long id, Model model) {
		model.addAttribute("page", units.page(id));
		return "workforce/unit";
	}

	/**
	 * The worker's own phone page: the shift they can check in to now (at the post whose poster they scanned, or
	 * any), their next shifts and their hours this week.
	 */
	@GetMapping("/workforce/me")
	String me(@RequestParam(required = false) Long post, Model model) {
		Optional<Worker> me = workers.mine();
		model.addAttribute("me", me.orElse(null));
		List<Shift> mine = shifts.mine();
		Instant now = clock.instant();
		model.addAttribute("shifts", mine.stream().filter(s -> s.endsAt().isAfter(now)).toList());
		Optional<Shift> current = mine.stream()
			.filter(s -> post == null || s.post().id() == post)
			.filter(s -> s.assignments().stream().anyMatch(a -> a.checkedOutAt() == null && actionable(a, now)))
			.min(Comparator.comparing(Shift::startsAt));
		model.addAttribute("current", current.orElse(null));
		model.addAttribute("assignment", current.map(s -> s.assignments().get(0)).orElse(null));
		model.addAttribute("scannedPost", post);
		model.addAttribute("eventId", UUID.randomUUID());
		LocalDate today = LocalDate.now(clock);
		LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		model.addAttribute("week", me.map(w -> hours.hours(w.id(), monday, today)).orElse(null));
		model.addAttribute("monthStart", today.withDayOfMonth(1).minusMonths(1));
		model.addAttribute("yesterday", today.minusDays(1));
		return "workforce/me";
	}

	/** Where a post's QR poster leads: the worker's own page, at that post. */
	@GetMapping("/workforce/check-in/{code}")
	String scanned(@PathVariable String code) {
		return "redirect:/workforce/me?post=" + shifts.postByCode(code).id();
	}

	@PostMapping("/workforce/me/check-in")
	String checkInMyself(@RequestParam long shift, @RequestParam UUID eventId, RedirectAttributes redirect) {
		Optional<Worker> me = workers.mine();
		attempt(redirect, "workforce.me.checked-in", () -> attendance.checkIn(shift,
				new AttendanceEvent(eventId, me.map(Worker::id).orElse(-1L), null), "QR"));
		return "redirect:/workforce/me";
	}

	@PostMapping("/workforce/me/check-out")
	String checkOutMyself(@RequestParam long shift, @RequestParam UUID eventId, RedirectAttributes redirect) {
		Optional<Worker> me = workers.mine();
		attempt(redirect, "workforce.me.checked-out", () -> attendance.checkOut(shift,
				new AttendanceEvent(eventId, me.map(Worker::id).orElse(-1L), null), "QR"));
		return "redirect:/workforce/me";
	}

	/** Whether the worker can check in or out of this assignment now: within the hour before it or under way. */
	private boolean actionable(Assignment assignment, Instant now) {
		return assignment.checkedInAt() != null
				|| now.isAfter(assignment.startsAt().minus(java.time.Duration.ofHours(1))) && now.isBefore(assignment.endsAt());
	}

	private void attempt(RedirectAttributes redirect, String doneKey, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("done", doneKey);
		}
		catch (Problem problem) {
			redirect.addFlashAttribute("error", texts.text(problem));
		}
	}
}
