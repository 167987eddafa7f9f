package org.frontline.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.frontline.people.SampledPerson;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Workplace;
import org.frontline.testing.RoundStatus;
import org.frontline.testing.ScanEvent;
import org.frontline.testing.ScanEventType;
import org.frontline.testing.TubeStatus;
import org.frontline.testing.internal.ScanDecisions.Rejected;
import org.frontline.testing.internal.ScanDecisions.Standing;
import org.frontline.testing.internal.ScanDecisions.TubeState;
import org.junit.jupiter.api.Test;

/** A tube never pools more people than the control zone of anyone in it allows. */
class ScanZonePoolTests {

	private static final Instant NOW = Instant.parse("2022-04-07T08:30:00Z");

	private static final Viewer REGISTRAR = new Viewer(1, "reg", Set.of(Role.REGISTRAR), "320602001001",
			Map.of(Workplace.SITE, 3L));

	private static final SampledPerson PERSON = new SampledPerson(42, "王*明", "320602001001002");

	private static final ScanEvent SAMPLED = new ScanEvent("e", ScanEventType.SAMPLED, null, 7L, 3L, "T1", null,
			"FL1.42.1.x", null, null, null, null, null, null, null);

	private static TubeState tube(int poolSize) {
		return new TubeState(5L, "T1", 7, 3, "320602001001", poolSize, 0, TubeStatus.OPEN, RoundStatus.OPEN,
				NOW.minus(Duration.ofHours(2)), null, null, null);
	}

	private static String reason(int tubePool, Integer zonePool) {
		try {
			ScanDecisions.sample(REGISTRAR, SAMPLED, NOW, PERSON, tube(tubePool), new Standing(false, false, false, zonePool));
			return "ACCEPTED";
		}
		catch (Rejected rejected) {
			return rejected.reason;
		}
	}

	@Test
	void aPersonInALockdownZoneGoesOnlyIntoASingleTube() {
		assertThat(reason(10, 1)).isEqualTo("ZONE_SINGLE_TUBE");
		assertThat(reason(5, 1)).isEqualTo("ZONE_SINGLE_TUBE");
		assertThat(reason(1, 1)).isEqualTo("ACCEPTED");
	}

	@Test
	void aPersonGoesIntoNoTubeLargerThanTheirZoneAllowsAndIntoAnySmallerOne() {
		assertThat(reason(10, 5)).isEqualTo("ZONE_POOL_SIZE");
		assertThat(reason(20, 10)).isEqualTo("ZONE_POOL_SIZE");
		assertThat(reason(5, 5)).isEqualTo("ACCEPTED");
		assertThat(reason(10, 20)).isEqualTo("ACCEPTED");
		assertThat(reason(1, 10)).isEqualTo("ACCEPTED");
	}

	@Test
	void aPersonOutsideZonesGoesIntoAnyTube() {
		assertThat(reason(20, null)).isEqualTo("ACCEPTED");
	}

	@Test
	void aTubeMayPoolFivePeople() {
		ScanEvent open = new ScanEvent("e", ScanEventType.TUBE_OPENED, null, 7L, 3L, "T5", 5, null, null, null, null,
				null, null, null, null);
		ScanDecisions.Round round = new ScanDecisions.Round(7, RoundStatus.OPEN, 10, NOW.minus(Duration.ofHours(2)));
		assertThat(ScanDecisions.open(REGISTRAR, open, NOW, "320602001001", round, null).tube().poolSize()).isEqualTo(5);
	}
}
