package org.frontline.zones;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.frontline.zones.internal.ZoneChanges;
import org.junit.jupiter.api.Test;

class ZoneBuildingsTests {

	@Test
	void buildingsAreWrittenAsTheRegistryWritesThemOnceEachInNaturalOrder() {
		assertThat(ZoneChanges.buildings(List.of("11幢", " 2 ", "6栋", "2", "", "10号楼", "B座")))
			.containsExactly("2", "6", "10", "11", "B座");
	}

	@Test
	void noBuildingsMeanTheWholeArea() {
		assertThat(ZoneChanges.buildings(null)).isEmpty();
		assertThat(ZoneChanges.buildings(List.of(" "))).isEmpty();
	}

	@Test
	void aZoneGoesOnlyToMilderLevelsWhenLifted() {
		assertThat(LiftTarget.CONTROL.milderThan(ZoneLevel.LOCKDOWN)).isTrue();
		assertThat(LiftTarget.CONTROL.milderThan(ZoneLevel.CONTROL)).isFalse();
		assertThat(LiftTarget.NONE.milderThan(ZoneLevel.PREVENTION)).isTrue();
		assertThat(LiftTarget.PREVENTION.milderThan(ZoneLevel.PREVENTION)).isFalse();
	}
}
