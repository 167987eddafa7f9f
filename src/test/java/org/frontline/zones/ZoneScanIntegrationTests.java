package org.frontline.zones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.frontline.zones.ZonesFixture.zone;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.frontline.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Testing follows the zones at scan time: a tube never pools more people than the zone of anyone in it allows, on
 * the group path (a request of tube openings and samples only) and on the per-event path alike.
 */
class ZoneScanIntegrationTests extends IntegrationTest {

	private ZonesFixture fixture;

	private ZoneRound round;

	@BeforeEach
	void roundAndSite() {
		clock.reset();
		fixture = new ZonesFixture(api());
		round = new ZoneRound(api(), fixture);
	}

	@Test
	void aPersonInALockdownBuildingIsSampledOnlyIntoASingleTubeOnBothScanPaths() {
		fixture.rule("LOCKDOWN", 1, 7, null, "CONTROL");
		long locked = fixture.resident(fixture.compound, "3");
		long neighbour = fixture.resident(fixture.compound, "4");
		fixture.notice(Instant.now().minus(Duration.ofMinutes(5)),
				List.of(zone(fixture.compound, List.of("3幢"), "LOCKDOWN")));

		assertThat(round.sample(10, true, neighbour, locked)).containsExactly("ACCEPTED", "REJECTED ZONE_SINGLE_TUBE");
		assertThat(round.sample(10, false, locked)).containsExactly("REJECTED ZONE_SINGLE_TUBE");
		assertThat(round.sample(1, true, locked)).containsExactly("ACCEPTED");
		long samples = jdbc.sql("SELECT count(*) FROM testing_sample WHERE round_id = :round AND person_id = :person")
			.param("round", round.id).param("person", locked).query(Long.class).single();
		assertThat(samples).isEqualTo(1);
	}

	@Test
	void aZoneOfFivePerTubeRefusesLargerTubesAndAZoneNotYetInForceChangesNothing() {
		fixture.rule("CONTROL", 5, 7, null, "PREVENTION");
		fixture.rule("LOCKDOWN", 1, 7, null, "CONTROL");
		long controlled = fixture.resident(fixture.compound, "8");
		long later = fixture.resident(fixture.otherCompound, "8");
		fixture.notice(Instant.now().minus(Duration.ofMinutes(5)), List.of(zone(fixture.compound, List.of(), "CONTROL")));
		fixture.notice(Instant.now().plus(Duration.ofHours(6)),
				List.of(zone(fixture.otherCompound, List.of(), "LOCKDOWN")));

		assertThat(round.sample(10, false, controlled)).containsExactly("REJECTED ZONE_POOL_SIZE");
		assertThat(round.sample(10, true, later)).containsExactly("ACCEPTED");
		assertThat(round.sample(5, true, controlled)).containsExactly("ACCEPTED");
	}
}
