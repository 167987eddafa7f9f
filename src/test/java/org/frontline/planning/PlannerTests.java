package org.frontline.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.frontline.planning.internal.Assignment;
import org.frontline.planning.internal.PlanModel;
import org.frontline.planning.internal.PlanModel.CompoundDemand;
import org.frontline.planning.internal.PlanModel.SiteSetup;
import org.frontline.planning.internal.PlanModel.ZonedPart;
import org.frontline.planning.internal.Planner;
import org.frontline.planning.internal.ProposalSearch;
import org.frontline.testing.SiteKind;
import org.junit.jupiter.api.Test;

/** A small community planned, checked against the norms, and the proposals that make it meet them. */
class PlannerTests {

	static final String COMMUNITY = "320602001001";

	static final String BIG = COMMUNITY + "001";

	static final String SMALL = COMMUNITY + "002";

	static final String OTHER = COMMUNITY + "003";

	/** Hourly weights of arrivals from the round's start, spread over 10-minute slots. */
	static double[] profile(double... hourly) {
		double[] shares = new double[hourly.length * 6];
		for (int s = 0; s < shares.length; s++) {
			shares[s] = hourly[s / 6] / 6;
		}
		return shares;
	}

	static PlanModel model(List<SiteSetup> sites, List<Assignment.Move> moves) {
		return new PlanModel(7, 20, 10, profile(24, 26, 20, 16, 14), 1.0, 200, 3, 12,
				new PlanModel.Norms(20, 6, 24), new PlanModel.Staffing(2, 2, 4),
				List.of(new CompoundDemand(BIG, "碧林湾花园", 3_000, 20, 300, 90),
						new CompoundDemand(SMALL, "碧林湾新村", 1_200, 10, 100, 40),
						new CompoundDemand(OTHER, "碧林湾小区", 800, 5, 60, 30)),
				sites, moves);
	}

	static SiteSetup site(long id, SiteKind kind, String area, int stations) {
		int[] schedule = new int[6];
		Arrays.fill(schedule, stations);
		return new SiteSetup(id, "site " + id, kind, area, List.of(area), stations, schedule,
				kind == SiteKind.DOOR_TO_DOOR ? 3 : 200, FigureSource.DEFAULT, id);
	}

	static List<SiteSetup> community() {
		return List.of(site(1, SiteKind.FIXED, BIG, 3), site(2, SiteKind.FIXED, COMMUNITY, 4),
				site(3, SiteKind.DOOR_TO_DOOR, COMMUNITY, 1));
	}

	@Test
	void aSiteTooSmallForItsCompoundAndATeamTooSmallForItsListMissTheNorms() {
		Planner.Evaluation plan = Planner.evaluate(model(community(), List.of()));
		assertThat(plan.site(1).plan().people()).isEqualTo(2_980);
		assertThat(plan.site(2).plan().people()).isEqualTo(1_985);
		assertThat(plan.site(3).plan().people()).isEqualTo(35);
		assertThat(plan.site(1).plan().violations()).extracting(Violation::norm).contains(PlanNorm.WAIT);
		assertThat(plan.site(1).plan().worstWaitP90()).isGreaterThan(20);
		assertThat(plan.site(2).meetsNorms()).isTrue();
		// 35 visits of 20 minutes by one team take almost 12 hours: sampling and with the lab's 12 hours the round.
		assertThat(plan.site(3).plan().violations()).extracting(Violation::norm)
			.containsExactly(PlanNorm.SAMPLING, PlanNorm.ROUND);
		assertThat(plan.sites().get(0).meetsNorms()).isFalse();
		assertThat(plan.meetsNorms()).isFalse();
		SitePlan second = plan.site(2).plan();
		// Four stations and two people each, plus the site's own two, for the six hours.
		assertThat(second.staffPerHour()).startsWith(10, 10, 10, 10, 10, 10);
		// Each of the four stations' two people and the site's two put on one set per 4-hour shift: two shifts.
		assertThat(second.ppeSets()).isEqualTo((4 * 2 + 2) * 2);
		assertThat(second.swabs()).isEqualTo(1_985);
		assertThat(second.tubes()).isBetween(1_985 / 10, 1_985 / 10 + 4);
		assertThat(second.compounds()).extracting(SitePlan.CompoundShare::name).containsExactly("碧林湾新村", "碧林湾小区");
	}

