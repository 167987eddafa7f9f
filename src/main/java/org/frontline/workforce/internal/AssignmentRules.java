package org.frontline.workforce.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.frontline.shared.AreaCodes;
import org.frontline.testing.Outcome;
import org.frontline.workforce.PostKind;
import org.frontline.workforce.ShiftLimits;
import org.frontline.workforce.ShiftRole;
import org.frontline.workforce.ShiftRule;
import org.frontline.workforce.WorkerKind;
import org.frontline.workforce.WorkerStatus;

/**
 * Whether a worker may take (part of) a shift: every rule of a safe shift, checked against the worker's other
 * assignments, their deployment, their latest test and the limits version the shift was planned under. Times are
 * half-open ({@code [start, end)}); days are calendar days in the district's time zone. Each broken rule comes with
 * the figures that break it.
 */
public final class AssignmentRules {

	private AssignmentRules() {
	}

	/** The worker as the rules see them. */
	public record Candidate(WorkerKind kind, WorkerStatus status, boolean canSample) {
	}

	/**
	 * The part of a shift the worker would take: its post (id, kind, area), role, whether it is worked in a protective
	 * suit and whether the post needs a recent negative test (a sampling site, a post in a lockdown or control zone).
	 */
	public record Proposal(long postId, PostKind postKind, String postArea, ShiftRole role, boolean suit,
			boolean testRequired, Instant start, Instant end) {
	}

	/** Another assignment of the worker. */
	public record Taken(long shiftId, Instant start, Instant end) {
	}

	/** A deployment of the worker: a post (an area post covers every post inside its area) for a range of days. */
	public record Deployed(long postId, PostKind postKind, String postArea, String postName, LocalDate from,
			LocalDate to) {
	}

	/** The worker's latest test: when it was taken and its outcome. */
	public record LatestTest(Instant at, Outcome outcome) {
	}

	/** A broken rule and its figures (minutes, limits, times), as the refusal names them. */
	public record Violation(ShiftRule rule, Map<String, Object> figures) {
	}

	/** Every rule the proposal breaks, in the order of {@link ShiftRule}; empty when the worker may take it. */
	public static List<Violation> check(Candidate worker, Proposal proposal, Collection<Taken> others,
			Collection<Deployed> deployments, LatestTest latestTest, ShiftLimits limits, Set<LocalDate> heatDays,
			ZoneId zone) {
		List<Violation> violations = new ArrayList<>();
		if (!worker.status().assignable()) {
			violations.add(violation(ShiftRule.STATUS, "status", worker.status().name()));
		}
		if (proposal.role() == ShiftRole.SAMPLER && !(worker.kind() == WorkerKind.MEDICAL && worker.canSample())) {
			violations.add(violation(ShiftRule.QUALIFICATION, "kind", worker.kind().name(), "canSample",
					worker.canSample()));
		}
		deployment(proposal, deployments, zone, violations);
		overlapAndRest(proposal, others, limits, violations);
		suit(proposal, limits, heatDays, zone, violations);
		hours(worker, proposal, others, limits, zone, violations);
		test(proposal, latestTest, limits, violations);
		return violations;
	}

	private static void deployment(Proposal proposal, Collection<Deployed> deployments, ZoneId zone,
			List<Violation> violations) {
		LocalDate first = day(proposal.start(), zone);
		LocalDate last = day(proposal.end().minusNanos(1), zone);
		for (Deployed deployed : deployments) {
			boolean overlaps = !deployed.to().isBefore(first) && !deployed.from().isAfter(last);
			boolean here = deployed.postId() == proposal.postId()
					|| deployed.postKind().isArea() && AreaCodes.contains(deployed.postArea(), proposal.postArea());
			if (overlaps && !here) {
				violations.add(violation(ShiftRule.DEPLOYMENT, "deployedTo", deployed.postName(), "from",
						deployed.from().toString(), "to", deployed.to().toString()));
				return;
			}
		}
	}

	private static void overlapAndRest(Proposal proposal, Collection<Taken> others, ShiftLimits limits,
			List<Violation> violations) {
		Violation overlap = null;
		Violation rest = null;
		for (Taken other : others) {
			if (other.start().isBefore(proposal.end()) && proposal.start().isBefore(other.end())) {
				if (overlap == null) {
					overlap = violation(ShiftRule.OVERLAP, "shiftId", other.shiftId(), "startsAt",
							other.start().toString(), "endsAt", other.end().toString());
				}
				continue;
			}
			Duration gap = other.end().isAfter(proposal.start()) ? Duration.between(proposal.end(), other.start())
					: Duration.between(other.end(), proposal.start());
			if (gap.compareTo(Duration.ofMinutes(limits.restMinutes())) < 0) {
				long restMinutes = gap.toMinutes();
				if (rest == null || restMinutes < ((Number) rest.figures().get("restMinutes")).longValue()) {
					rest = violation(ShiftRule.REST, "shiftId", other.shiftId(), "restMinutes", restMinutes,
							"requiredMinutes", limits.restMinutes());
				}
			}
		}
		if (overlap != null) {
			violations.add(overlap);
		}
		if (rest != null) {
			violations.add(rest);
		}
	}

