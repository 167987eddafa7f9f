package org.frontline.zones.web;

import java.net.URI;
import java.util.List;

import org.frontline.zones.BoardRow;
import org.frontline.zones.Lift;
import org.frontline.zones.LiftOutcome;
import org.frontline.zones.NewNotice;
import org.frontline.zones.NewZone;
import org.frontline.zones.NewZoneRule;
import org.frontline.zones.Notice;
import org.frontline.zones.Notices;
import org.frontline.zones.Proposal;
import org.frontline.zones.ProposalDecision;
import org.frontline.zones.ProposalStatus;
import org.frontline.zones.Zone;
import org.frontline.zones.ZoneLevel;
import org.frontline.zones.ZoneProposals;
import org.frontline.zones.ZoneRule;
import org.frontline.zones.ZoneRules;
import org.frontline.zones.Zones;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class ZonesApiController {

	private final Notices notices;

	private final Zones zones;

	private final ZoneRules rules;

	private final ZoneProposals proposals;

	ZonesApiController(Notices notices, Zones zones, ZoneRules rules, ZoneProposals proposals) {
		this.notices = notices;
		this.zones = zones;
		this.rules = rules;
		this.proposals = proposals;
	}

	@GetMapping("/notices")
	List<Notice> notices() {
		return notices.list();
	}

	@PostMapping("/notices")
	ResponseEntity<Notice> publish(@RequestBody NewNotice notice) {
		Notice published = notices.publish(notice);
		return ResponseEntity.created(URI.create("/api/v1/notices/" + published.id())).body(published);
	}

	@GetMapping("/notices/{id}")
	Notice notice(@PathVariable long id) {
		return notices.get(id);
	}

	@GetMapping("/zones")
	List<Zone> zones(@RequestParam(required = false) String area, @RequestParam(required = false) ZoneLevel level) {
		return zones.list(area, level);
	}

	@PostMapping("/zones")
	ResponseEntity<Zone> set(@RequestBody NewZone zone) {
		Zone set = zones.set(zone);
		return ResponseEntity.created(URI.create("/api/v1/zones/" + set.id())).body(set);
	}

	@GetMapping("/zones/board")
	List<BoardRow> board(@RequestParam(required = false) String area) {
		return zones.board(area);
	}

	@GetMapping("/zones/{id}")
	Zone zone(@PathVariable long id) {
		return zones.get(id);
	}

	@PostMapping("/zones/{id}/lift")
	LiftOutcome lift(@PathVariable long id, @RequestBody Lift lift) {
		return zones.lift(id, lift);
	}

	@GetMapping("/zone-rules")
	List<ZoneRule> rules() {
		return rules.list();
	}

	@PostMapping("/zone-rules/{level}")
	ResponseEntity<ZoneRule> addRule(@PathVariable ZoneLevel level, @RequestBody NewZoneRule rule) {
		ZoneRule added = rules.add(level, rule);
		return ResponseEntity.created(URI.create("/api/v1/zone-rules")).body(added);
	}

	@GetMapping("/zone-proposals")
	List<Proposal> proposals(@RequestParam(required = false) String area,
			@RequestParam(required = false) ProposalStatus status) {
		return proposals.list(area, status);
	}

	@PostMapping("/zone-proposals/{id}/confirm")
	Proposal confirm(@PathVariable long id, @RequestBody(required = false) ProposalDecision decision) {
		return proposals.confirm(id, decision == null ? new ProposalDecision(null, null, null) : decision);
	}

	@PostMapping("/zone-proposals/{id}/dismiss")
	Proposal dismiss(@PathVariable long id, @RequestBody ProposalDecision decision) {
		return proposals.dismiss(id, decision);
	}
}