	@Test
	void theSamePlanComesOutOfTheSameSeed() {
		Planner.Evaluation first = Planner.evaluate(model(community(), List.of()));
		Planner.Evaluation second = Planner.evaluate(model(community(), List.of()));
		assertThat(second.sites()).extracting(s -> s.plan()).isEqualTo(first.sites().stream().map(s -> s.plan()).toList());
	}

	@Test
	void extraStationsAtTheBusyHoursMakeTheSiteMeetTheNormsAndNoneOfThemIsSpare() {
		PlanModel model = model(community(), List.of());
		Planner.Evaluation plan = Planner.evaluate(model);
		List<ProposalSearch.Draft> drafts = ProposalSearch.propose(model, plan);
		ProposalSearch.Draft extra = drafts.stream().filter(d -> d.siteId() == 1L).findFirst().orElseThrow();
		assertThat(extra.kind()).isEqualTo(ProposalKind.EXTRA_STATIONS);
		assertThat(extra.recommended()).isTrue();
		int[] added = extra.stationsPerHour();
		assertThat(Arrays.stream(added).sum()).isPositive();
		// The morning peak needs them, the quiet afternoon does not.
		assertThat(added[1]).isPositive();
		assertThat(added[5]).isZero();
		assertThat(Planner.evaluate(withExtra(model, 1, added)).site(1).meetsNorms()).isTrue();
		for (int h = 0; h < added.length; h++) {
			if (added[h] > 0) {
				int[] fewer = added.clone();
				fewer[h]--;
				assertThat(Planner.evaluate(withExtra(model, 1, fewer)).site(1).meetsNorms()).as("hour " + h).isFalse();
			}
		}
		ProposalSearch.Draft teams = drafts.stream().filter(d -> d.siteId() == 3L).findFirst().orElseThrow();
		assertThat(teams.kind()).isEqualTo(ProposalKind.EXTRA_STATIONS);
		assertThat(Planner.evaluate(withExtra(model, 3, teams.stationsPerHour())).site(3).meetsNorms()).isTrue();
	}

	@Test
	void aCompoundMovesToANeighbourWithRoomBeforeAnyStationIsAdded() {
		List<SiteSetup> sites = List.of(site(1, SiteKind.FIXED, COMMUNITY, 4), site(2, SiteKind.FIXED, OTHER, 8),
				site(3, SiteKind.DOOR_TO_DOOR, COMMUNITY, 3));
		PlanModel model = model(sites, List.of());
		Planner.Evaluation plan = Planner.evaluate(model);
		assertThat(plan.site(1).plan().people()).isEqualTo(4_170);
		assertThat(plan.site(1).meetsNorms()).isFalse();
		List<ProposalSearch.Draft> drafts = ProposalSearch.propose(model, plan);
		ProposalSearch.Draft move = drafts.get(0);
		assertThat(move.kind()).isEqualTo(ProposalKind.MOVE_COMPOUND);
		assertThat(move.recommended()).isTrue();
		assertThat(move.compound()).isEqualTo(SMALL);
		assertThat(move.targetSiteId()).isEqualTo(2L);
		assertThat(move.staffHours()).isZero();
		assertThat(drafts).extracting(ProposalSearch.Draft::kind)
			.contains(ProposalKind.EXTRA_STATIONS, ProposalKind.MOBILE_POINT);
		assertThat(drafts.stream().filter(d -> !d.recommended())).allMatch(d -> d.staffHours() >= move.staffHours());
		Planner.Evaluation moved = Planner.evaluate(model.withMoves(List.of(new Assignment.Move(SMALL, 1L, 2L))));
		assertThat(moved.meetsNorms()).isTrue();
	}

	@Test
	void peopleNobodyServesGetAMobilePointAndBedriddenResidentsATeam() {
		// The only site is in another district.
		PlanModel model = model(List.of(site(1, SiteKind.FIXED, "320611001001001", 8)), List.of());
		Planner.Evaluation plan = Planner.evaluate(model);
		assertThat(plan.assignment().walkInUnserved()).containsOnlyKeys(BIG, SMALL, OTHER);
		assertThat(plan.assignment().doorToDoorUnserved()).containsOnlyKeys(BIG, SMALL, OTHER);
		assertThat(plan.violations()).extracting(Violation::norm).containsOnly(PlanNorm.SERVED);
		List<ProposalSearch.Draft> drafts = ProposalSearch.propose(model, plan);
		assertThat(drafts).extracting(ProposalSearch.Draft::kind)
			.containsExactly(ProposalKind.MOBILE_POINT, ProposalKind.MOBILE_POINT, ProposalKind.MOBILE_POINT,
					ProposalKind.DOOR_TO_DOOR_TEAM);
		assertThat(drafts).extracting(ProposalSearch.Draft::compound).containsExactly(BIG, SMALL, OTHER, null);
		ProposalSearch.Draft team = drafts.get(3);
		assertThat(team.area()).isEqualTo(COMMUNITY);
		assertThat(team.people()).isEqualTo(35);
		assertThat(team.after().doneP90()).isLessThanOrEqualTo(6 * 60);
		assertThat(drafts.get(0).after().worstWaitP90()).isLessThanOrEqualTo(20);
	}

