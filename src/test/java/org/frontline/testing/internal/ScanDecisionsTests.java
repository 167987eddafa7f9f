package org.frontline.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.frontline.people.ResolvedCode;
import org.frontline.people.SampledPerson;
import org.frontline.shared.Role;
import org.frontline.shared.Viewer;
import org.frontline.shared.Workplace;
import org.frontline.testing.BoxStatus;
import org.frontline.testing.RoundStatus;
import org.frontline.testing.ScanEvent;
import org.frontline.testing.ScanEventType;
import org.frontline.testing.ScanResult;
import org.frontline.testing.TubeStatus;
import org.frontline.testing.internal.BoxDecisions.BoxState;
import org.frontline.testing.internal.ScanDecisions.Rejected;
import org.frontline.testing.internal.ScanDecisions.Round;
import org.frontline.testing.internal.ScanDecisions.Standing;
import org.frontline.testing.internal.ScanDecisions.TubeState;
import org.junit.jupiter.api.Test;

class ScanDecisionsTests {

	private static final Instant NOW = Instant.parse("2022-04-07T08:30:00Z");

	private static final Round ROUND = new Round(7, RoundStatus.OPEN, 10, NOW.minus(Duration.ofHours(2)));

	private static final Viewer REGISTRAR = new Viewer(1, "reg", Set.of(Role.REGISTRAR), "320602001001",
			Map.of(Workplace.SITE, 3L));

	private static final SampledPerson PERSON = new SampledPerson(42, "王*明", "320602001001001");

	private static final Standing NEW = new Standing(false, false, false);

	private static ScanEvent event(ScanEventType type, String tube) {
		return new ScanEvent("e", type, null, 7L, 3L, tube, null, "FL1.42.1.x", null, null, null, null, null, null, null);
	}

	private static TubeState tube(int poolSize, int samples, TubeStatus status) {
		return new TubeState(5L, "T1", 7, 3, "320602001001", poolSize, samples, status, RoundStatus.OPEN, ROUND.began(),
				null, null, null);
	}

	private static String reason(Runnable decision) {
		try {
			decision.run();
		}
		catch (Rejected rejected) {
			return rejected.reason;
		}
		throw new AssertionError("not rejected");
	}

	@Test
	void theSampleThatFillsATubeSealsItWithItsTimeAndSender() {
		TubeState after = ScanDecisions
			.sample(REGISTRAR, event(ScanEventType.SAMPLED, "T1"), NOW, PERSON, tube(10, 9, TubeStatus.OPEN), NEW)
			.tube();
		assertThat(after.samples()).isEqualTo(10);
		assertThat(after.status()).isEqualTo(TubeStatus.SEALED);
		assertThat(after.sealedAt()).isEqualTo(NOW);
		assertThat(after.sealedBy()).isEqualTo("reg");
		TubeState notFull = ScanDecisions
			.sample(REGISTRAR, event(ScanEventType.SAMPLED, "T1"), NOW, PERSON, tube(10, 3, TubeStatus.OPEN), NEW)
			.tube();
		assertThat(notFull.status()).isEqualTo(TubeStatus.OPEN);
		assertThat(notFull.sealedAt()).isNull();
	}

	@Test
	void aFullOrSealedTubeTakesNoSampleAndSealingItAgainChangesNothing() {
		ScanEvent sampled = event(ScanEventType.SAMPLED, "T1");
		assertThat(reason(() -> ScanDecisions.sample(REGISTRAR, sampled, NOW, PERSON, tube(1, 1, TubeStatus.SEALED), NEW)))
			.isEqualTo("TUBE_FULL");
		assertThat(reason(() -> ScanDecisions.sample(REGISTRAR, sampled, NOW, PERSON, tube(10, 4, TubeStatus.SEALED), NEW)))
			.isEqualTo("TUBE_SEALED");
		ScanDecisions.Sealing again = ScanDecisions.seal(REGISTRAR, event(ScanEventType.TUBE_SEALED, "T1"), NOW,
				tube(1, 1, TubeStatus.SEALED));
		assertThat(again.already()).isTrue();
		assertThat(again.answer("e").status()).isEqualTo(ScanResult.Status.DUPLICATE);
		assertThat(again.answer("e").reason()).isEqualTo("ALREADY_SEALED");
		assertThat(reason(() -> ScanDecisions.seal(REGISTRAR, event(ScanEventType.TUBE_SEALED, "T1"), NOW,
				tube(10, 0, TubeStatus.OPEN)))).isEqualTo("TUBE_EMPTY");
	}

