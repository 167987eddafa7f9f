package org.frontline.workforce.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

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

	/** One assignment of a batch: the worker, the shift and the part of it they would take. */
	public record Proposed(Worker worker, ShiftRow shift, Instant start, Instant end) {
	}

	/**
	 * Checks the assignments of a batch with what the rules need read in a few statements: each against the worker's
	 * stored assignments and the batch's accepted before it, as if they were assigned one by one in this order.
	 * Answers the outcome of each, in order.
	 */
	public List<Outcome> checkAll(List<Proposed> batch) {
		if (batch.isEmpty()) {
			return List.of();
		}
		ZoneId zone = clock.getZone();
		Instant earliest = batch.stream().map(Proposed::start).min(Comparator.naturalOrder()).orElseThrow();
		Instant latest = batch.stream().map(Proposed::end).max(Comparator.naturalOrder()).orElseThrow();
		LocalDate first = earliest.atZone(zone).toLocalDate();
		LocalDate last = latest.minusNanos(1).atZone(zone).toLocalDate();
		Set<Long> workerIds = batch.stream().map(p -> p.worker().id()).collect(Collectors.toSet());
		Map<Long, List<Taken>> stored = shifts.takenOf(workerIds, earliest.minus(Duration.ofDays(8)),
				latest.plus(Duration.ofDays(8)));
		Map<Long, List<Deployment>> deployed = deployments.overlappingOf(workerIds, first, last);
		Map<String, Boolean> controlled = new HashMap<>();
		Map<Proposed, Boolean> testRequired = new HashMap<>();
		batch.forEach(p -> testRequired.put(p, p.shift().post().kind() == PostKind.SITE
				|| controlled.computeIfAbsent(p.shift().post().area(), zones::controlled)));
		List<Worker> tested = batch.stream().filter(testRequired::get).map(Proposed::worker).distinct().toList();
		Map<Long, WorkerTest> recorded = tests.latest(tested.stream().map(Worker::id).toList());
		Map<Long, LatestResult> rounds = results
			.latest(tested.stream().map(Worker::personId).filter(Objects::nonNull).distinct().toList());
		Set<LocalDate> heat = batch.stream().anyMatch(p -> p.shift().suit()) ? limits.heatDays(first, last) : Set.of();
		Map<Long, ShiftLimits> versions = new HashMap<>();
		Map<Long, List<Taken>> accepted = new HashMap<>();
		List<Outcome> outcomes = new ArrayList<>(batch.size());
		for (Proposed p : batch) {
			ShiftRow shift = p.shift();
			ShiftLimits version = versions.computeIfAbsent(shift.limitsId(), id -> limits.find(id).orElseThrow());
			long workerId = p.worker().id();
			List<Taken> others = new ArrayList<>();
			others.addAll(stored.getOrDefault(workerId, List.of()));
			others.addAll(accepted.getOrDefault(workerId, List.of()));
			others.removeIf(t -> t.shiftId() == shift.id());
			LocalDate from = p.start().atZone(zone).toLocalDate();
			LocalDate to = p.end().minusNanos(1).atZone(zone).toLocalDate();
			List<Deployed> where = deployed.getOrDefault(workerId, List.of())
				.stream()
				.filter(d -> !d.to().isBefore(from) && !d.from().isAfter(to))
				.map(AssignmentCheck::deployed)
				.toList();
			boolean needsTest = testRequired.get(p);
			LatestTest test = needsTest ? latest(recorded.get(workerId),
					p.worker().personId() == null ? null : rounds.get(p.worker().personId())) : null;
			Set<LocalDate> heatDays = shift.suit()
					? heat.stream().filter(d -> !d.isBefore(from) && !d.isAfter(to)).collect(Collectors.toSet())
					: Set.of();
			Proposal proposal = new Proposal(shift.post().id(), shift.post().kind(), shift.post().area(), shift.role(),
					shift.suit(), needsTest, p.start(), p.end());
			Worker worker = p.worker();
			List<Violation> violations = AssignmentRules.check(
					new Candidate(worker.kind(), worker.status(), worker.canSample()), proposal, others, where, test,
					version, heatDays, zone);
			if (violations.isEmpty()) {
				accepted.computeIfAbsent(workerId, k -> new ArrayList<>()).add(new Taken(shift.id(), p.start(), p.end()));
			}
			outcomes.add(new Outcome(version, violations));
		}
		return outcomes;
	}

	private LatestTest latestTest(Worker worker) {
		WorkerTest recorded = tests.latest(List.of(worker.id())).get(worker.id());
		LatestResult round = worker.personId() == null ? null
				: results.latest(List.of(worker.personId())).get(worker.personId());
		return latest(recorded, round);
	}

	/** The later of a test recorded here and one from a testing round. */
	private static LatestTest latest(WorkerTest recorded, LatestResult round) {
		if (round != null && (recorded == null || round.sampledAt().isAfter(recorded.at()))) {
			return new LatestTest(round.sampledAt(), round.outcome());
		}
		return recorded == null ? null : new LatestTest(recorded.at(), recorded.outcome());
	}

	private static Deployed deployed(Deployment d) {
		return new Deployed(d.post().id(), d.post().kind(), d.post().area(), d.post().name(), d.from(), d.to());
	}
}
