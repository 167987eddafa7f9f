package org.frontline.planning.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.frontline.area.Areas;
import org.frontline.planning.PastRounds;
import org.frontline.planning.PlanNorm;
import org.frontline.planning.PlanRequest;
import org.frontline.planning.Proposal;
import org.frontline.planning.ProposalKind;
import org.frontline.planning.RoundActual;
import org.frontline.planning.RoundPlan;
import org.frontline.planning.RoundPlans;
import org.frontline.planning.SitePlan;
import org.frontline.planning.Violation;
import org.frontline.planning.WhatIf;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.shared.web.Texts;
import org.frontline.testing.Round;
import org.frontline.testing.Rounds;
import org.frontline.testing.SiteKind;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;

/**
 * The command centre's planning pages: the rounds with their latest plans, a round's plan (figures, what it missed,
 * the proposals to apply, a chart and a what-if per site, a page of sites at a time) and the round against its plan.
 */
@Controller
class PlanningPageController {

	static final int SITES_PER_PAGE = 20;

	private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

	private final RoundPlans plans;

	private final PastRounds pastRounds;

	private final Rounds rounds;

	private final Areas areas;

	private final Texts texts;

	private final ObjectMapper json;

	private final Clock clock;

	PlanningPageController(RoundPlans plans, PastRounds pastRounds, Rounds rounds, Areas areas, Texts texts,
			ObjectMapper json, Clock clock) {
		this.areas = areas;
		this.plans = plans;
		this.pastRounds = pastRounds;
		this.rounds = rounds;
		this.texts = texts;
		this.json = json;
		this.clock = clock;
	}

	/** A round in the list: the round and its latest plan (null when it has none). */
	record RoundRow(Round round, RoundPlan plan) {
	}

	/** Extra stations of a proposal from one time to another. */
	record Span(Instant from, Instant to, int count) {
	}

	/** A proposal with its extra stations as spans of time, how many stations or teams it sets up, when it is done. */
	record ProposalView(Proposal proposal, List<Span> spans, int stations, Instant done, String areaName) {
	}

	/** A missed norm with the names and times it speaks of. */
	record ViolationView(Violation violation, String area, Instant from, Instant to, Instant planned, Instant limit) {
	}

	/** A site's card: its plan (or what-if), its chart's data, the hours of its schedule, when it is done. */
	record SiteView(SitePlan site, String chart, List<String> hours, Instant done, List<ViolationView> violations,
			boolean tried) {
	}

	@GetMapping("/planning")
	String rounds(Model model) {
		Viewer viewer = Viewers.requireAny(Role.ADMIN, Role.COMMANDER);
		List<RoundRow> rows = rounds.list()
			.stream()
			.filter(r -> r.areas().stream().allMatch(viewer::covers))
			.map(r -> new RoundRow(r, plans.latestPage(r.id(), 0, 0)))
			.toList();
		model.addAttribute("rows", rows);
		return "planning/rounds";
	}

	@GetMapping("/planning/rounds/{id}")
	String plan(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
		return planPage(id, page, null, model);
	}

	@PostMapping("/planning/rounds/{id}/plan")
	String makePlan(@PathVariable long id, @RequestParam(required = false) Long seed,
			@RequestParam(required = false) Integer runs, Model model) {
		try {
			plans.plan(id, new PlanRequest(seed, runs, null, null));
		}
		catch (Problem problem) {
			if (problem.status().is4xxClientError() && problem.errors().size() > 0) {
				model.addAttribute("error", texts.text(problem));
				return planPage(id, 0, null, model);
			}
			throw problem;
		}
		return "redirect:/planning/rounds/" + id;
	}

	@PostMapping("/planning/rounds/{id}/proposals/{n}/apply")
	String apply(@PathVariable long id, @PathVariable int n, RedirectAttributes redirect) {
		Proposal applied = plans.apply(id, n);
		redirect.addFlashAttribute("applied", applied.n());
		return "redirect:/planning/rounds/" + id;
	}

	/** One site with other stations per hour: the plan page with that site's card as the what-if gives it. */
	@PostMapping("/planning/rounds/{id}/what-if")
	String whatIf(@PathVariable long id, @RequestParam long siteId,
			@RequestParam(name = "stations", required = false) List<Integer> stations,
			@RequestParam(defaultValue = "0") int page, Model model) {
		try {
			SitePlan tried = plans.whatIf(id, new WhatIf(siteId, stations, null));
			return planPage(id, page, tried, model);
		}
		catch (Problem problem) {
			if (problem.status().is4xxClientError() && problem.errors().size() > 0) {
				model.addAttribute("whatIfError", texts.text(problem));
				model.addAttribute("whatIfSite", siteId);
				return planPage(id, page, null, model);
			}
			throw problem;
		}
	}

	@GetMapping("/planning/rounds/{id}/actual")
	String actual(@PathVariable long id, Model model) {
		RoundActual actual = pastRounds.actual(id);
		Round round = rounds.get(id);
		Map<Long, String> charts = new LinkedHashMap<>();
		for (RoundActual.SiteActual site : actual.sites()) {
			Map<String, Object> chart = new LinkedHashMap<>();
			SitePlan planned = site.planned();
			int slots = Math.max(site.queue().size(), planned == null ? 0 : planned.queueP50().size());
			chart.put("labels", slotLabels(round.startsAt(), slots));
			chart.put("queue", site.queue());
			chart.put("wait", site.waitMean());
			chart.put("plannedQueue", planned == null ? List.of() : planned.queueP50());
			chart.put("plannedWait", planned == null ? List.of() : planned.waitP50());
			charts.put(site.siteId(), json.writeValueAsString(chart));
		}
		model.addAttribute("round", round);
		model.addAttribute("actual", actual);
		model.addAttribute("charts", charts);
		model.addAttribute("samplingDone",
				actual.samplingDoneMinutes() == null ? null : at(round.startsAt(), actual.samplingDoneMinutes()));
		model.addAttribute("plannedDone", actual.plannedSamplingDoneP90Minutes() == null ? null
				: at(round.startsAt(), actual.plannedSamplingDoneP90Minutes()));
		return "planning/actual";
	}

