package org.frontline.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that follows the system clock until a test moves it: {@link #advance(Duration)} shifts it forward for
 * deadlines and escalations without sleeping; {@link #reset()} returns to real time.
 */
public class TestClock extends Clock {

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	private final ZoneId zone;

	public TestClock(ZoneId zone) {
		this.zone = zone;
	}

	public void advance(Duration by) {
		offset.updateAndGet(current -> current.plus(by));
	}

	public void reset() {
		offset.set(Duration.ZERO);
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		TestClock clock = new TestClock(zone);
		clock.offset.set(offset.get());
		return clock;
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(offset.get());
	}
}
