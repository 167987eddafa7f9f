package org.frontline.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.frontline.shared.IngestLimit;
import org.frontline.shared.IngestLimit.InFlight;
import org.junit.jupiter.api.Test;

/**
 * The admission's arithmetic on a clock of the test's own: how many requests an endpoint takes at once when its limit
 * follows the rate it answers them at. The whole filter, over HTTP and against a held-up committer, is in
 * ScanOverloadIntegrationTests.
 */
class IngestAdmissionTests {

	private static final long SECOND = 1_000_000_000L;

	private final AtomicLong now = new AtomicLong(100 * SECOND);

	@Test
	void requestsInFlightFollowTheRateTheyAreAnsweredAtWithinTheirBounds() {
		IngestAdmission.Endpoint endpoint = endpoint(new InFlight(Duration.ofMillis(100), 10), 1_000);

		assertThat(takeAll(endpoint)).as("at first, the least").isEqualTo(10);
		releaseAll(endpoint, 10);
		answer(endpoint, 390);

		now.addAndGet(SECOND);
		// 400 answered in the last second, smoothed by half: 200 a second, 20 in a tenth of it.
		assertThat(takeAll(endpoint)).isEqualTo(20);
		releaseAll(endpoint, 20);
		answer(endpoint, 3_980);

		now.addAndGet(SECOND);
		// (200 + 4,000) / 2 = 2,100 a second: 210.
		assertThat(takeAll(endpoint)).isEqualTo(210);
		releaseAll(endpoint, 210);
		answer(endpoint, 20_000 - 210);

		now.addAndGet(SECOND);
		assertThat(takeAll(endpoint)).as("never more than the maximum").isEqualTo(1_000);
		releaseAll(endpoint, 1_000);

		now.addAndGet(30 * SECOND);
		assertThat(takeAll(endpoint)).as("after a quiet spell, the least again").isEqualTo(10);
	}

	@Test
	void withoutARateTheMaximumHolds() {
		IngestAdmission.Endpoint endpoint = endpoint(null, 40);
		assertThat(takeAll(endpoint)).isEqualTo(40);
		releaseAll(endpoint, 40);
		answer(endpoint, 10_000);
		now.addAndGet(SECOND);
		assertThat(takeAll(endpoint)).isEqualTo(40);
	}

	private IngestAdmission.Endpoint endpoint(InFlight inFlight, int max) {
		return new IngestAdmission.Endpoint(new IngestLimit("/api/v1/scans", max, Long.MAX_VALUE, () -> false, inFlight),
				15, now::get);
	}

	/** Takes requests until one is refused; returns how many were taken (and are still in flight). */
	private static int takeAll(IngestAdmission.Endpoint endpoint) {
		int taken = 0;
		while (endpoint.admit(0)) {
			taken++;
			assertThat(taken).as("refuses at some point").isLessThanOrEqualTo(100_000);
		}
		return taken;
	}

	private static void releaseAll(IngestAdmission.Endpoint endpoint, int count) {
		for (int i = 0; i < count; i++) {
			endpoint.release();
		}
	}

	/** Takes and answers this many requests one after another, within the current second. */
	private static void answer(IngestAdmission.Endpoint endpoint, int count) {
		for (int i = 0; i < count; i++) {
			assertThat(endpoint.admit(0)).isTrue();
			endpoint.release();
		}
	}
}
