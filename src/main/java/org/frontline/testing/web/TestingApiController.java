package org.frontline.testing.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.frontline.testing.Box;
import org.frontline.testing.Lab;
import org.frontline.testing.NewRound;
import org.frontline.testing.NewSite;
import org.frontline.testing.Round;
import org.frontline.testing.Rounds;
import org.frontline.testing.Site;
import org.frontline.testing.SiteLive;
import org.frontline.testing.Sites;
import org.frontline.testing.Results;
import org.frontline.testing.TubeReport;
import org.frontline.testing.Tubes;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class TestingApiController {

	private final Rounds rounds;

	private final Sites sites;

	private final Tubes tubes;

	private final Results results;

	TestingApiController(Rounds rounds, Sites sites, Tubes tubes, Results results) {
		this.results = results;
		this.rounds = rounds;
		this.sites = sites;
		this.tubes = tubes;
	}

	@PostMapping("/rounds")
	ResponseEntity<Round> plan(@RequestBody NewRound round) {
		Round created = rounds.plan(round);
		return ResponseEntity.created(URI.create("/api/v1/rounds/" + created.id())).body(created);
	}

	@GetMapping("/rounds")
	List<Round> rounds() {
		return rounds.list();
	}

	@GetMapping("/rounds/{id}")
	Round round(@PathVariable long id) {
		return rounds.get(id);
	}

	@PostMapping("/rounds/{id}/open")
	Round open(@PathVariable long id) {
		return rounds.open(id);
	}

	@PostMapping("/rounds/{id}/close")
	Round close(@PathVariable long id) {
		return rounds.close(id);
	}

	@PostMapping("/sites")
	ResponseEntity<Site> createSite(@RequestBody NewSite site) {
		Site created = sites.create(site);
		return ResponseEntity.created(URI.create("/api/v1/sites/" + created.id())).body(created);
	}

	@GetMapping("/sites")
	List<Site> sites() {
		return sites.list();
	}

	@GetMapping("/sites/{id}")
	Site site(@PathVariable long id) {
		return sites.get(id);
	}

	@PostMapping("/sites/{id}/open")
	Site openSite(@PathVariable long id) {
		return sites.setOpen(id, true);
	}

	@PostMapping("/sites/{id}/close")
	Site closeSite(@PathVariable long id) {
		return sites.setOpen(id, false);
	}

	@PostMapping("/sites/{id}/stops/{position}/arrive")
	Site arrive(@PathVariable long id, @PathVariable int position) {
		return sites.arrive(id, position);
	}

	@GetMapping("/sites/{id}/live")
	SiteLive live(@PathVariable long id) {
		return tubes.live(id);
	}

	@GetMapping("/sites/{id}/alerts")
	List<String> alerts(@PathVariable long id) {
		return tubes.alerts(id);
	}

	@PostMapping("/labs")
	ResponseEntity<Lab> createLab(@RequestBody Map<String, String> body) {
		Lab lab = sites.createLab(body.get("name"), body.get("area"));
		return ResponseEntity.created(URI.create("/api/v1/labs/" + lab.id())).body(lab);
	}

	@GetMapping("/labs")
	List<Lab> labs() {
		return sites.labs();
	}

	@GetMapping("/tubes/{code}")
	TubeReport tube(@PathVariable String code) {
		return results.tube(code);
	}

	@GetMapping("/boxes/{code}")
	Box box(@PathVariable String code) {
		return tubes.box(code);
	}
}
