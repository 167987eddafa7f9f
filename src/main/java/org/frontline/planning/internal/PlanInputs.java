package org.frontline.planning.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.frontline.area.Area;
import org.frontline.area.Areas;
import org.frontline.planning.FigureSource;
import org.frontline.planning.PlanRequest;
import org.frontline.planning.RoundPlan;
import org.frontline.planning.internal.PlanModel.CompoundDemand;
import org.frontline.planning.internal.PlanModel.SiteSetup;
import org.frontline.planning.internal.PlanModel.ZonedPart;
import org.frontline.shared.AreaCodes;
import org.frontline.testing.Round;
import org.frontline.testing.Site;
import org.frontline.testing.SiteKind;
import org.frontline.testing.Sites;
import org.frontline.workforce.Shifts;
import org.frontline.workforce.SiteStaffPlan;
import org.frontline.zones.ZoneSampling;
import org.frontline.zones.Zones;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gathers what a round's plan is made from: its compounds' residents (people), its sites (testing), what plans
 * changed for it, what past rounds taught and the settings. Staff per station and per site come from the shifts
 * the workforce module planned for a site in this round, else from the settings; the zones in force set how a
 * compound (or some of its buildings) is sampled ({@link ZonedPart}): at home where a zone's rule says so, in tubes
 * pooling no more than the rule allows; elsewhere tubes pool the round's pool size.
 */
@Component
public class PlanInputs {

	private final Sites sites;

	private final Areas areas;

	private final ResidentCounts residents;

	private final RoundSetupRepository setup;

	private final LearnedRepository learned;

	private final PlanningSettings settings;

	private final ObjectProvider<Zones> zones;

	private final ObjectProvider<Shifts> shifts;

	PlanInputs(Sites sites, Areas areas, ResidentCounts residents, RoundSetupRepository setup, LearnedRepository learned,
			PlanningSettings settings, ObjectProvider<Zones> zones, ObjectProvider<Shifts> shifts) {
		this.sites = sites;
		this.areas = areas;
		this.residents = residents;
		this.setup = setup;
		this.learned = learned;
		this.settings = settings;
		this.zones = zones;
		this.shifts = shifts;
	}

	/** The model of a round's plan, and the assumptions to report with it. */
	public record Inputs(PlanModel model, RoundPlan.Assumptions assumptions, Map<Long, Site> sites,
			Map<String, String> names) {
	}

	public Inputs gather(Round round, PlanRequest request) {
		Optional<LearnedRepository.Lesson> lesson = learned.latest(round.areas());
		Map<Long, Double> siteRates = request.stationRate() == null ? learned.siteRates() : Map.of();
		double stationRate;
		FigureSource rateSource;
		if (request.stationRate() != null) {
			stationRate = request.stationRate();
			rateSource = FigureSource.REQUEST;
		}
		else if (lesson.map(LearnedRepository.Lesson::stationRate).isPresent()) {
			stationRate = lesson.get().stationRate();
			rateSource = FigureSource.LEARNED;
		}
		else {
			stationRate = settings.stationRate();
			rateSource = FigureSource.DEFAULT;
		}
		double teamRate = lesson.map(LearnedRepository.Lesson::doorToDoorRate).orElse(60 / settings.doorToDoorMinutes());
		double[] shares;
		FigureSource profileSource;
		if (request.arrivalProfile() != null) {
			shares = slots(request.arrivalProfile());
			profileSource = FigureSource.REQUEST;
		}
		else if (lesson.isPresent() && lesson.get().arrivalShares().length > 0) {
			shares = lesson.get().arrivalShares();
			profileSource = FigureSource.LEARNED;
		}
		else {
			shares = slots(settings.arrivalProfile());
			profileSource = FigureSource.DEFAULT;
		}
		double cv = lesson.map(LearnedRepository.Lesson::serviceCv)
			.map(v -> Math.max(0.2, Math.min(1.0, v)))
			.orElse(settings.serviceCv());
		double labHours = lesson.map(LearnedRepository.Lesson::labTurnaroundHours).orElse(settings.labTurnaroundHours());
		boolean anyLearned = profileSource == FigureSource.LEARNED || rateSource == FigureSource.LEARNED
				|| lesson.map(l -> l.doorToDoorRate() != null || l.labTurnaroundHours() != null || l.serviceCv() != null)
					.orElse(false);

		Map<String, String> names = new HashMap<>();
		List<CompoundDemand> compounds = new ArrayList<>();
		Map<String, ResidentCounts.Count> counts = new LinkedHashMap<>();
		for (String area : round.areas()) {
			String prefix = AreaCodes.prefix(area);
			for (Area inside : areas.inside(area)) {
				names.put(inside.code(), inside.name());
			}
			for (ResidentCounts.Count count : residents.inside(prefix, AreaCodes.upperBound(prefix))) {
				counts.putIfAbsent(count.area(), count);
			}
		}
		Map<String, List<ZonedPart>> zoned = zoned(counts);
		counts.values()
			.forEach(c -> compounds.add(new CompoundDemand(c.area(), names.getOrDefault(c.area(), c.area()),
					c.residents(), c.bedridden(), c.noSmartphone(), c.elderlyLivingAlone(),
					zoned.getOrDefault(c.area(), List.of()))));

		int arrivalHours = Math.max(1, (shares.length + 5) / 6);
		Map<Long, int[]> schedules = setup.schedules(round.id());
		Map<Long, Site> roundSites = new LinkedHashMap<>();
		List<SiteSetup> setups = new ArrayList<>();
		Map<String, Integer> before = new HashMap<>();
		List<Site> inside = new ArrayList<>(sites.inside(round.areas()));
		inside.sort(Comparator.comparingLong(Site::id));
		for (Site site : inside) {
			roundSites.put(site.id(), site);
			List<String> serves = site.kind() == SiteKind.MOBILE && !site.stops().isEmpty()
					? site.stops().stream().map(s -> s.area() == null ? site.area() : s.area()).distinct().toList()
					: List.of(site.area());
			int[] schedule = schedules.get(site.id());
			if (schedule == null) {
				schedule = new int[arrivalHours];
				Arrays.fill(schedule, site.stations());
			}
			boolean team = site.kind() == SiteKind.DOOR_TO_DOOR;
			Double own = siteRates.get(site.id());
			double rate = own != null ? own : team ? teamRate : stationRate;
			FigureSource source = own != null ? FigureSource.LEARNED
					: team ? (lesson.map(LearnedRepository.Lesson::doorToDoorRate).isPresent() ? FigureSource.LEARNED
							: FigureSource.DEFAULT) : rateSource;
			int ordinal = before.merge(site.area() + "/" + site.kind(), 1, Integer::sum) - 1;
			setups.add(new SiteSetup(site.id(), site.name(), site.kind(), site.area(), serves, site.stations(), schedule,
					rate, source, SiteSetup.stream(site.area(), site.kind(), ordinal)));
		}
		long seed = request.seed() != null ? request.seed() : settings.seed();
		int runs = request.runs() != null ? request.runs() : settings.runs();
		PlanModel model = new PlanModel(seed, runs, round.poolSize(), shares, cv, stationRate, teamRate, labHours,
				new PlanModel.Norms(settings.waitNormMinutes(), settings.samplingNormHours(), settings.roundNormHours()),
				new PlanModel.Staffing(settings.staffPerStation(), settings.staffPerSite(), settings.shiftHours()),
				compounds, setups, setup.moves(round.id()), siteStaffing(round.id()));
		List<Double> shareList = Arrays.stream(model.arrivalShares()).boxed().toList();
		RoundPlan.Assumptions assumptions = new RoundPlan.Assumptions(stationRate, rateSource,
				anyLearned ? lesson.get().roundId() : null, cv, shareList, profileSource, 60 / teamRate, labHours,
				settings.staffPerStation(), settings.staffPerSite(), settings.shiftHours(), settings.waitNormMinutes(),
				settings.samplingNormHours(), settings.roundNormHours(), round.poolSize(),
				(int) roundSites.keySet().stream().filter(model.siteStaffing()::containsKey).count());
		return new Inputs(model, assumptions, roundSites, names);
	}

