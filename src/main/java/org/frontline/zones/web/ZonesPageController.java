package org.frontline.zones.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.frontline.area.Areas;
import org.frontline.shared.Problem;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.shared.web.Texts;
import org.frontline.zones.BoardRow;
import org.frontline.zones.Lift;
import org.frontline.zones.LiftTarget;
import org.frontline.zones.NewNotice;
import org.frontline.zones.NewZone;
import org.frontline.zones.NewZoneRule;
import org.frontline.zones.Notice;
import org.frontline.zones.Notices;
import org.frontline.zones.ProposalDecision;
import org.frontline.zones.ProposalStatus;
import org.frontline.zones.ZoneLevel;
import org.frontline.zones.ZoneProposals;
import org.frontline.zones.ZoneRules;
import org.frontline.zones.Zones;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The command's pages: the lifting board, proposals, notices and rules. */
@Controller
class ZonesPageController {

	private final Zones zones;

	private final Notices notices;

	private final ZoneRules rules;

	private final ZoneProposals proposals;

	private final Areas areas;

	private final Texts texts;

	private final Clock clock;

	ZonesPageController(Zones zones, Notices notices, ZoneRules rules, ZoneProposals proposals, Areas areas, Texts texts,
			Clock clock) {
		this.zones = zones;
		this.notices = notices;
		this.rules = rules;
		this.proposals = proposals;
		this.areas = areas;
		this.texts = texts;
		this.clock = clock;
	}

	/** The lifting board: every zone in force in the area with its criteria; lift or downgrade in one step. */
	@GetMapping("/zones")
	String board(@RequestParam(required = false) String area, Model model) {
		Viewer viewer = Viewers.require();
		List<BoardRow> rows = zones.board(area);
		Map<ZoneLevel, Long> counts = new EnumMap<>(ZoneLevel.class);
		for (ZoneLevel level : ZoneLevel.values()) {
			counts.put(level, rows.stream().filter(r -> r.zone().level() == level).count());
		}
		model.addAttribute("rows", rows);
		model.addAttribute("counts", counts);
		model.addAttribute("eligible", rows.stream().filter(BoardRow::eligible).count());
		model.addAttribute("area", area);
		model.addAttribute("areaChoices", areas.inside(viewer.scopeArea()));
		model.addAttribute("today", clock.instant().atZone(clock.getZone()).toLocalDate());
		model.addAttribute("targets", LiftTarget.values());
		model.addAttribute("decides", viewer.hasAny(Notices.publishers()));
		return "zones/board";
	}

	@PostMapping("/zones/{id}/lift")
	String lift(@PathVariable long id, @RequestParam LiftTarget to, RedirectAttributes redirect) {
		attempt(redirect, "zones.lifted", () -> zones.lift(id, new Lift(to, null)));
		return "redirect:/zones";
	}

	/** Setting a zone (with the notice that says so, published in the same step). */
	@GetMapping("/zones/new")
	String newZone(Model model) {
		Viewer viewer = Viewers.require();
		model.addAttribute("areaChoices", areas.inside(viewer.scopeArea()));
		model.addAttribute("levels", ZoneLevel.values());
		model.addAttribute("notices", notices.list());
		return "zones/new";
	}

	@PostMapping("/zones/new")
	String setZone(@RequestParam String area, @RequestParam(required = false) String buildings,
			@RequestParam ZoneLevel level, @RequestParam(required = false) Long notice, RedirectAttributes redirect) {
		boolean done = attempt(redirect, "zones.set", () -> zones.set(new NewZone(area, list(buildings), level, notice)));
		return done ? "redirect:/zones" : "redirect:/zones/new";
	}

	@GetMapping("/zones/proposals")
	String proposals(@RequestParam(required = false) ProposalStatus status, Model model) {
		Viewer viewer = Viewers.require();
		model.addAttribute("proposals", proposals.list(null, status));
		model.addAttribute("status", status);
		model.addAttribute("statuses", ProposalStatus.values());
		model.addAttribute("decides", viewer.hasAny(Notices.publishers()));
		return "zones/proposals";
	}

	@PostMapping("/zones/proposals/{id}/confirm")
	String confirm(@PathVariable long id, @RequestParam(defaultValue = "false") boolean wholeCompound,
			RedirectAttributes redirect) {
		attempt(redirect, "zones.proposal.confirmed",
				() -> proposals.confirm(id, new ProposalDecision(wholeCompound, null, null)));
		return "redirect:/zones/proposals";
	}

