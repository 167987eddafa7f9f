package org.frontline.workforce.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.frontline.testing.LatestResult;
import org.frontline.testing.Results;
import org.frontline.workforce.Deployment;
import org.frontline.workforce.PostKind;
import org.frontline.workforce.ShiftLimits;
import org.frontline.workforce.Worker;
import org.frontline.workforce.WorkerTest;
import org.frontline.workforce.internal.AssignmentRules.Candidate;
import org.frontline.workforce.internal.AssignmentRules.Deployed;
import org.frontline.workforce.internal.AssignmentRules.LatestTest;
import org.frontline.workforce.internal.AssignmentRules.Proposal;
import org.frontline.workforce.internal.AssignmentRules.Taken;
import org.frontline.workforce.internal.AssignmentRules.Violation;
import org.frontline.workforce.internal.ShiftRepository.ShiftRow;
import org.springframework.stereotype.Component;

/**
 * Gathers what {@link AssignmentRules} needs for one worker and one shift (their assignments of the week around it,
 * their deployments, their latest test from a testing round or recorded here, the heat-warning days and the limits
 * the shift was planned under) and checks them.
 */
@Component
public class AssignmentCheck {

	private final ShiftRepository shifts;

	private final DeploymentRepository deployments;

	private final TestRepository tests;

	private final LimitsRepository limits;

	private final Results results;

	private final PostZones zones;

	private final Clock clock;

	AssignmentCheck(ShiftRepository shifts, DeploymentRepository deployments, TestRepository tests,
			LimitsRepository limits, Results results, PostZones zones, Clock clock) {
		this.shifts = shifts;
		this.deployments = deployments;
		this.tests = tests;
		this.limits = limits;
		this.results = results;
		this.zones = zones;
		this.clock = clock;
	}

	/** The result of a check: the limits version it used and every broken rule. */
	public record Outcome(ShiftLimits limits, List<Violation> violations) {
	}

	public Outcome check(Worker worker, ShiftRow shift, java.time.Instant start, java.time.Instant end) {
		ZoneId zone = clock.getZone();
		ShiftLimits version = limits.find(shift.limitsId()).orElseThrow();
		List<Taken> others = shifts.taken(worker.id(), start.minus(Duration.ofDays(8)), end.plus(Duration.ofDays(8)))
			.stream()
			.filter(t -> t.shiftId() != shift.id())
			.toList();
		LocalDate first = start.atZone(zone).toLocalDate();
		LocalDate last = end.minusNanos(1).atZone(zone).toLocalDate();
		List<Deployed> deployed = deployments.overlapping(worker.id(), first, last).stream().map(AssignmentCheck::deployed).toList();
		boolean testRequired = shift.post().kind() == PostKind.SITE || zones.controlled(shift.post().area());
		LatestTest latest = testRequired ? latestTest(worker) : null;
		Set<LocalDate> heat = shift.suit() ? limits.heatDays(first, last) : Set.of();
		Proposal proposal = new Proposal(shift.post().id(), shift.post().kind(), shift.post().area(), shift.role(),
				shift.suit(), testRequired, start, end);
		List<Violation> violations = AssignmentRules.check(
				new Candidate(worker.kind(), worker.status(), worker.canSample()), proposal, others, deployed, latest,
				version, heat, zone);
		return new Outcome(version, violations);
	}

	private LatestTest latestTest(Worker worker) {
		WorkerTest recorded = tests.latest(List.of(worker.id())).get(worker.id());
		LatestResult round = worker.personId() == null ? null
				: results.latest(List.of(worker.personId())).get(worker.personId());
		if (round != null && (recorded == null || round.sampledAt().isAfter(recorded.at()))) {
			return new LatestTest(round.sampledAt(), round.outcome());
		}
		return recorded == null ? null : new LatestTest(recorded.at(), recorded.outcome());
	}

	private static Deployed deployed(Deployment d) {
		return new Deployed(d.post().id(), d.post().kind(), d.post().area(), d.post().name(), d.from(), d.to());
	}
}
