package org.frontline.testing.web;

import java.util.Comparator;
import java.util.List;

import org.frontline.testing.Round;
import org.frontline.testing.RoundStatus;
import org.frontline.testing.Rounds;
import org.frontline.testing.Site;
import org.frontline.testing.SiteLivePart;
import org.frontline.testing.Sites;
import org.frontline.testing.Tubes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class TestingPageController {

	static final List<String> REASONS = List.of("INVALID_EVENT", "FORBIDDEN", "ROUND_UNKNOWN", "ROUND_NOT_OPEN",
			"SITE_UNKNOWN", "TUBE_CODE_TAKEN", "TUBE_UNKNOWN", "TUBE_SEALED", "TUBE_FULL", "TUBE_EMPTY", "ALREADY_IN_TUBE",
			"ALREADY_SAMPLED", "FEVER_FLAGGED", "FEVER", "CODE_UNREADABLE", "CODE_FORGED", "CODE_REVOKED",
			"PERSON_UNKNOWN", "NOT_IN_TUBE", "TRY_AGAIN", "ALREADY_SEALED", "INVALID_TIME", "BUSY", "ZONE_SINGLE_TUBE",
			"ZONE_POOL_SIZE");

	private final Rounds rounds;

	private final Sites sites;

	private final Tubes tubes;

	private final List<SiteLivePart> liveParts;

	TestingPageController(Rounds rounds, Sites sites, Tubes tubes, List<SiteLivePart> liveParts) {
		this.rounds = rounds;
		this.sites = sites;
		this.tubes = tubes;
		this.liveParts = liveParts;
	}

	/** The registrar's scanning page: works on a phone, with a keyboard-wedge scanner, and offline. */
	@GetMapping("/testing/scan")
	String scan(Model model) {
		List<Round> open = rounds.list().stream().filter(r -> r.status() == RoundStatus.OPEN).toList();
		model.addAttribute("rounds", open);
		model.addAttribute("sites", sites.list());
		model.addAttribute("reasons", REASONS);
		return "testing/scan";
	}

	/** The site leader's live page; it polls itself (htmx) for its figures. */
	@GetMapping("/testing/live")
	String live(@RequestParam(required = false) Long site, Model model) {
		List<Site> visible = sites.list();
		Long chosen = site != null ? site : visible.isEmpty() ? null : visible.get(0).id();
		model.addAttribute("sites", visible);
		model.addAttribute("site", chosen);
		model.addAttribute("live", chosen == null ? null : tubes.live(chosen));
		model.addAttribute("alerts", chosen == null ? List.of() : tubes.recentAlerts(chosen));
		model.addAttribute("parts", chosen == null ? List.of()
				: liveParts.stream()
					.flatMap(part -> part.of(chosen).stream())
					.sorted(Comparator.comparingInt(SiteLivePart.Part::order))
					.toList());
		return "testing/live";
	}
}