	@Test
	void aPersonWithAFeverGoesOnlyIntoATubeOfOneAndASecondSampleNeedsConfirmation() {
		ScanEvent sampled = event(ScanEventType.SAMPLED, "T1");
		assertThat(reason(() -> ScanDecisions.sample(REGISTRAR, sampled, NOW, PERSON, tube(10, 0, TubeStatus.OPEN),
				new Standing(false, false, true)))).isEqualTo("FEVER_FLAGGED");
		assertThat(ScanDecisions.sample(REGISTRAR, sampled, NOW, PERSON, tube(1, 0, TubeStatus.OPEN),
				new Standing(false, false, true)).tube().status()).isEqualTo(TubeStatus.SEALED);
		assertThat(reason(() -> ScanDecisions.sample(REGISTRAR, sampled, NOW, PERSON, tube(10, 0, TubeStatus.OPEN),
				new Standing(false, true, false)))).isEqualTo("ALREADY_SAMPLED");
		ScanEvent confirmed = new ScanEvent("e", ScanEventType.SAMPLED, null, null, null, "T1", null, "FL1.42.1.x", null,
				true, null, null, null, null, null);
		assertThat(ScanDecisions.sample(REGISTRAR, confirmed, NOW, PERSON, tube(10, 0, TubeStatus.OPEN),
				new Standing(false, true, false)).resample()).isTrue();
	}

	@Test
	void eventTimesAreBoundedByTheServersClockAndTheRoundsStart() {
		assertThat(ScanDecisions.time(null, NOW)).isEqualTo(NOW);
		for (String at : List.of("0000-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "-200000-01-01T00:00:00Z",
				"2022-04-07T08:41:00Z", "not a time")) {
			assertThat(reason(() -> ScanDecisions.time(at, NOW))).as(at).isEqualTo("INVALID_TIME");
		}
		assertThat(ScanDecisions.time("2022-04-07T08:39:00Z", NOW)).isEqualTo(Instant.parse("2022-04-07T08:39:00Z"));
		Instant beforeTheRound = ROUND.began().minus(Duration.ofMinutes(11));
		assertThat(reason(() -> ScanDecisions.open(REGISTRAR, event(ScanEventType.TUBE_OPENED, "T9"), beforeTheRound,
				"320602001001", ROUND, null))).isEqualTo("INVALID_TIME");
		assertThat(ScanDecisions.open(REGISTRAR, event(ScanEventType.TUBE_OPENED, "T9"),
				ROUND.began().minus(Duration.ofMinutes(9)), "320602001001", ROUND, null).resumed()).isFalse();
	}

	@Test
	void anIdNumberFindsOnlyPeopleInsideTheCallersArea() {
		ScanEvent byId = new ScanEvent("e", ScanEventType.CHECKED_IN, null, 7L, 3L, null, null, null,
				"320602198001010011", null, null, null, null, null, null);
		SampledPerson elsewhere = new SampledPerson(43, "赵*海", "320602001002001");
		assertThat(reason(() -> ScanDecisions.person(REGISTRAR, byId, ResolvedCode.of(elsewhere))))
			.isEqualTo("PERSON_UNKNOWN");
		assertThat(ScanDecisions.person(REGISTRAR, byId, ResolvedCode.of(PERSON))).isEqualTo(PERSON);
		ScanEvent byCode = event(ScanEventType.SAMPLED, "T1");
		assertThat(ScanDecisions.person(REGISTRAR, byCode, ResolvedCode.of(elsewhere))).isEqualTo(elsewhere);
	}

	@Test
	void onlyTheLabABoxWasDispatchedToReceivesIt() {
		BoxState box = new BoxState(9, "B1", 3, "320602001001", BoxStatus.DISPATCHED, 11L, NOW.minusSeconds(600), 2);
		ScanEvent received = new ScanEvent("e", ScanEventType.BOX_RECEIVED, null, null, null, null, null, null, null,
				null, null, "B1", null, 12L, List.of("T1"));
		assertThatThrownBy(() -> BoxDecisions.receive(received, NOW, 12, box, List.of("T1")))
			.isInstanceOf(BoxDecisions.Misdelivered.class);
		BoxDecisions.Receipt receipt = BoxDecisions.receive(received, NOW, 11, box, List.of("T1", "T2"));
		assertThat(receipt.missing()).containsExactly("T2");
		assertThat(receipt.answer("e").boxStatus()).isEqualTo(BoxStatus.RECEIVED);
	}
}
