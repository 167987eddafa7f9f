package org.frontline.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.frontline.planning.internal.Assignment;
import org.frontline.planning.internal.Assignment.Demand;
import org.frontline.planning.internal.Assignment.Move;
import org.frontline.planning.internal.Assignment.Place;
import org.junit.jupiter.api.Test;

/** Compounds to their nearest sites, shared by stations, bedridden residents to door-to-door teams, moves. */
class AssignmentTests {

	private static final String COMMUNITY = "320602001001";

	private static final String OWN_SITE = COMMUNITY + "001";

	private static final String NEIGHBOUR = COMMUNITY + "002";

	private static final String OTHER_SITE = COMMUNITY + "003";

	private static final String OTHER_COMMUNITY = "320602001002001";

	@Test
	void aCompoundWithItsOwnSiteGoesThereAndTheOthersGoToTheirCommunitysSite() {
		Assignment.Result result = Assignment.assign(
				List.of(new Demand(OWN_SITE, 900, 0), new Demand(NEIGHBOUR, 500, 0), new Demand(OTHER_COMMUNITY, 300, 0)),
				List.of(new Place(1, false, List.of(OWN_SITE), 4), new Place(2, false, List.of(COMMUNITY), 2)), List.of());
		assertThat(result.walkIn().get(1L)).containsEntry(OWN_SITE, 900).doesNotContainKey(NEIGHBOUR);
		assertThat(result.walkIn().get(2L)).containsEntry(NEIGHBOUR, 500);
		// The other community has no site: its people share the two sites of the subdistrict, evening out per station.
		int first = result.walkIn().get(1L).getOrDefault(OTHER_COMMUNITY, 0);
		int second = result.walkIn().get(2L).getOrDefault(OTHER_COMMUNITY, 0);
		assertThat(first + second).isEqualTo(300);
		assertThat(result.people(1)).isEqualTo(1_133);
		assertThat(result.people(2)).isEqualTo(567);
		assertThat(result.walkInUnserved()).isEmpty();
	}

	@Test
	void equallyNearSitesShareACompoundByTheirStationsAndTheirEarlierLoad() {
		List<Place> places = List.of(new Place(1, false, List.of(COMMUNITY), 2), new Place(2, false, List.of(COMMUNITY), 4));
		Assignment.Result even = Assignment.assign(List.of(new Demand(NEIGHBOUR, 600, 0)), places, List.of());
		assertThat(even.people(1)).isEqualTo(200);
		assertThat(even.people(2)).isEqualTo(400);
		// A compound with a site inside goes first; the neighbour then fills the emptier site first.
		Assignment.Result loaded = Assignment.assign(
				List.of(new Demand(NEIGHBOUR, 600, 0), new Demand(OWN_SITE, 300, 0)),
				List.of(new Place(1, false, List.of(OWN_SITE), 3), new Place(2, false, List.of(OTHER_SITE), 3)),
				List.of());
		assertThat(loaded.walkIn().get(1L)).containsEntry(OWN_SITE, 300).containsEntry(NEIGHBOUR, 150);
		assertThat(loaded.walkIn().get(2L)).containsEntry(NEIGHBOUR, 450);
	}

	@Test
	void bedriddenResidentsGoToTheNearestTeamAndAreUnservedWithoutOne() {
		List<Demand> demands = List.of(new Demand(OWN_SITE, 800, 12), new Demand(OTHER_COMMUNITY, 400, 5));
		Assignment.Result withTeam = Assignment.assign(demands, List.of(new Place(1, false, List.of("320602"), 6),
				new Place(7, true, List.of(COMMUNITY), 2)), List.of());
		assertThat(withTeam.doorToDoor().get(7L)).isEqualTo(Map.of(OWN_SITE, 12, OTHER_COMMUNITY, 5));
		assertThat(withTeam.people(1)).isEqualTo(1_200);
		Assignment.Result withoutTeam = Assignment.assign(demands, List.of(new Place(1, false, List.of("320602"), 6)),
				List.of());
		assertThat(withoutTeam.doorToDoorUnserved()).isEqualTo(Map.of(OWN_SITE, 12, OTHER_COMMUNITY, 5));
	}

	@Test
	void sitesOfAnotherDistrictServeNobody() {
		Assignment.Result result = Assignment.assign(List.of(new Demand(OWN_SITE, 100, 0)),
				List.of(new Place(1, false, List.of("320611001001001"), 4)), List.of());
		assertThat(result.walkInUnserved()).isEqualTo(Map.of(OWN_SITE, 100));
		assertThat(result.people(1)).isZero();
	}

	@Test
	void movesTakeACompoundsPeopleFromOneSiteToAnotherAndPlaceTheUnserved() {
		List<Place> places = List.of(new Place(1, false, List.of(OWN_SITE), 4), new Place(2, false, List.of(OTHER_SITE), 2),
				new Place(3, false, List.of("320602002001001"), 2));
		List<Demand> demands = List.of(new Demand(OWN_SITE, 900, 0), new Demand(OTHER_SITE, 200, 0),
				new Demand("320603001001001", 70, 0));
		Assignment.Result result = Assignment.assign(demands, places,
				List.of(new Move(OWN_SITE, 1L, 2), new Move("320603001001001", null, 3), new Move(OTHER_SITE, 9L, 1)));
		assertThat(result.people(1)).isZero();
		assertThat(result.walkIn().get(2L)).isEqualTo(Map.of(OWN_SITE, 900, OTHER_SITE, 200));
		assertThat(result.walkIn().get(3L)).isEqualTo(Map.of("320603001001001", 70));
		assertThat(result.walkInUnserved()).isEmpty();
	}
}
