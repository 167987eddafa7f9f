package org.frontline.planning.web;

import java.net.URI;
import java.util.List;

import org.frontline.planning.LearnedFigures;
import org.frontline.planning.PastRounds;
import org.frontline.planning.PlanRequest;
import org.frontline.planning.Proposal;
import org.frontline.planning.RoundActual;
import org.frontline.planning.RoundPlan;
import org.frontline.planning.RoundPlans;
import org.frontline.planning.SitePlan;
import org.frontline.planning.WhatIf;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/rounds/{id}/plan")
class PlanningApiController {

	private final RoundPlans plans;

	private final PastRounds pastRounds;

	PlanningApiController(RoundPlans plans, PastRounds pastRounds) {
		this.plans = plans;
		this.pastRounds = pastRounds;
	}

	@PostMapping
	ResponseEntity<RoundPlan> plan(@PathVariable long id, @RequestBody(required = false) PlanRequest request) {
		return ResponseEntity.created(URI.create("/api/v1/rounds/" + id + "/plan")).body(plans.plan(id, request));
	}

	@GetMapping
	RoundPlan latest(@PathVariable long id) {
		return plans.latest(id);
	}

	@GetMapping("/proposals")
	List<Proposal> proposals(@PathVariable long id) {
		return plans.proposals(id);
	}

	@PostMapping("/proposals/{n}/apply")
	Proposal apply(@PathVariable long id, @PathVariable int n) {
		return plans.apply(id, n);
	}

	@PostMapping("/what-if")
	SitePlan whatIf(@PathVariable long id, @RequestBody WhatIf whatIf) {
		return plans.whatIf(id, whatIf);
	}

	@GetMapping("/actual")
	RoundActual actual(@PathVariable long id) {
		return pastRounds.actual(id);
	}

	@PostMapping("/learn")
	LearnedFigures learn(@PathVariable long id) {
		return pastRounds.learn(id);
	}
}
