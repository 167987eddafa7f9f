package org.frontline.planning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.frontline.audit.AuditLog;
import org.frontline.planning.internal.LearnedRepository;
import org.frontline.planning.internal.Learning;
import org.frontline.planning.internal.PlanRepository;
import org.frontline.shared.Problem;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.testing.LabTurnaround;
import org.frontline.testing.Results;
import org.frontline.testing.Round;
import org.frontline.testing.Rounds;
import org.frontline.testing.Site;
import org.frontline.testing.SiteKind;
import org.frontline.testing.Sites;
import org.frontline.testing.Visits;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rounds after (or while) they run: what happened at each site against the plan, and the figures the next plans
 * take from them (arrival shares, station and team rates, lab turnaround), learned when the command centre says so.
 */
@Service
public class PastRounds {

	/** A site's own rate needs at least this many swabs timed; fewer say more about chance than about the site. */
	static final int MIN_SWABS = 20;

	private final Rounds rounds;

	private final Sites sites;

	private final Visits visits;

	private final Results results;

	private final PlanRepository plans;

	private final LearnedRepository learned;

	private final AuditLog auditLog;

	private final Clock clock;

	PastRounds(Rounds rounds, Sites sites, Visits visits, Results results, PlanRepository plans,
			LearnedRepository learned, AuditLog auditLog, Clock clock) {
		this.rounds = rounds;
		this.sites = sites;
		this.visits = visits;
		this.results = results;
		this.plans = plans;
		this.learned = learned;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** The round as recorded so far, site by site, next to its latest plan. */
	@Transactional(readOnly = true)
	public RoundActual actual(long roundId) {
		Viewer viewer = Viewers.requireAny(RoundPlans.PLANNERS);
		Round round = round(viewer, roundId);
		Map<Long, Site> roundSites = sitesOf(round);
		Learning.Facts facts = facts(round, roundSites);
		Long planId = plans.latestId(roundId).orElse(null);
		RoundPlan plan = planId == null ? null : plans.summary(planId).orElseThrow();
		Map<Long, SitePlan> planned = new HashMap<>();
		if (planId != null) {
			plans.sites(planId, 0, Integer.MAX_VALUE).forEach(s -> planned.put(s.siteId(), s));
		}
		Map<Long, Learning.SiteFacts> recorded = new HashMap<>();
		facts.sites().forEach(s -> recorded.put(s.siteId(), s));
		Set<Long> ids = new TreeSet<>(recorded.keySet());
		ids.addAll(planned.keySet());
		List<RoundActual.SiteActual> actual = new ArrayList<>();
		double done = 0;
		for (long id : ids) {
			Site site = roundSites.get(id);
			SitePlan sitePlan = planned.get(id);
			String name = site != null ? site.name() : sitePlan != null ? sitePlan.name() : "#" + id;
			SiteKind kind = site != null ? site.kind() : sitePlan != null ? sitePlan.kind() : SiteKind.FIXED;
			Learning.SiteFacts f = recorded.get(id);
			if (f == null) {
				actual.add(new RoundActual.SiteActual(id, name, kind, 0, 0, 0, null, null, List.of(), List.of(),
						List.of(), List.of(), null, sitePlan));
				continue;
			}
			if (f.doneMinutes() != null) {
				done = Math.max(done, f.doneMinutes());
			}
			actual.add(new RoundActual.SiteActual(id, name, kind, f.checkedIn(), f.sampled(), f.stations(),
					f.rate() == null ? null : round(f.rate().perHour()), f.rate() == null ? null : round(f.rate().cv()),
					Arrays.stream(f.arrivals()).boxed().toList(), Arrays.stream(f.queue()).boxed().toList(),
					doubles(f.waitMean()), doubles(f.waitP90()), f.doneMinutes() == null ? null : round(f.doneMinutes()),
					sitePlan));
		}
		return new RoundActual(round.id(), round.name(), round.startsAt(), planId, facts.arrivals(),
				Arrays.stream(facts.arrivalShares()).boxed().toList(), plan == null ? null : plan.assumptions().arrivalShares(),
				facts.walkInRate() == null ? null : round(facts.walkInRate().perHour()),
				facts.doorToDoorRate() == null ? null : round(facts.doorToDoorRate().perHour()),
				facts.arrivals() == 0 ? null : round(done), plan == null ? null : plan.samplingDoneP90Minutes(), actual);
	}

	/**
	 * Takes the round's figures for the next plans: its arrival shares, the rates of its stations and teams (and of
	 * each site that timed enough swabs), and its labs' turnaround. Learning a round again replaces what it taught.
	 */
	@Transactional
	public LearnedFigures learn(long roundId) {
		Viewer viewer = Viewers.requireAny(RoundPlans.PLANNERS);
		Round round = round(viewer, roundId);
		Learning.Facts facts = facts(round, sitesOf(round));
		if (facts.arrivals() == 0) {
			throw Problem.conflict("nothing-recorded", "planning.nothing-recorded", roundId);
		}
		Double labHours = results.turnaround(roundId)
			.stream()
			.map(LabTurnaround::p90Minutes)
			.filter(p -> p != null)
			.max(Double::compare)
			.map(minutes -> round(minutes / 60))
			.orElse(null);
		Learning.Rate walkIn = enough(facts.walkInRate());
		Learning.Rate teams = enough(facts.doorToDoorRate());
		Map<Long, Learning.Rate> siteRates = new LinkedHashMap<>();
		facts.sites().forEach(s -> {
			if (enough(s.rate()) != null) {
				siteRates.put(s.siteId(), s.rate());
			}
		});
		Instant now = clock.instant();
		learned.save(new LearnedRepository.Lesson(roundId, round.areas(), now, viewer.username(), facts.arrivals(),
				facts.arrivalShares(), walkIn == null ? null : walkIn.perHour(), walkIn == null ? null : walkIn.cv(),
				teams == null ? null : teams.perHour(), labHours), siteRates);
		auditLog.record("PLAN_LEARN", "round", roundId, facts.arrivals() + " arrivals");
		return new LearnedFigures(roundId, now, facts.arrivals(), Arrays.stream(facts.arrivalShares()).boxed().toList(),
				walkIn == null ? null : round(walkIn.perHour()), walkIn == null ? null : round(walkIn.cv()),
				teams == null ? null : round(teams.perHour()), labHours, siteRates.size());
	}

	private Round round(Viewer viewer, long roundId) {
		Round round = rounds.get(roundId);
		if (!round.areas().stream().allMatch(viewer::covers)) {
			throw Problem.forbidden("planning.round.outside-scope", roundId);
		}
		return round;
	}

	private Map<Long, Site> sitesOf(Round round) {
		Map<Long, Site> map = new LinkedHashMap<>();
		sites.inside(round.areas()).forEach(s -> map.put(s.id(), s));
		return map;
	}

	private Learning.Facts facts(Round round, Map<Long, Site> roundSites) {
		Map<Long, Boolean> teams = new HashMap<>();
		roundSites.values().forEach(s -> teams.put(s.id(), s.kind() == SiteKind.DOOR_TO_DOOR));
		Learning learning = new Learning(teams);
		Instant start = round.startsAt();
		visits.forEach(round.id(), visit -> learning.add(visit.siteId(), visit.sampledBy(),
				minutes(start, visit.checkedInAt()), minutes(start, visit.sampledAt())));
		return learning.facts();
	}

	private static Learning.Rate enough(Learning.Rate rate) {
		return rate != null && rate.swabs() >= MIN_SWABS ? rate : null;
	}

	private static double minutes(Instant start, Instant at) {
		return at == null ? Double.NaN : Duration.between(start, at).toMillis() / 60_000.0;
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	private static List<Double> doubles(double[] values) {
		List<Double> list = new ArrayList<>(values.length);
		for (double value : values) {
			list.add(Double.isNaN(value) ? null : round(value));
		}
		return list;
	}
}