	@Test
	void aZoneSamplesItsDoorToDoorBuildingsAtHomeAndNoTubeOfItsPeoplePoolsMoreThanItsRuleAllows() {
		// Two buildings of 碧林湾花园 locked down (one per tube, at home), the rest of it under control (five per tube).
		CompoundDemand big = new CompoundDemand(BIG, "碧林湾花园", 3_000, 20, 300, 90,
				List.of(new ZonedPart(300, 4, 1, true), new ZonedPart(2_700, 16, 5, false)));
		PlanModel base = model(community(), List.of());
		Planner.Evaluation plan = Planner.evaluate(
				with(base, List.of(big, base.compounds().get(1), base.compounds().get(2)), Map.of()));

		SitePlan inside = plan.site(1).plan();
		assertThat(inside.people()).isEqualTo(3_000 - 300 - 16);
		assertThat(inside.tubesByPool()).containsEntry(5, (2_684 + 4) / 5);
		assertThat(inside.tubesByPool().getOrDefault(10, 0)).as("partly filled tubes left at its three stations")
			.isLessThanOrEqualTo(3);
		assertThat(inside.tubes()).isEqualTo(inside.tubesByPool().values().stream().mapToInt(Integer::intValue).sum());
		SitePlan team = plan.site(3).plan();
		// The locked-down buildings' 300 (their bedridden among them), the control zone's 16 bedridden, and the
		// bedridden of the two compounds no zone covers.
		assertThat(team.people()).isEqualTo(300 + 16 + 10 + 5);
		assertThat(team.tubesByPool()).containsExactlyInAnyOrderEntriesOf(Map.of(1, 300, 5, 4, 10, 2));
	}

	@Test
	void aSiteWhoseShiftsArePlannedIsStaffedAsTheySayAndTheOthersAsTheSettingsSay() {
		PlanModel base = model(community(), List.of());
		Planner.Evaluation plan = Planner.evaluate(with(base, base.compounds(), Map.of(2L, new PlanModel.Staffing(3, 4, 6))));

		SitePlan second = plan.site(2).plan();
		// Four stations of three people each, and the site's own four.
		assertThat(second.staffPerHour()).startsWith(16, 16, 16, 16, 16, 16);
		int open = second.staffPerHour().size();
		assertThat(second.ppeSets()).as("one set a person per 6-hour shift").isEqualTo(16 * (int) Math.ceil(open / 6.0));
		assertThat(plan.site(1).plan().staffPerHour().get(0)).isEqualTo(3 * 2 + 2);
	}

	private static PlanModel with(PlanModel model, List<CompoundDemand> compounds,
			Map<Long, PlanModel.Staffing> siteStaffing) {
		return new PlanModel(model.seed(), model.runs(), model.poolSize(), model.arrivalShares(), model.serviceCv(),
				model.stationRate(), model.doorToDoorRate(), model.labTurnaroundHours(), model.norms(), model.staffing(),
				compounds, model.sites(), model.moves(), siteStaffing);
	}

	private static PlanModel withExtra(PlanModel model, long siteId, int[] extra) {
		List<SiteSetup> sites = new ArrayList<>();
		for (SiteSetup site : model.sites()) {
			if (site.id() == siteId) {
				int[] stations = new int[Math.max(extra.length, site.stationsPerHour().length)];
				for (int h = 0; h < stations.length; h++) {
					stations[h] = (h < site.stationsPerHour().length ? site.stationsPerHour()[h] : 0)
							+ (h < extra.length ? extra[h] : 0);
				}
				site = site.withStationsPerHour(stations);
			}
			sites.add(site);
		}
		return model.withSites(sites);
	}
}
