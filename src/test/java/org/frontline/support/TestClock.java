package org.frontline.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that follows the system clock until a test moves it: {@link #advance(Duration)} shifts it forward for
 * deadlines and escalations without sleeping, {@link #freeze()} stops it (for what must happen "at once", however
 * slowly the machine runs); {@link #reset()} returns to real time.
 */
public class TestClock extends Clock {

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	private final AtomicReference<Instant> frozen = new AtomicReference<>();

	private final ZoneId zone;

	public TestClock(ZoneId zone) {
		this.zone = zone;
	}

	public void advance(Duration by) {
		offset.updateAndGet(current -> current.plus(by));
	}

	/** Stops the clock where it is now; {@link #advance(Duration)} still moves it. */
	public void freeze() {
		frozen.set(Instant.now());
	}

	public void reset() {
		frozen.set(null);
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
		clock.frozen.set(frozen.get());
		return clock;
	}

	@Override
	public Instant instant() {
		Instant stopped = frozen.get();
		return (stopped == null ? Instant.now() : stopped).plus(offset.get());
	}
}
