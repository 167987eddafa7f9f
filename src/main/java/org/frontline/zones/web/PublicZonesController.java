package org.frontline.zones.web;

import java.time.Clock;
import java.util.List;

import org.frontline.area.Area;
import org.frontline.area.AreaLevel;
import org.frontline.area.Areas;
import org.frontline.shared.Problem;
import org.frontline.zones.Notice;
import org.frontline.zones.NoticeStatus;
import org.frontline.zones.Notices;
import org.frontline.zones.Zones;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** What anyone may read without signing in, on a phone: the notices, and the zone of a compound. No personal data. */
@Controller
class PublicZonesController {

	private final Notices notices;

	private final Zones zones;

	private final Areas areas;

	private final Clock clock;

	private final String installation;

	PublicZonesController(Notices notices, Zones zones, Areas areas, Clock clock,
			@Value("${frontline.admin.scope:320600}") String installation) {
		this.installation = installation;
		this.notices = notices;
		this.zones = zones;
		this.areas = areas;
		this.clock = clock;
	}

	/** Notices in force first, then the others, newest first in each part. */
	@GetMapping("/public/notices")
	String notices(Model model) {
		List<Notice> all = notices.list();
		model.addAttribute("inForce", all.stream().filter(n -> n.status() == NoticeStatus.IN_FORCE
				|| n.status() == NoticeStatus.UPCOMING).toList());
		model.addAttribute("past", all.stream().filter(n -> n.status() == NoticeStatus.PAST
				|| n.status() == NoticeStatus.REPLACED).toList());
		return "zones/public-notices";
	}

	@GetMapping("/public/notices/{id}")
	String notice(@PathVariable long id, Model model) {
		model.addAttribute("notice", notices.get(id));
		return "zones/public-notice";
	}

	/** Pick a compound (or enter its name); its zone, since when, the rules and the earliest lifting date. */
	@GetMapping("/public/zones")
	String zone(@RequestParam(required = false) String area, @RequestParam(required = false) String q, Model model) {
		List<Area> compounds = compounds();
		model.addAttribute("compounds", compounds);
		model.addAttribute("q", q);
		String chosen = area;
		if ((chosen == null || chosen.isBlank()) && q != null && !q.isBlank()) {
			List<Area> matches = compounds.stream().filter(a -> a.name().contains(q.strip())).toList();
			model.addAttribute("matches", matches);
			if (matches.size() == 1) {
				chosen = matches.get(0).code();
			}
		}
		if (chosen != null && !chosen.isBlank()) {
			try {
				model.addAttribute("view", zones.view(chosen));
			}
			catch (Problem notFound) {
				model.addAttribute("unknown", true);
			}
		}
		model.addAttribute("area", chosen);
		model.addAttribute("today", clock.instant().atZone(clock.getZone()).toLocalDate());
		return "zones/public-zone";
	}

	/** Every compound of the installation, for the picker. */
	private List<Area> compounds() {
		return areas.inside(installation).stream().filter(a -> a.level() == AreaLevel.COMPOUND).toList();
	}
}
