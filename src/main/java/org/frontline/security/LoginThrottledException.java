package org.frontline.security;

import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for one username: further attempts are refused until {@link #until()}. */
public class LoginThrottledException extends AuthenticationException {

	private final Instant until;

	public LoginThrottledException(Instant until) {
		super("Too many failed sign-in attempts; try again after " + until);
		this.until = until;
	}

	public Instant until() {
		return until;
	}
}
