package org.frontline.planning;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.frontline.audit.AuditLog;
import org.frontline.planning.internal.PlanInputs;
import org.frontline.planning.internal.PlanModel;
import org.frontline.planning.internal.PlanRepository;
import org.frontline.planning.internal.Planner;
import org.frontline.planning.internal.ProposalSearch;
import org.frontline.planning.internal.RoundSetupRepository;
import org.frontline.shared.AlertCleared;
import org.frontline.shared.AlertRaised;
import org.frontline.shared.AlertSeverity;
import org.frontline.shared.Problem;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Viewers;
import org.frontline.testing.NewSite;
import org.frontline.testing.Round;
import org.frontline.testing.RoundStatus;
import org.frontline.testing.Rounds;
import org.frontline.testing.Site;
import org.frontline.testing.SiteKind;
import org.frontline.testing.Sites;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans of testing rounds: simulate a round with its sites, keep the plan, propose the smallest changes that make it
 * meet the norms, apply one to the round's sites, and answer what one site would do with other stations. For the
 * command centre, on rounds whose areas their scope covers. A plan that misses the norms raises an alert until a
 * later plan of the round meets them.
 */
@Service
public class RoundPlans {

	static final Role[] PLANNERS = { Role.ADMIN, Role.COMMANDER };

	static final int MAX_RUNS = 100;

	static final int MAX_HOURS = 48;

	static final int MAX_STATIONS = 200;

	private final Rounds rounds;

	private final Sites sites;

	private final PlanInputs inputs;

	private final PlanRepository plans;