	@PostMapping("/zones/proposals/{id}/dismiss")
	String dismiss(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		attempt(redirect, "zones.proposal.dismissed",
				() -> proposals.dismiss(id, new ProposalDecision(null, null, reason)));
		return "redirect:/zones/proposals";
	}

	/** Notices (newest first) and, for the command, the form to publish one. */
	@GetMapping("/zones/notices")
	String notices(Model model) {
		Viewer viewer = Viewers.require();
		List<Notice> all = notices.list();
		model.addAttribute("notices", all);
		model.addAttribute("areaChoices", areas.inside(viewer.scopeArea()));
		model.addAttribute("levels", ZoneLevel.values());
		model.addAttribute("decides", viewer.hasAny(Notices.publishers()));
		return "zones/notices";
	}

	@PostMapping("/zones/notices")
	String publish(@RequestParam(required = false) Integer number, @RequestParam(required = false) String title,
			@RequestParam(required = false) String effectiveFrom, @RequestParam(required = false) String effectiveUntil,
			@RequestParam(required = false) String text, @RequestParam(required = false) Long replaces,
			@RequestParam(required = false) List<String> zoneArea, @RequestParam(required = false) List<String> zoneBuildings,
			@RequestParam(required = false) List<String> zoneLevel, @RequestParam(required = false) String closedLoop,
			RedirectAttributes redirect) {
		boolean done = attempt(redirect, "zones.notice.published", () -> {
			List<NewZone> measures = new ArrayList<>();
			int rows = zoneArea == null ? 0 : zoneArea.size();
			for (int i = 0; i < rows; i++) {
				String area = zoneArea.get(i);
				String level = zoneLevel != null && zoneLevel.size() > i ? zoneLevel.get(i) : null;
				if (area == null || area.isBlank() || level == null || level.isBlank()) {
					continue;
				}
				measures.add(new NewZone(area, list(zoneBuildings != null && zoneBuildings.size() > i ? zoneBuildings.get(i) : null),
						ZoneLevel.valueOf(level), null));
			}
			notices.publish(new NewNotice(null, number, title, null, time(effectiveFrom, "effectiveFrom"),
					time(effectiveUntil, "effectiveUntil"), text, replaces, measures, ids(closedLoop), List.of()));
		});
		return done ? "redirect:/zones/notices" : "redirect:/zones/notices#publish";
	}

	@GetMapping("/zones/rules")
	String rules(Model model) {
		Viewer viewer = Viewers.require();
		model.addAttribute("rules", rules.list());
		model.addAttribute("levels", ZoneLevel.values());
		model.addAttribute("targets", LiftTarget.values());
		model.addAttribute("decides", viewer.hasAny(Notices.publishers()));
		return "zones/rules";
	}

	@PostMapping("/zones/rules")
	String addRule(@RequestParam ZoneLevel level, @RequestParam(required = false) Integer poolSize,
			@RequestParam(required = false) Integer testEveryDays, @RequestParam(defaultValue = "false") boolean doorToDoor,
			@RequestParam(required = false) String movement, @RequestParam(required = false) Integer cleanDays,
			@RequestParam(required = false) Integer negativeRoundDays, @RequestParam(required = false) LiftTarget liftTo,
			@RequestParam(required = false) String basis, RedirectAttributes redirect) {
		attempt(redirect, "zones.rule.added", () -> rules.add(level, new NewZoneRule(poolSize, testEveryDays, doorToDoor,
				movement, cleanDays, negativeRoundDays, liftTo, basis, null)));
		return "redirect:/zones/rules";
	}

	private boolean attempt(RedirectAttributes redirect, String doneKey, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("done", doneKey);
			return true;
		}
		catch (Problem problem) {
			redirect.addFlashAttribute("error", texts.text(problem));
			return false;
		}
	}

	/** A time entered on a page ({@code 2022-04-08T00:00}) is the district's. */
	private Instant time(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.strip()).atZone(clock.getZone()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw Problem.invalid(field, "zones.form.time");
		}
	}

	private static List<String> list(String buildings) {
		if (buildings == null || buildings.isBlank()) {
			return List.of();
		}
		return Arrays.stream(buildings.split("[,，、\\s]+")).filter(s -> !s.isBlank()).toList();
	}

	private static List<Long> ids(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		List<Long> ids = new ArrayList<>();
		for (String part : text.split("[,，、\\s]+")) {
			if (!part.isBlank()) {
				try {
					ids.add(Long.parseLong(part));
				}
				catch (NumberFormatException ex) {
					throw Problem.invalid("closedLoop", "zones.closed-loop.enterprise-unknown", part);
				}
			}
		}
		return ids;
	}
}