	@PostMapping("/planning/rounds/{id}/learn")
	String learn(@PathVariable long id, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("learned", pastRounds.learn(id));
		}
		catch (Problem problem) {
			if (problem.status().value() != 409) {
				throw problem;
			}
			redirect.addFlashAttribute("error", texts.text(problem));
		}
		return "redirect:/planning/rounds/" + id + "/actual";
	}

	private String planPage(long id, int page, SitePlan tried, Model model) {
		Round round = rounds.get(id);
		RoundPlan plan = plans.latestPage(id, page, SITES_PER_PAGE);
		model.addAttribute("round", round);
		model.addAttribute("plan", plan);
		model.addAttribute("page", Math.max(0, page));
		if (plan == null) {
			return "planning/plan";
		}
		Map<String, String> names = names(round);
		List<SiteView> sites = new ArrayList<>();
		for (SitePlan planned : plan.sites()) {
			SitePlan site = tried != null && tried.siteId() == planned.siteId() ? tried : planned;
			Map<String, Object> chart = new LinkedHashMap<>();
			chart.put("labels", slotLabels(round.startsAt(), site.queueP50().size()));
			chart.put("queueP50", site.queueP50());
			chart.put("queueP90", site.queueP90());
			chart.put("waitP90", site.kind() == SiteKind.DOOR_TO_DOOR ? List.of() : site.waitP90());
			chart.put("norm", plan.assumptions().waitNormMinutes());
			List<String> hours = new ArrayList<>();
			for (int h = 0; h < site.stationsPerHour().size(); h++) {
				hours.add(HOUR_MINUTE.format(round.startsAt().plus(Duration.ofHours(h)).atZone(clock.getZone())));
			}
			sites.add(new SiteView(site, json.writeValueAsString(chart), hours,
					site.doneP90Minutes() == null ? null : at(round.startsAt(), site.doneP90Minutes()),
					site.violations().stream().map(v -> view(round, v, names)).toList(), site == tried));
		}
		model.addAttribute("sites", sites);
		model.addAttribute("violations", plan.violations()
			.stream()
			.filter(v -> v.siteId() == null)
			.map(v -> view(round, v, names))
			.toList());
		model.addAttribute("pages", (plan.totals().sites() + SITES_PER_PAGE - 1) / SITES_PER_PAGE);
		model.addAttribute("proposals", plans.proposals(id).stream().map(p -> view(round, p, names)).toList());
		model.addAttribute("samplingDone",
				plan.samplingDoneP90Minutes() == null ? null : at(round.startsAt(), plan.samplingDoneP90Minutes()));
		model.addAttribute("deadline", round.startsAt().plus(Duration.ofHours(plan.assumptions().samplingNormHours())));
		return "planning/plan";
	}

	private ViolationView view(Round round, Violation violation, Map<String, String> names) {
		Instant start = round.startsAt();
		boolean people = violation.norm() == PlanNorm.SERVED;
		return new ViolationView(violation, names.getOrDefault(violation.area(), violation.area()),
				violation.fromMinute() == null ? null : at(start, violation.fromMinute()),
				violation.toMinute() == null ? null : at(start, violation.toMinute()),
				people ? null : at(start, violation.planned()), people ? null : at(start, violation.limit()));
	}

	private Map<String, String> names(Round round) {
		Map<String, String> names = new LinkedHashMap<>();
		round.areas().forEach(code -> areas.inside(code).forEach(a -> names.put(a.code(), a.name())));
		return names;
	}

	private ProposalView view(Round round, Proposal proposal, Map<String, String> names) {
		List<Integer> stations = proposal.stationsPerHour();
		List<Span> spans = new ArrayList<>();
		if (proposal.kind() == ProposalKind.EXTRA_STATIONS) {
			int from = -1;
			for (int h = 0; h <= stations.size(); h++) {
				int count = h < stations.size() ? stations.get(h) : 0;
				if (from >= 0 && count != stations.get(from)) {
					spans.add(new Span(round.startsAt().plus(Duration.ofHours(from)),
							round.startsAt().plus(Duration.ofHours(h)), stations.get(from)));
					from = -1;
				}
				if (from < 0 && count > 0) {
					from = h;
				}
			}
		}
		int most = stations.stream().mapToInt(Integer::intValue).max().orElse(0);
		return new ProposalView(proposal, spans, most,
				proposal.doneP90Minutes() == null ? null : at(round.startsAt(), proposal.doneP90Minutes()),
				names.getOrDefault(proposal.area(), proposal.area()));
	}

	/** Minutes from the round's start as a time. */
	static Instant at(Instant start, double minutes) {
		return start.plusSeconds(Math.round(minutes * 60));
	}

	private List<String> slotLabels(Instant start, int slots) {
		List<String> labels = new ArrayList<>(slots);
		for (int s = 0; s < slots; s++) {
			labels.add(HOUR_MINUTE.format(start.plus(Duration.ofMinutes(10L * s)).atZone(clock.getZone())));
		}
		return labels;
	}
}