	private final RoundSetupRepository setup;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RoundPlans(Rounds rounds, Sites sites, PlanInputs inputs, PlanRepository plans, RoundSetupRepository setup,
			AuditLog auditLog, ApplicationEventPublisher events, Clock clock) {
		this.rounds = rounds;
		this.sites = sites;
		this.inputs = inputs;
		this.plans = plans;
		this.setup = setup;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	/** Simulates the round as it is set up now, keeps the plan and its proposals, and answers it. */
	@Transactional
	public RoundPlan plan(long roundId, PlanRequest request) {
		PlanRequest checked = checked(request == null ? PlanRequest.defaults() : request);
		Viewer viewer = Viewers.requireAny(PLANNERS);
		Round round = round(viewer, roundId);
		PlanInputs.Inputs gathered = inputs.gather(round, checked);
		PlanModel model = gathered.model();
		Planner.Evaluation evaluation = Planner.evaluate(model);
		List<ProposalSearch.Draft> drafts = ProposalSearch.propose(model, evaluation);
		List<Proposal> proposals = new ArrayList<>();
		for (ProposalSearch.Draft draft : drafts) {
			proposals.add(proposal(proposals.size() + 1, draft, gathered));
		}
		List<SitePlan> sitePlans = evaluation.sites().stream().map(Planner.SiteResult::plan).toList();
		RoundPlan plan = new RoundPlan(0, round.id(), round.name(), round.startsAt(), clock.instant(),
				viewer.username(), model.seed(), model.runs(), gathered.assumptions(),
				model.compounds().stream().mapToInt(PlanModel.CompoundDemand::residents).sum(),
				sitePlans.stream().filter(s -> s.kind() != SiteKind.DOOR_TO_DOOR).mapToInt(SitePlan::people).sum()
						+ evaluation.assignment().walkInUnserved().values().stream().mapToInt(Integer::intValue).sum(),
				sitePlans.stream().filter(s -> s.kind() == SiteKind.DOOR_TO_DOOR).mapToInt(SitePlan::people).sum()
						+ evaluation.assignment().doorToDoorUnserved().values().stream().mapToInt(Integer::intValue).sum(),
				samplingDone(sitePlans), evaluation.meetsNorms(), evaluation.violations(), totals(sitePlans), sitePlans,
				proposals.size());
		Map<Long, Long> streams = new LinkedHashMap<>();
		model.sites().forEach(site -> streams.put(site.id(), site.stream()));
		long id = plans.insert(plan, streams, proposals);
		auditLog.record("PLAN_CREATE", "round", roundId, "plan " + id);
		events.publishEvent(RoundPlanned.of(withId(plan, id), round.endsAt()));
		String alert = "round-plan:" + roundId;
		if (plan.meetsNorms()) {
			events.publishEvent(new AlertCleared("planning", alert, plan.createdAt()));
		}
		else {
			events.publishEvent(new AlertRaised("planning", alert, AlertSeverity.WARNING, commonArea(round.areas()),
					"planning.alert.misses-norms", List.of(round.name(), String.valueOf(plan.totals().sitesMissingNorms()),
							String.valueOf(plan.proposals())),
					"/planning/rounds/" + roundId, round.startsAt(), plan.createdAt()));
		}
		return withId(plan, id);
	}

	/** The round's latest plan with every site. */
	@Transactional(readOnly = true)
	public RoundPlan latest(long roundId) {
		Viewer viewer = Viewers.requireAny(PLANNERS);
		round(viewer, roundId);
		long planId = latestId(roundId);
		RoundPlan summary = plans.summary(planId).orElseThrow();
		return withSites(summary, plans.sites(planId, 0, Integer.MAX_VALUE));
	}

	/** The round's latest plan with a page of its sites (those missing a norm first), or null when it has none. */
	@Transactional(readOnly = true)
	public RoundPlan latestPage(long roundId, int page, int size) {
		Viewer viewer = Viewers.requireAny(PLANNERS);
		round(viewer, roundId);
		return plans.latestId(roundId)
			.flatMap(plans::summary)
			.map(summary -> withSites(summary, plans.sites(summary.planId(), Math.max(0, page) * size, size)))
			.orElse(null);
	}

	/** The proposals of the round's latest plan, applied or not. */
	@Transactional(readOnly = true)
	public List<Proposal> proposals(long roundId) {
		Viewer viewer = Viewers.requireAny(PLANNERS);
		round(viewer, roundId);
		return plans.proposals(latestId(roundId));
	}

	/**
	 * Applies proposal n of the round's latest plan to the round's sites: more stations for some hours (and the
	 * site's stations raised to the new peak), a compound moved, or a new mobile point or door-to-door team set up.
	 * Applying it again changes nothing and answers it as it was applied.
	 */
	@Transactional
	public Proposal apply(long roundId, int n) {
		Viewer viewer = Viewers.requireAny(PLANNERS);
		Round round = round(viewer, roundId);
		if (round.status() == RoundStatus.CLOSED) {
			throw Problem.conflict("round-closed", "planning.round.closed", roundId);
		}
		long planId = latestId(roundId);
		Proposal proposal = plans.lockProposal(planId, n)
			.orElseThrow(() -> Problem.notFound("planning.proposal.not-found", n, roundId));
		if (proposal.appliedAt() != null) {
			return proposal;
		}
		Instant now = clock.instant();
		int[] stations = proposal.stationsPerHour().stream().mapToInt(Integer::intValue).toArray();
		Long created = null;
		switch (proposal.kind()) {
			case EXTRA_STATIONS -> {
				SitePlan planned = plans.site(planId, proposal.siteId()).orElseThrow();
				int[] base = setup.schedules(roundId).getOrDefault(proposal.siteId(),
						planned.stationsPerHour().stream().mapToInt(Integer::intValue).toArray());
				int[] added = new int[Math.max(base.length, stations.length)];
				for (int h = 0; h < added.length; h++) {
					added[h] = Math.min(MAX_STATIONS, stationsAt(base, h) + (h < stations.length ? stations[h] : 0));
				}
				setup.saveSchedule(roundId, proposal.siteId(), added, now);
				int peak = Arrays.stream(added).max().orElse(1);
				if (peak > sites.get(proposal.siteId()).stations()) {
					sites.setStations(proposal.siteId(), peak);
				}
			}
			case MOVE_COMPOUND -> setup.addMove(roundId, proposal.compound(), proposal.siteId(), proposal.targetSiteId(),
					now);
			case MOBILE_POINT -> {
				String name = inputs.name(proposal.compound());
				Site point = sites.create(new NewSite(name + "流动采样点", SiteKind.MOBILE, proposal.compound(), null,
						Arrays.stream(stations).max().orElse(1), null,
						List.of(new NewSite.NewStop(name, proposal.compound(), round.startsAt()))));
				setup.saveSchedule(roundId, point.id(), stations, now);
				setup.addMove(roundId, proposal.compound(), proposal.siteId(), point.id(), now);
				created = point.id();
			}
			case DOOR_TO_DOOR_TEAM -> {
				Site team = sites.create(new NewSite(inputs.name(proposal.area()) + "上门采样队", SiteKind.DOOR_TO_DOOR,
						proposal.area(), null, Arrays.stream(stations).max().orElse(1), null, List.of()));
				setup.saveSchedule(roundId, team.id(), stations, now);
				created = team.id();
			}
		}
		plans.applied(planId, n, now, viewer.username(), created);
		auditLog.record("PLAN_APPLY", "round", roundId, "plan " + planId + " proposal " + n + " " + proposal.kind());
		return plans.lockProposal(planId, n).orElseThrow();
	}

	/** One site of the latest plan simulated again with other stations per hour (or rate); nothing is stored. */
	@Transactional(readOnly = true)
	public SitePlan whatIf(long roundId, WhatIf whatIf) {
		Problem.Errors errors = new Problem.Errors();
		if (whatIf == null || whatIf.siteId() == null) {
			errors.add("siteId", "planning.what-if.site-missing");
		}
		List<Integer> hours = whatIf == null ? null : whatIf.stationsPerHour();
		if (hours == null || hours.isEmpty() || hours.size() > MAX_HOURS) {
			errors.add("stationsPerHour", "planning.what-if.hours", MAX_HOURS);
		}
		else if (hours.stream().anyMatch(h -> h == null || h < 0 || h > MAX_STATIONS)) {
			errors.add("stationsPerHour", "planning.what-if.stations", MAX_STATIONS);
		}
		if (whatIf != null && whatIf.stationRate() != null && !validRate(whatIf.stationRate())) {
			errors.add("stationRate", "planning.station-rate.range");
		}
		errors.throwIfAny();
		Viewer viewer = Viewers.requireAny(PLANNERS);
		round(viewer, roundId);
		long planId = latestId(roundId);
		RoundPlan summary = plans.summary(planId).orElseThrow();
		SitePlan site = plans.site(planId, whatIf.siteId())
			.orElseThrow(() -> Problem.notFound("planning.site.not-found", whatIf.siteId(), roundId));
		RoundPlan.Assumptions a = summary.assumptions();
		int[] stations = hours.stream().mapToInt(Integer::intValue).toArray();
		double rate = whatIf.stationRate() != null ? whatIf.stationRate() : site.ratePerHour();
		FigureSource source = whatIf.stationRate() != null ? FigureSource.REQUEST : site.rateSource();
		PlanModel.SiteSetup siteSetup = new PlanModel.SiteSetup(site.siteId(), site.name(), site.kind(), site.area(),
				List.of(site.area()), Math.max(1, Arrays.stream(stations).max().orElse(1)), stations, rate, source,
				plans.stream(planId, site.siteId()));
		List<PlanModel.CompoundDemand> compounds = new ArrayList<>();
		Map<String, Integer> shares = new LinkedHashMap<>();
		for (SitePlan.CompoundShare share : site.compounds()) {
			compounds.add(new PlanModel.CompoundDemand(share.code(), share.name(), share.people(), 0,
					share.noSmartphone(), share.elderlyLivingAlone()));
			shares.put(share.code(), share.people());
		}
		PlanModel model = new PlanModel(summary.seed(), summary.runs(), a.poolSize(),
				a.arrivalShares().stream().mapToDouble(Double::doubleValue).toArray(), a.serviceCv(),
				a.stationRatePerHour(), 60 / a.doorToDoorMinutes(), a.labTurnaroundHours(),
				new PlanModel.Norms(a.waitNormMinutes(), a.samplingNormHours(), a.roundNormHours()),
				new PlanModel.Staffing(a.staffPerStation(), a.staffPerSite(), a.shiftHours()), compounds,
				List.of(siteSetup), List.of(), inputs.siteStaffing(roundId));
		SitePlan tried = Planner.simulate(model, siteSetup, shares).plan();
		// The same people in the same zones: the tubes are the plan's, with the pool sizes the zones allow there.
		return new SitePlan(tried.siteId(), tried.name(), tried.kind(), tried.area(), tried.stationsPerHour(),
				tried.ratePerHour(), tried.rateSource(), tried.people(), tried.compounds(), tried.queueP50(),
				tried.queueP90(), tried.waitP50(), tried.waitP90(), tried.doneP50Minutes(), tried.doneP90Minutes(),
				tried.meanWaitMinutes(), tried.personWaitP90Minutes(), site.tubes(), site.swabs(), tried.ppeSets(),
				tried.staffPerHour(), tried.meetsNorms(), tried.violations(), site.tubesByPool());
	}

	private static PlanRequest checked(PlanRequest request) {
		Problem.Errors errors = new Problem.Errors();
		if (request.runs() != null && (request.runs() < 1 || request.runs() > MAX_RUNS)) {
			errors.add("runs", "planning.runs.range", MAX_RUNS);
		}
		if (request.stationRate() != null && !validRate(request.stationRate())) {
			errors.add("stationRate", "planning.station-rate.range");
		}
		List<Double> profile = request.arrivalProfile();
		if (profile != null) {
			if (profile.isEmpty() || profile.size() > MAX_HOURS) {
				errors.add("arrivalProfile", "planning.arrival-profile.hours", MAX_HOURS);
			}
			else if (profile.stream().anyMatch(w -> w == null || !(w >= 0) || w > 1e9)
					|| profile.stream().mapToDouble(Double::doubleValue).sum() <= 0) {
				errors.add("arrivalProfile", "planning.arrival-profile.weights");
			}
		}
		errors.throwIfAny();
		return request;
	}

	private static boolean validRate(double rate) {
		return rate >= 1 && rate <= 2_000;
	}

	private Round round(Viewer viewer, long roundId) {
		Round round = rounds.get(roundId);
		if (!round.areas().stream().allMatch(viewer::covers)) {
			throw Problem.forbidden("planning.round.outside-scope", roundId);
		}
		return round;
	}

	private long latestId(long roundId) {
		return plans.latestId(roundId)
			.orElseThrow(() -> Problem.notFound("planning.plan.not-found", roundId));
	}

	private Proposal proposal(int n, ProposalSearch.Draft draft, PlanInputs.Inputs gathered) {
		Site site = draft.siteId() == null ? null : gathered.sites().get(draft.siteId());
		Site target = draft.targetSiteId() == null ? null : gathered.sites().get(draft.targetSiteId());
		List<Integer> stations = draft.stationsPerHour() == null ? List.of()
				: Arrays.stream(draft.stationsPerHour()).boxed().toList();
		return new Proposal(n, draft.kind(), draft.recommended(), draft.siteId(), site == null ? null : site.name(),
				draft.compound(), draft.compound() == null ? null : gathered.names().get(draft.compound()),
				draft.targetSiteId(), target == null ? null : target.name(), draft.area(), stations, draft.people(),
				draft.staffHours(), true,
				Double.isInfinite(draft.after().doneP90()) ? null : Math.round(draft.after().doneP90() * 10) / 10.0,
				Math.round(draft.after().worstWaitP90() * 10) / 10.0, null, null, null);
	}

	/** The deepest area containing all of these (their district at least, else the first one). */
	static String commonArea(List<String> areas) {
		String first = areas.get(0);
		for (int length : new int[] { 15, 12, 9, 6 }) {
			if (first.length() >= length) {
				String prefix = first.substring(0, length);
				if (areas.stream().allMatch(a -> a.startsWith(prefix))) {
					return prefix;
				}
			}
		}
		return first;
	}

	private static Double samplingDone(List<SitePlan> sites) {
		double done = 0;
		for (SitePlan site : sites) {
			if (site.people() > 0) {
				if (site.doneP90Minutes() == null) {
					return null;
				}
				done = Math.max(done, site.doneP90Minutes());
			}
		}
		return done;
	}

	private static RoundPlan.Totals totals(List<SitePlan> sites) {
		int hours = sites.stream().mapToInt(s -> s.staffPerHour().size()).max().orElse(0);
		int[] staff = new int[hours];
		for (SitePlan site : sites) {
			for (int h = 0; h < site.staffPerHour().size(); h++) {
				staff[h] += site.staffPerHour().get(h);
			}
		}
		return new RoundPlan.Totals(sites.stream().mapToInt(SitePlan::tubes).sum(),
				sites.stream().mapToInt(SitePlan::swabs).sum(), sites.stream().mapToInt(SitePlan::ppeSets).sum(),
				Arrays.stream(staff).max().orElse(0), sites.size(),
				(int) sites.stream().filter(s -> !s.meetsNorms()).count());
	}

	private static int stationsAt(int[] stations, int hour) {
		if (hour < stations.length) {
			return stations[hour];
		}
		for (int h = stations.length - 1; h >= 0; h--) {
			if (stations[h] > 0) {
				return stations[h];
			}
		}
		return 0;
	}

	private static RoundPlan withId(RoundPlan plan, long id) {
		return new RoundPlan(id, plan.roundId(), plan.roundName(), plan.startsAt(), plan.createdAt(), plan.createdBy(),
				plan.seed(), plan.runs(), plan.assumptions(), plan.residents(), plan.walkIn(), plan.doorToDoor(),
				plan.samplingDoneP90Minutes(), plan.meetsNorms(), plan.violations(), plan.totals(), plan.sites(),
				plan.proposals());
	}

	private static RoundPlan withSites(RoundPlan plan, List<SitePlan> sites) {
		return new RoundPlan(plan.planId(), plan.roundId(), plan.roundName(), plan.startsAt(), plan.createdAt(),
				plan.createdBy(), plan.seed(), plan.runs(), plan.assumptions(), plan.residents(), plan.walkIn(),
				plan.doorToDoor(), plan.samplingDoneP90Minutes(), plan.meetsNorms(), plan.violations(), plan.totals(),
				sites, plan.proposals());
	}
}