	private static void suit(Proposal proposal, ShiftLimits limits, Set<LocalDate> heatDays, ZoneId zone,
			List<Violation> violations) {
		if (!proposal.suit()) {
			return;
		}
		long minutes = minutes(proposal.start(), proposal.end());
		LocalDate heatDay = null;
		for (LocalDate day = day(proposal.start(), zone); !day.isAfter(day(proposal.end().minusNanos(1), zone)); day = day
			.plusDays(1)) {
			if (heatDays.contains(day)) {
				heatDay = day;
				break;
			}
		}
		if (heatDay != null && minutes > limits.heatSuitMinutes()) {
			violations.add(violation(ShiftRule.HEAT, "minutes", minutes, "limitMinutes", limits.heatSuitMinutes(),
					"day", heatDay.toString()));
		}
		else if (minutes > limits.suitMinutes()) {
			violations.add(violation(ShiftRule.SUIT, "minutes", minutes, "limitMinutes", limits.suitMinutes()));
		}
	}

	private static void hours(Candidate worker, Proposal proposal, Collection<Taken> others, ShiftLimits limits,
			ZoneId zone, List<Violation> violations) {
		ShiftLimits.KindHours allowed = limits.hoursOf(worker.kind());
		List<Taken> all = new ArrayList<>(others);
		all.add(new Taken(0, proposal.start(), proposal.end()));
		LocalDate first = day(proposal.start(), zone);
		LocalDate last = day(proposal.end().minusNanos(1), zone);
		for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
			long minutes = within(all, day, day.plusDays(1), zone);
			if (minutes > allowed.dayMinutes()) {
				violations.add(violation(ShiftRule.DAILY_HOURS, "day", day.toString(), "minutes", minutes,
						"limitMinutes", allowed.dayMinutes()));
				break;
			}
		}
		for (LocalDate from = first.minusDays(6); !from.isAfter(last); from = from.plusDays(1)) {
			long minutes = within(all, from, from.plusDays(7), zone);
			if (minutes > allowed.weekMinutes()) {
				violations.add(violation(ShiftRule.WEEKLY_HOURS, "from", from.toString(), "to",
						from.plusDays(6).toString(), "minutes", minutes, "limitMinutes", allowed.weekMinutes()));
				break;
			}
		}
	}

	private static void test(Proposal proposal, LatestTest latest, ShiftLimits limits, List<Violation> violations) {
		if (!proposal.testRequired()) {
			return;
		}
		if (latest == null) {
			violations.add(violation(ShiftRule.TEST, "latestTestAt", null, "limitMinutes", limits.testMaxAgeMinutes()));
			return;
		}
		long age = Duration.between(latest.at(), proposal.start()).toMinutes();
		boolean tooOld = latest.at().plus(Duration.ofMinutes(limits.testMaxAgeMinutes())).isBefore(proposal.start());
		if (latest.outcome() != Outcome.NEGATIVE || tooOld) {
			violations.add(violation(ShiftRule.TEST, "latestTestAt", latest.at().toString(), "outcome",
					latest.outcome().name(), "ageMinutes", age, "limitMinutes", limits.testMaxAgeMinutes()));
		}
	}

	/** Minutes of the assignments inside the days {@code [from, to)}. */
	static long within(Collection<Taken> taken, LocalDate from, LocalDate to, ZoneId zone) {
		Instant low = from.atStartOfDay(zone).toInstant();
		Instant high = to.atStartOfDay(zone).toInstant();
		long seconds = 0;
		for (Taken t : taken) {
			Instant start = t.start().isAfter(low) ? t.start() : low;
			Instant end = t.end().isBefore(high) ? t.end() : high;
			if (start.isBefore(end)) {
				seconds += Duration.between(start, end).toSeconds();
			}
		}
		return seconds / 60;
	}

	static long minutes(Instant start, Instant end) {
		return Duration.between(start, end).toMinutes();
	}

	private static LocalDate day(Instant at, ZoneId zone) {
		return at.atZone(zone).toLocalDate();
	}

	private static Violation violation(ShiftRule rule, Object... figures) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < figures.length; i += 2) {
			map.put((String) figures[i], figures[i + 1]);
		}
		return new Violation(rule, Collections.unmodifiableMap(map));
	}
}
