package org.frontline.security;

import java.time.Duration;

/**
 * A limit on failed attempts under one key (a source address, an account, everyone in one minute): the first
 * {@code free} failures cost nothing, and from then on each failure makes the next attempt wait, {@code firstDelay}
 * after the first and twice as long after each further one, up to {@code maxDelay}. Failures are forgotten after
 * {@code forgetAfter} without an attempt. A success gives its attempt back, or with {@code resetBySuccess} forgets
 * every failure under the key.
 */
public record AttemptLimit(String key, int free, Duration firstDelay, Duration maxDelay, Duration forgetAfter,
		boolean resetBySuccess) {

	/** How long the next attempt waits after this many failures. */
	public Duration delayAfter(int failures) {
		if (failures < free) {
			return Duration.ZERO;
		}
		int doublings = Math.min(failures - free, 30);
		Duration delay = firstDelay.multipliedBy(1L << doublings);
		return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
	}
}