	/** Per site, the staffing the round's shifts plan for it (none without a workforce module or shifts). */
	public Map<Long, PlanModel.Staffing> siteStaffing(long roundId) {
		Shifts planned = shifts.getIfAvailable();
		Map<Long, PlanModel.Staffing> staffing = new HashMap<>();
		if (planned != null) {
			for (SiteStaffPlan plan : planned.staffPlans(roundId)) {
				if (plan.perStation() > 0 && plan.shiftHours() > 0) {
					staffing.put(plan.siteId(),
							new PlanModel.Staffing(plan.perStation(), plan.perSite(), plan.shiftHours()));
				}
			}
		}
		return staffing;
	}

	/**
	 * The parts of these compounds under a zone's sampling terms: the buildings a stricter zone covers, and the rest
	 * of the compound under the zone over all of it.
	 */
	private Map<String, List<ZonedPart>> zoned(Map<String, ResidentCounts.Count> counts) {
		Zones inForce = zones.getIfAvailable();
		Map<String, ZoneSampling> sampling = inForce == null ? Map.of() : inForce.sampling(counts.keySet());
		Set<String> buildingNames = new TreeSet<>();
		List<String> withBuildings = new ArrayList<>();
		sampling.values().forEach(z -> {
			if (!z.buildings().isEmpty()) {
				withBuildings.add(z.area());
				buildingNames.addAll(z.buildings().keySet());
			}
		});
		Map<String, ResidentCounts.BuildingCount> byBuilding = new HashMap<>();
		residents.inBuildings(withBuildings, buildingNames)
			.forEach(b -> byBuilding.put(b.area() + "/" + b.building(), b));
		Map<String, List<ZonedPart>> zoned = new HashMap<>();
		sampling.forEach((area, z) -> {
			List<ZonedPart> parts = new ArrayList<>();
			int residentsInParts = 0;
			int bedriddenInParts = 0;
			for (Map.Entry<String, ZoneSampling.Terms> building : z.buildings().entrySet()) {
				ResidentCounts.BuildingCount count = byBuilding.get(area + "/" + building.getKey());
				if (count != null) {
					parts.add(new ZonedPart(count.residents(), count.bedridden(), building.getValue().poolSize(),
							building.getValue().doorToDoor()));
					residentsInParts += count.residents();
					bedriddenInParts += count.bedridden();
				}
			}
			ResidentCounts.Count compound = counts.get(area);
			if (z.whole() != null) {
				parts.add(new ZonedPart(compound.residents() - residentsInParts, compound.bedridden() - bedriddenInParts,
						z.whole().poolSize(), z.whole().doorToDoor()));
			}
			zoned.put(area, parts);
		});
		return zoned;
	}

	/** Relative weights per hour spread evenly over the hour's 10-minute slots. */
	static double[] slots(List<Double> hourly) {
		double[] shares = new double[hourly.size() * 6];
		for (int s = 0; s < shares.length; s++) {
			shares[s] = hourly.get(s / 6) / 6;
		}
		return shares;
	}

	/** The name of an area, for new points and teams (the code when it has none). */
	public String name(String code) {
		return areas.find(code).map(Area::name).orElse(code);
	}
}
