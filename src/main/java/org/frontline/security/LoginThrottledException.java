package org.frontline.security;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins from this address or for this user: the next attempt waits until {@link #until()}. */
public class LoginThrottledException extends AuthenticationException {

	private final Instant until;

	private final Duration wait;

	public LoginThrottledException(Instant until, Duration wait) {
		super("Too many failed sign-in attempts; try again after " + until);
		this.until = until;
		this.wait = wait;
	}

	public Instant until() {
		return until;
	}

	/** Whole seconds to wait, at least one. */
	public int waitSeconds() {
		return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (wait.toMillis() + 999) / 1000));
	}
}
